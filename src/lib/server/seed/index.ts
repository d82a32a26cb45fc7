import { validate } from '$lib/content/validation';
import { eventInput, festivalInput, tourInput, venueInput } from '$lib/content/schemas';
import { shanghaiToday } from '$lib/content/time';
import { currentRevision } from '../content/revision';
import { createStore, type Store } from '../store';
import { sampleEvents } from './data/events';
import { sampleFestivals } from './data/festivals';
import { sampleTours } from './data/tours';
import { holidays2026 } from './data/holidays';
import { sampleVenues } from './data/venues';

/** The sample programme, dated relative to `today` so a fresh demo always has something on. */
export function sampleContent(today: string) {
	return {
		venues: sampleVenues.map((v) => validate(venueInput, v)),
		festivals: sampleFestivals(today).map((f) => validate(festivalInput, f)),
		tours: sampleTours.map((t) => validate(tourInput, t)),
		events: sampleEvents(today).map((e) => validate(eventInput, e))
	};
}

/**
 * Seeds an empty database. Everything is validated before the first write, so a bad sample record
 * stops start-up without leaving half a seed behind.
 */
export async function seedIfEmpty(store: Store, today = shanghaiToday()): Promise<boolean> {
	if ((await currentRevision(store.db)) > 0) return false;
	const content = sampleContent(today);
	await store.db.transaction().execute(async (trx) => {
		const tx = createStore(trx);
		for (const v of content.venues) await tx.venues.create(v);
		for (const f of content.festivals) await tx.festivals.create(f);
		for (const t of content.tours) await tx.tours.create(t);
		for (const e of content.events) await tx.events.create(e);
		await tx.holidays.save(holidays2026, 0);
	});
	return true;
}
