import {
	PostgresAdapter,
	sql,
	type ColumnDefinitionBuilder,
	type Expression,
	type Kysely,
	type RawBuilder
} from 'kysely';

/**
 * The few places where SQLite and PostgreSQL need different SQL, kept here so repositories and
 * migrations stay dialect-free. The schema avoids most differences by design: JSON records are
 * stored as text (byte-for-byte what was written, on both), flags are 0/1 integers, and search runs
 * in memory over the snapshot, so neither boolean nor JSON nor case-insensitive SQL is needed.
 */
export type DialectName = 'sqlite' | 'postgres';

/** `postgres://…` or `postgresql://…` selects PostgreSQL; anything else is a SQLite file. */
export function dialectOfUrl(url: string): DialectName {
	return /^postgres(ql)?:\/\//i.test(url) ? 'postgres' : 'sqlite';
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- works on any schema (migrations too)
export function dialectOf(db: Kysely<any>): DialectName {
	return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * The text column type. PostgreSQL's default collation follows the server's locale, so `order by
 * slug` or a comparison of ISO timestamps could differ from SQLite's byte order; "C" makes both
 * dialects sort identically, which the feed and the migration check rely on.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- used by migrations
export function textType(db: Kysely<any>): 'text' | RawBuilder<unknown> {
	return dialectOf(db) === 'postgres' ? sql`text collate "C"` : 'text';
}

/**
 * An integer primary key the database numbers itself: SQLite's `integer primary key
 * autoincrement`, PostgreSQL's `serial primary key`. Returns addColumn's type and builder.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- used by migrations
export function autoIncrementKey(db: Kysely<any>) {
	return dialectOf(db) === 'postgres'
		? ({ type: 'serial', build: (c: ColumnDefinitionBuilder) => c.primaryKey() } as const)
		: ({
				type: 'integer',
				build: (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement()
			} as const);
}

/** The larger of two values: SQLite's two-argument max(), PostgreSQL's greatest(). */
export function greatest<T>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
	db: Kysely<any>,
	a: Expression<T>,
	b: Expression<T>
): RawBuilder<T> {
	return dialectOf(db) === 'postgres' ? sql<T>`greatest(${a}, ${b})` : sql<T>`max(${a}, ${b})`;
}

/**
 * Runs `work` while holding a database-wide lock, so app servers that start together seed and
 * create the demo account once. PostgreSQL: a session advisory lock on one pooled connection
 * (`work` may use other connections). SQLite has one writer process by design: no lock needed.
 */
export async function withStartupLock<R>(
	// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any schema
	db: Kysely<any>,
	work: () => Promise<R>
): Promise<R> {
	if (dialectOf(db) !== 'postgres') return work();
	// An arbitrary constant shared by every app server of this application ("taibai" in ASCII).
	const key = 0x746169626169;
	return db.connection().execute(async (connection) => {
		await sql`select pg_advisory_lock(${key})`.execute(connection);
		try {
			return await work();
		} finally {
			await sql`select pg_advisory_unlock(${key})`.execute(connection);
		}
	});
}

/** Whether `error` is a unique-constraint violation, in either dialect's words. */
export function isUniqueViolation(error: unknown): boolean {
	const code = (error as { code?: unknown } | null)?.code;
	return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}
