import * as m from '$lib/paraglide/messages';

/** Console words for enum values and field paths, in the console's current language. */
const types: Record<string, () => string> = {
	events: m.admin_type_events,
	venues: m.admin_type_venues,
	festivals: m.admin_type_festivals,
	tours: m.admin_type_tours,
	notices: m.admin_type_notices,
	users: m.admin_type_users,
	login: m.admin_type_login
};

const actions: Record<string, () => string> = {
	create: m.admin_action_create,
	update: m.admin_action_update,
	publish: m.admin_action_publish,
	unpublish: m.admin_action_unpublish,
	cancel: m.admin_action_cancel,
	delete: m.admin_action_delete,
	'user.create': m.admin_action_user_create,
	'user.disable': m.admin_action_user_disable,
	'user.enable': m.admin_action_user_enable,
	'user.role': m.admin_action_user_role,
	'user.password': m.admin_action_user_password,
	'user.unlock': m.admin_action_user_unlock,
	'login.fail': m.admin_action_login_fail,
	'login.lock': m.admin_action_login_lock
};

const lockScopes: Record<string, () => string> = {
	pair: m.admin_lock_pair,
	account: m.admin_lock_account,
	address: m.admin_lock_address
};

const statuses: Record<string, () => string> = {
	draft: m.admin_status_draft,
	published: m.admin_status_published,
	cancelled: m.admin_status_cancelled,
	postponed: m.admin_status_postponed
};

const fields: Record<string, () => string> = {
	id: m.admin_field_id,
	slug: m.admin_field_slug,
	status: m.admin_field_status,
	statusReason: m.admin_field_statusReason,
	title: m.admin_field_title,
	name: m.admin_field_name,
	summary: m.admin_field_summary,
	description: m.admin_field_description,
	venueId: m.admin_field_venueId,
	position: m.admin_field_position,
	lat: m.admin_field_lat,
	lon: m.admin_field_lon,
	festivalId: m.admin_field_festivalId,
	start: m.admin_field_start,
	end: m.admin_field_end,
	allDay: m.admin_field_allDay,
	rrule: m.admin_field_rrule,
	exdates: m.admin_field_exdates,
	previousStart: m.admin_field_previousStart,
	category: m.admin_field_category,
	price: m.admin_field_price,
	free: m.admin_field_free,
	text: m.admin_field_text,
	amountCny: m.admin_field_amountCny,
	bookingUrl: m.admin_field_bookingUrl,
	tags: m.admin_field_tags,
	image: m.admin_field_image,
	sample: m.admin_field_sample,
	kind: m.admin_field_kind,
	positionApproximate: m.admin_field_positionApproximate,
	address: m.admin_field_address,
	openingHours: m.admin_field_openingHours,
	hoursNote: m.admin_field_hoursNote,
	phone: m.admin_field_phone,
	website: m.admin_field_website,
	facilities: m.admin_field_facilities,
	accessibility: m.admin_field_accessibility,
	visitMinutes: m.admin_field_visitMinutes,
	photos: m.admin_field_photos,
	alt: m.admin_image_alt,
	startDate: m.admin_field_startDate,
	endDate: m.admin_field_endDate,
	heroImage: m.admin_field_heroImage,
	theme: m.admin_field_theme,
	modes: m.admin_field_modes,
	stops: m.admin_field_stops,
	path: m.admin_field_path,
	distanceM: m.admin_field_distanceM,
	durationMinutes: m.admin_field_durationMinutes,
	featured: m.admin_field_featured,
	severity: m.admin_field_severity,
	message: m.admin_field_message,
	scope: m.admin_field_scope,
	disabled: m.admin_field_disabled,
	role: m.admin_field_role,
	email: m.admin_field_email,
	password: m.admin_field_password,
	account: m.admin_field_account,
	lock: m.admin_field_lock,
	lockedUntil: m.admin_field_lockedUntil,
	'(record)': m.admin_field_record
};

const severities: Record<string, () => string> = {
	info: m.admin_notice_severity_info,
	warning: m.admin_notice_severity_warning,
	emergency: m.admin_notice_severity_emergency
};

export const severityLabel = (severity: string) => severities[severity]?.() ?? severity;
export const typeLabel = (type: string) => types[type]?.() ?? type;
export const actionLabel = (action: string) => actions[action]?.() ?? action;
export const statusLabel = (status: string) => statuses[status]?.() ?? status;
/** What a login lock covers (`lock` in the audit log): see auth/throttle.ts. */
export const lockScopeLabel = (scope: string) => lockScopes[scope]?.() ?? scope;

/**
 * A dotted field path as words: `title.en` → "标题（英文）", `price.text.zh` → "价格 · 价格说明（中文）",
 * `stops.2.stayMinutes` → "站点 · 3 · stayMinutes" (list positions count from 1).
 */
export function fieldLabel(path: string): string {
	const parts = path.split('.');
	const lang = parts.at(-1) === 'zh' || parts.at(-1) === 'en' ? parts.pop() : undefined;
	const field = parts
		.map((part) => (/^\d+$/.test(part) ? String(Number(part) + 1) : (fields[part]?.() ?? part)))
		.join(' · ');
	if (!lang) return field;
	const language = lang === 'zh' ? m.admin_lang_zh() : m.admin_lang_en();
	return m.admin_field_with_lang({ field, lang: language });
}
