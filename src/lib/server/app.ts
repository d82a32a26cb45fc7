import { config } from './config';
import { purgeTombstones } from './content/tombstones';
import { seedIfEmpty } from './seed';
import { openStore, type Store } from './store';

let store: Store | undefined;

/**
 * Start-up, run once from the server's init hook: validate configuration, open the database and
 * apply migrations, drop expired tombstones, and seed the sample content into an empty database.
 */
export async function startApp(): Promise<Store> {
	const cfg = config();
	const opened = await openStore(cfg.DATABASE_URL);
	const retentionMs = cfg.TOMBSTONE_RETENTION_DAYS * 24 * 60 * 60 * 1000;
	await purgeTombstones(opened.db, new Date(Date.now() - retentionMs));
	if (cfg.SEED === 'auto') await seedIfEmpty(opened);
	store = opened;
	return opened;
}

/** The store of this process; start-up has opened it before any request is served. */
export function getStore(): Store {
	if (!store) throw new Error('The store is not open yet: startApp() has not run');
	return store;
}
