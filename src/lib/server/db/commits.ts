import type { DatabaseConnection, Dialect, Driver, TransactionSettings } from 'kysely';

/** Transactions committed through one database handle of this process, counted as they end. */
export interface CommitCounter {
	count: number;
}

/**
 * The dialect with its driver's COMMIT counted. In-memory caches of published content (the feed's
 * revision, see content/revision-clock.ts) compare this count with the one they were filled at:
 * any transaction this process committed, whatever module ran it and however it nested its writes,
 * makes them ask the database again on the next request, so a write is visible at once on the
 * server that made it. The count moves after COMMIT returns, when other connections see the rows.
 * Transactions begun `read only` (the feed's and the pages' snapshots) change nothing and are not
 * counted, so building a cache does not invalidate the revision it was built for.
 */
export function countingCommits(dialect: Dialect, counter: CommitCounter): Dialect {
	return {
		createAdapter: () => dialect.createAdapter(),
		createQueryCompiler: () => dialect.createQueryCompiler(),
		createIntrospector: (db) => dialect.createIntrospector(db),
		createDriver: () => countedDriver(dialect.createDriver(), counter)
	};
}

function countedDriver(driver: Driver, counter: CommitCounter): Driver {
	const readOnly = new WeakSet<DatabaseConnection>();
	return new Proxy(driver, {
		get(target, key) {
			if (key === 'beginTransaction') {
				return (connection: DatabaseConnection, settings: TransactionSettings) => {
					if (settings.accessMode === 'read only') readOnly.add(connection);
					else readOnly.delete(connection);
					return target.beginTransaction(connection, settings);
				};
			}
			if (key === 'commitTransaction') {
				return async (connection: DatabaseConnection) => {
					const changedNothing = readOnly.has(connection);
					try {
						await target.commitTransaction(connection);
					} finally {
						// Counted even when COMMIT failed: a lost reply may still have committed, and an
						// extra look at the revision costs one small query.
						if (!changedNothing) counter.count++;
					}
				};
			}
			const value = Reflect.get(target, key, target);
			return typeof value === 'function' ? value.bind(target) : value;
		}
	});
}
