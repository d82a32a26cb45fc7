import type { Mirror } from '$lib/content/apply-feed';
import { contentTypes } from '$lib/content/schemas/feed';
import type { GuideDb } from '$lib/offline/db';
import { readSyncMeta } from '$lib/offline/sync';

// A phone's content in one comparable shape, from the pure applyFeed's mirror or from Dexie, so the
// feed's property tests can ask that both hold the same.

export function mirrorShape(mirror: Mirror) {
	return {
		revision: mirror.revision,
		holidays: mirror.holidays,
		settings: mirror.settings,
		searchKeys: mirror.searchKeys,
		...Object.fromEntries(
			contentTypes.map((type) => [
				type,
				// By code unit, as IndexedDB orders keys: localeCompare puts "not_p…" before "not_V…",
				// IndexedDB the other way round, so random ids of mixed case failed now and then.
				[...mirror[type].values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
			])
		)
	};
}

export async function dexieShape(db: GuideDb) {
	const meta = async (key: 'holidays' | 'settings' | 'searchKeys') =>
		(await db.meta.get(key))?.value;
	return {
		revision: (await readSyncMeta(db))?.revision ?? 0,
		holidays: (await meta('holidays')) ?? [],
		settings: await meta('settings'),
		searchKeys: (await meta('searchKeys')) ?? {},
		...Object.fromEntries(
			await Promise.all(
				contentTypes.map(async (type) => [type, await db[type].orderBy('id').toArray()])
			)
		)
	};
}
