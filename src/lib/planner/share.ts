import { z } from '$lib/content/zod';
import { localDate } from '$lib/content/schemas/primitives';
import { addMinutes, minutesBetween } from '$lib/content/time';
import { minutesOf, timeOf, type Plan, type PlanItem } from './plan';
import { itemId, plan as planSchema } from './plan-schema';
import { travelModes } from './travel';

/**
 * A plan in a link, without an account or a server: a compact array form of the plan, as JSON,
 * in base64url (RFC 4648 §5), versioned by its first element. Times become minutes, the date a
 * number, an event's occurrence just its time of day. About 40 characters per item, so a day of
 * ten stops fits a QR code comfortably.
 *
 * v1: [1, yyyymmdd, from, to, mode, start, items, flags?]
 *   start: [venueId] | [lat×1e5, lon×1e5, here(0|1)]
 *   item:  [type(0 event, 1 venue, 2 meal break), id, at (minutes from the day's midnight, or
 *           null), minutes (or 0), lockedAt (minutes, or -1), left(0|1)], trailing defaults left off
 *   flags: 1 = no meal break, 2 = keep the day's hours (left off when 0)
 */

export const shareVersion = 1;

export class ShareLinkError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ShareLinkError';
	}
}

/** A whole number from `min` to `max`. */
const whole = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));
const minute = whole(-1, 24 * 60);
const itemTypes = ['event', 'venue', 'meal'] as const;
const compactItem = z.tuple([
	z.union([z.literal(0), z.literal(1), z.literal(2)]),
	itemId,
	z.optional(z.nullable(whole(-1440, 2880))),
	z.optional(whole(0, 720)),
	z.optional(minute),
	z.optional(z.union([z.literal(0), z.literal(1)]))
]);
/** Defaults of the optional item fields (at, minutes, lockedAt, left): left off at the end. */
const itemDefaults = [null, 0, -1, 0];
const compact = z.tuple([
	z.literal(shareVersion),
	whole(19000101, 29991231),
	minute,
	minute,
	whole(0, travelModes.length - 1),
	z.union([
		z.tuple([itemId]),
		z.tuple([
			whole(-9_000_000, 9_000_000),
			whole(-18_000_000, 18_000_000),
			z.union([z.literal(0), z.literal(1)])
		])
	]),
	z.array(compactItem).check(z.maxLength(60)),
	z.optional(whole(0, 3))
]);

function toBase64Url(text: string): string {
	const bytes = new TextEncoder().encode(text);
	let binary = '';
	for (const b of bytes) binary += String.fromCharCode(b);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(code: string): string {
	if (!/^[A-Za-z0-9_-]+$/.test(code)) throw new ShareLinkError('the link is not a plan link');
	const binary = atob(code.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
	return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

export function encodePlan(plan: Plan): string {
	const date = Number(plan.date.replace(/-/g, ''));
	const start =
		plan.start.kind === 'venue'
			? [plan.start.venueId]
			: [
					Math.round(plan.start.position.lat * 1e5),
					Math.round(plan.start.position.lon * 1e5),
					plan.start.here ? 1 : 0
				];
	const items = plan.items.map((item) => {
		const full = [
			itemTypes.indexOf(item.type),
			item.id,
			item.at ? minutesBetween(`${plan.date}T00:00`, item.at) : null,
			item.minutes ?? 0,
			item.lockedAt ? minutesOf(item.lockedAt) : -1,
			item.left ? 1 : 0
		];
		while (full.length > 2 && full[full.length - 1] === itemDefaults[full.length - 3]) full.pop();
		return full;
	});
	const flags = (plan.meal === false ? 1 : 0) | (plan.keepHours ? 2 : 0);
	return toBase64Url(
		JSON.stringify([
			shareVersion,
			date,
			minutesOf(plan.from),
			minutesOf(plan.to),
			travelModes.indexOf(plan.mode),
			start,
			items,
			...(flags ? [flags] : [])
		])
	);
}

/** The plan in a share code; throws ShareLinkError saying what is wrong with anything else. */
export function decodePlan(code: string): Plan {
	let json: unknown;
	try {
		json = JSON.parse(fromBase64Url(code.trim()));
	} catch (error) {
		if (error instanceof ShareLinkError) throw error;
		throw new ShareLinkError('the link is damaged: it does not decode to a plan');
	}
	if (Array.isArray(json) && typeof json[0] === 'number' && json[0] !== shareVersion)
		throw new ShareLinkError(`the link is from a newer version of the app (v${json[0]})`);
	const parsed = compact.safeParse(json);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		throw new ShareLinkError(
			`the link is damaged: ${issue.path.join('.') || 'plan'} ${issue.message}`
		);
	}
	const [, day, from, to, mode, start, items, flags = 0] = parsed.data;
	const ds = String(day);
	const date = `${ds.slice(0, 4)}-${ds.slice(4, 6)}-${ds.slice(6, 8)}`;
	if (!localDate.safeParse(date).success)
		throw new ShareLinkError('the link is damaged: date is not a date');
	const plan = {
		date,
		start:
			start.length === 1
				? { kind: 'venue' as const, venueId: start[0] }
				: {
						kind: 'point' as const,
						position: { lat: start[0] / 1e5, lon: start[1] / 1e5 },
						...(start[2] ? { here: true } : {})
					},
		from: timeOf(from),
		to: timeOf(to),
		mode: travelModes[mode],
		items: items.map(([type, id, at = null, minutes = 0, lockedAt = -1, left = 0]): PlanItem => {
			const item: PlanItem = { type: itemTypes[type], id };
			if (at !== null) item.at = addMinutes(`${date}T00:00`, at);
			if (minutes) item.minutes = minutes;
			if (lockedAt >= 0) item.lockedAt = timeOf(lockedAt);
			if (left) item.left = true;
			return item;
		}),
		...(flags & 1 ? { meal: false } : {}),
		...(flags & 2 ? { keepHours: true } : {})
	};
	const checked = planSchema.safeParse(plan);
	if (!checked.success) {
		const issue = checked.error.issues[0];
		throw new ShareLinkError(`the link is damaged: ${issue.path.join('.')} ${issue.message}`);
	}
	return checked.data;
}
