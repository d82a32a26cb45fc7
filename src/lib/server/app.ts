import { demoEmail } from './auth/accounts.js';
import { applyDemoAccountPolicy, demoPassword } from './auth/demo';
import { usersRepository } from './auth/users';
import { sessionsRepository } from './auth/sessions';
import { config } from './config';
import { purgeTombstones } from './content/tombstones';
import { withStartupLock } from './db/dialect';
import { seedIfEmpty } from './seed';
import { openStore, type Store } from './store';

let store: Store | undefined;

/**
 * Start-up, run once from the server's init hook: validate configuration, open the database (SQLite
 * or PostgreSQL) and
 * apply migrations, drop expired tombstones and sessions, seed the sample content into an empty
 * database, and create (or, in production, remove) the demo account.
 */
export async function startApp(): Promise<Store> {
	const cfg = config();
	const opened = await openStore(cfg.DATABASE_URL, { poolSize: cfg.DATABASE_POOL_SIZE });
	const retentionMs = cfg.TOMBSTONE_RETENTION_DAYS * 24 * 60 * 60 * 1000;
	// Several app servers may share one PostgreSQL and start at once: one of them seeds.
	await withStartupLock(opened.db, async () => {
		await purgeTombstones(opened.db, new Date(Date.now() - retentionMs));
		if (cfg.SEED === 'auto') await seedIfEmpty(opened);
		// The seeded demo's account, never in production (see auth/demo.ts).
		await applyDemoAccountPolicy(opened.db, cfg);
		await sessionsRepository(opened.db).purgeExpired();
	});
	store = opened;
	if (cfg.NODE_ENV === 'production' && cfg.TILE_SOURCE === 'osm') console.warn(osmWarning);
	return opened;
}

/** Said once at start-up: most visitors are in mainland China, where OSM's servers often are not reachable. */
export const osmWarning =
	'Maps use OpenStreetMap tiles (TILE_SOURCE=osm), which are slow or unreachable from many networks in mainland China. Set TILE_SOURCE=tianditu with TIANDITU_KEY (and MAP_APPROVAL_NUMBER) to use 天地图; see the README, "Maps in China".';

/** The store of this process; start-up has opened it before any request is served. */
export function getStore(): Store {
	if (!store) throw new Error('The store is not open yet: startApp() has not run');
	return store;
}

/** What a person starting the server needs to get into the console (printed by `npm start`). */
export interface ConsoleAccess {
	accounts: number;
	/** The seeded demo's login, when this server keeps one (never in production). */
	demo?: { email: string; password: string };
}

export async function consoleAccess(opened: Store): Promise<ConsoleAccess> {
	const users = usersRepository(opened.db);
	const accounts = await users.count();
	const demo = config().NODE_ENV !== 'production' && (await users.emailTaken(demoEmail));
	return { accounts, ...(demo ? { demo: { email: demoEmail, password: demoPassword } } : {}) };
}
