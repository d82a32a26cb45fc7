import type { Event, Festival, Notice, Tour, Venue } from '$lib/content/schemas';
import { migrate, openDatabase, type Db } from './db/connect';
import { contentKinds } from './content/kinds';
import { contentRepository } from './content/repository';
import { holidayRepository } from './holidays/repository';

/** The server's content store: one database and a repository per content type. */
export function createStore(db: Db) {
	return {
		db,
		venues: contentRepository<Venue>(db, contentKinds.venues),
		events: contentRepository<Event>(db, contentKinds.events),
		festivals: contentRepository<Festival>(db, contentKinds.festivals),
		tours: contentRepository<Tour>(db, contentKinds.tours),
		notices: contentRepository<Notice>(db, contentKinds.notices),
		holidays: holidayRepository(db),
		close: () => db.destroy()
	};
}

export type Store = ReturnType<typeof createStore>;

/** Opens a database (SQLite or PostgreSQL, by URL), applies migrations and returns the store. */
export async function openStore(url: string, options: { poolSize?: number } = {}): Promise<Store> {
	const db = openDatabase(url, options);
	await migrate(db);
	return createStore(db);
}
