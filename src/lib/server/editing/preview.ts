import { error } from '@sveltejs/kit';
import { snapshotOf, type Snapshot } from '$lib/content/snapshot';
import type { ContentType, Event, Festival, Tour, Venue } from '$lib/content/schemas';
import { instantToShanghai } from '$lib/content/time';
import { eventView } from '$lib/content/views/event';
import { festivalView } from '$lib/content/views/festival';
import { tourView } from '$lib/content/views/tour';
import { venueView } from '$lib/content/views/venue';
import type { Language } from '$lib/content/localized';
import { langFromParam } from '$lib/i18n/paths';
import { serverSnapshot } from '../content/snapshot';
import type { Store } from '../store';

type Record = Event | Venue | Tour | Festival;

/** A draft is shown as published; any other status (cancelled, postponed) as it is. */
const asPublished = <T extends Record>(record: T): T =>
	record.status === 'draft' ? { ...record, status: 'published' } : record;

const withOne = <T extends { id: string }>(list: T[], record: T | undefined): T[] =>
	record ? [...list.filter((r) => r.id !== record.id), record] : list;

/**
 * The public snapshot with one record as it would be if published now: a draft is shown as
 * published, and the draft venues or festival it points to are included so its page is whole.
 * Nothing leaves the server; the visitor view then renders it exactly as a phone would.
 */
export async function previewSnapshot(
	store: Store,
	type: ContentType,
	record: Record
): Promise<Snapshot> {
	const snap = await serverSnapshot(store);
	const shown = asPublished(record);
	const missingVenue = async (id: string | undefined) =>
		id && !snap.venue(id) ? await store.venues.getById(id) : undefined;
	let venues = snap.venues;
	let festivals = snap.festivals;
	if (type === 'events') {
		const event = record as Event;
		venues = withOne(venues, await missingVenue(event.venueId));
		if (event.festivalId && !snap.festival(event.festivalId)) {
			festivals = withOne(festivals, await store.festivals.getById(event.festivalId));
		}
	}
	if (type === 'tours') {
		for (const stop of (record as Tour).stops)
			venues = withOne(venues, await missingVenue(stop.venueId));
	}
	return snapshotOf({
		revision: snap.revision,
		venues: type === 'venues' ? withOne(venues, shown as Venue) : venues,
		events: type === 'events' ? withOne(snap.events, shown as Event) : snap.events,
		festivals: type === 'festivals' ? withOne(festivals, shown as Festival) : festivals,
		tours: type === 'tours' ? withOne(snap.tours, shown as Tour) : snap.tours,
		holidays: snap.holidays,
		settings: snap.settings,
		searchKeys: snap.searchKeys
	});
}

const views = {
	events: eventView,
	venues: venueView,
	tours: tourView,
	festivals: festivalView
} as const;

type Views = typeof views;

/**
 * What a preview page needs: the visitor view of one record, by id, in the language asked for
 * (`?lang=en`), drafts included. Editors only, like everything under /admin (hooks/auth.ts).
 */
export async function previewPage<T extends keyof Views>(
	store: Store,
	type: T,
	id: string,
	url: URL
): Promise<{ lang: Language; view: ReturnType<Views[T]>; id: string; status: string }> {
	const record = (await store[type].getById(id)) as Record | undefined;
	if (!record) error(404, `No ${type} ${id}`);
	const lang = langFromParam(url.searchParams.get('lang') ?? undefined);
	const snap = await previewSnapshot(store, type, record);
	const view = views[type](
		snap,
		{ slug: record.slug },
		{ lang, now: instantToShanghai(new Date()) }
	) as ReturnType<Views[T]>;
	return { lang, view, id: record.id, status: record.status };
}
