import {
	noticeScopeTypes,
	type Notice,
	type NoticeInput,
	type NoticeScopeType
} from '$lib/content/schemas';
import type { FieldProblem } from '$lib/content/validation';
import {
	checked,
	emptyText,
	localizedFrom,
	str,
	textInput,
	textValue,
	type LocalizedValue
} from './values';

/** The notice form, named by the schema's paths like every console form (see event.ts). */
export interface NoticeFormValues {
	slug: string;
	status: string;
	severity: string;
	message: LocalizedValue;
	start: string;
	end: string;
	/** `venues:ven_…`, `tours:tou_…`, `festivals:fes_…`, or empty for every page. */
	scope: string;
	sample: boolean;
}

/** A new notice: a draft information notice from now for a day. */
export function newNoticeValues(now: string, tomorrow: string): NoticeFormValues {
	return {
		slug: '',
		status: 'draft',
		severity: 'info',
		message: emptyText(),
		start: now,
		end: `${tomorrow}${now.slice(10)}`,
		scope: '',
		sample: false
	};
}

export function noticeValues(notice: Notice): NoticeFormValues {
	return {
		slug: notice.slug,
		status: notice.status,
		severity: notice.severity,
		message: textValue(notice.message),
		start: notice.start,
		end: notice.end,
		scope: notice.scope ? `${notice.scope.type}:${notice.scope.id}` : '',
		sample: notice.sample
	};
}

export function noticeValuesFrom(form: FormData): NoticeFormValues {
	return {
		slug: str(form, 'slug').trim(),
		status: str(form, 'status'),
		severity: str(form, 'severity'),
		message: localizedFrom(form, 'message'),
		start: str(form, 'start'),
		end: str(form, 'end'),
		scope: str(form, 'scope'),
		sample: checked(form, 'sample')
	};
}

/** The scope as the schema takes it; a malformed choice is passed on for the schema to name. */
function scopeInput(value: string): NoticeInput['scope'] {
	if (!value) return undefined;
	const [type, id = ''] = value.split(':');
	return { type: type as NoticeScopeType, id };
}

/** A notice is found by its id, never its slug: a new one gets a dated, unique-enough name. */
const newSlug = (start: string) =>
	`notice-${start.slice(0, 10) || 'draft'}-${Math.random().toString(36).slice(2, 8)}`;

export function noticeInputOf(
	values: NoticeFormValues,
	base: Partial<Notice> = {}
): { input: Omit<NoticeInput, 'id'> & { id?: string }; problems: FieldProblem[] } {
	const problems: FieldProblem[] = [];
	if (values.scope && !noticeScopeTypes.some((t) => values.scope.startsWith(`${t}:`))) {
		problems.push({ path: 'scope', message: 'must be a venue, tour or festival' });
	}
	return {
		problems,
		input: {
			...(base.id ? { id: base.id } : {}),
			slug: values.slug || base.slug || newSlug(values.start),
			status: values.status as NoticeInput['status'],
			severity: values.severity as NoticeInput['severity'],
			message: textInput(values.message),
			start: values.start,
			end: values.end,
			scope: scopeInput(values.scope),
			sample: values.sample
		}
	};
}
