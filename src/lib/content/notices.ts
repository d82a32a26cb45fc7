import type { Notice, NoticeScopeType, NoticeSeverity } from './schemas';
import type { Snapshot } from './snapshot';
import type { LocalDateTime } from './time';

/** What a visitor page is about, for notices: the records a scoped notice may name. */
export type PageScope = { type: NoticeScopeType; id: string }[];

/** The visitor pages that belong to a record (every other page is in no scope). */
export const scopedPages = ['venue', 'event', 'festival', 'tour'] as const;
export type ScopedPage = (typeof scopedPages)[number];

const stopVenues = (snap: Snapshot, tourId: string) =>
	(snap.tours.find((t) => t.id === tourId)?.stops ?? []).flatMap((s) =>
		s.venueId ? [{ type: 'venues' as const, id: s.venueId }] : []
	);

/**
 * The records a page is about: a venue's page and the tours that stop there; an event's page and
 * its venue and festival; a festival's page; a tour's page and the venues it stops at. So "boat pier
 * closed" shows on the pier, its events and the tours that call there. An unknown slug is in no
 * scope (the page itself answers 404).
 */
export function pageScope(snap: Snapshot, page: string | undefined, slug: string | undefined) {
	const scope: PageScope = [];
	if (!slug) return scope;
	if (page === 'venue') {
		const venue = snap.venueBySlug(slug);
		if (!venue) return scope;
		scope.push({ type: 'venues', id: venue.id });
		for (const tour of snap.tours) {
			if (tour.stops.some((s) => s.venueId === venue.id))
				scope.push({ type: 'tours', id: tour.id });
		}
	} else if (page === 'event') {
		const event = snap.eventBySlug(slug);
		if (event?.venueId) scope.push({ type: 'venues', id: event.venueId });
		if (event?.festivalId) scope.push({ type: 'festivals', id: event.festivalId });
	} else if (page === 'festival') {
		const festival = snap.festivalBySlug(slug);
		if (festival) scope.push({ type: 'festivals', id: festival.id });
	} else if (page === 'tour') {
		const tour = snap.tourBySlug(slug);
		if (tour) scope.push({ type: 'tours', id: tour.id }, ...stopVenues(snap, tour.id));
	}
	return scope;
}

/** Whether a notice belongs on a page with this scope: an unscoped one belongs everywhere. */
export function inScope(notice: Pick<Notice, 'scope'>, scope: PageScope): boolean {
	return (
		!notice.scope || scope.some((s) => s.type === notice.scope?.type && s.id === notice.scope.id)
	);
}

/** Whether a notice is showing at `now` (Shanghai wall clock): from its start until its end. */
export const isShowing = (notice: Pick<Notice, 'start' | 'end'>, now: LocalDateTime) =>
	notice.start <= now && now < notice.end;

const rank: Record<NoticeSeverity, number> = { emergency: 0, warning: 1, info: 2 };

/** Most urgent first, then the newest. */
export function byUrgency(a: Notice, b: Notice): number {
	return rank[a.severity] - rank[b.severity] || b.start.localeCompare(a.start);
}

/** Only an emergency notice stays while it lasts, whatever the visitor dismissed. */
export const dismissable = (notice: Pick<Notice, 'severity'>) => notice.severity !== 'emergency';
