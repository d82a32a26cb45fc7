import { randomBytes } from 'node:crypto';
import { ValidationError, validate } from '$lib/content/validation';
import type { Db } from '../db/connect';
import type { ContentRow, ContentTable } from '../db/types';
import { isUniqueViolation } from '../db/dialect';
import { ConflictError, NotFoundError } from './errors';
import type { ContentKind } from './kinds';
import { nextRevision } from './revision';
import { storableKey } from '../db/keys';

/** What every stored record carries, whatever its type: the fields the store and editing rely on. */
export type StoredRecord = {
	id: string;
	slug: string;
	status: string;
	revision: number;
	version: number;
	updatedAt: string;
};
type Input<T> = Omit<T, 'revision' | 'version' | 'updatedAt'>;

const base62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function newId(prefix: string): string {
	return `${prefix}_${Array.from(randomBytes(14), (b) => base62[b % 62]).join('')}`;
}

function fromRow<T>(row: Pick<ContentRow, 'data' | 'revision' | 'version' | 'updated_at'>): T {
	return {
		...JSON.parse(row.data),
		revision: row.revision,
		version: row.version,
		updatedAt: row.updated_at
	};
}

/** Server-assigned fields live in columns, not in the JSON, so they can never disagree. */
function toData<T extends StoredRecord>(record: Input<T>): string {
	const {
		revision: _r,
		version: _v,
		updatedAt: _u,
		...data
	} = record as Input<T> & Partial<StoredRecord>;
	return JSON.stringify(data);
}

export interface ChangeSet<T> {
	upserts: T[];
	deletedIds: string[];
}

/**
 * All queries for one content type. Every write runs in one transaction together with the revision
 * it takes, so the feed can never show half a change.
 */
export function contentRepository<T extends StoredRecord>(db: Db, kind: ContentKind<T>) {
	// The four content tables share one shape; Kysely's typing needs one concrete table name.
	const table = kind.type as ContentTable as 'festivals';
	const isPublic = (status: string) => kind.publicStatuses.includes(status);
	// Inside a caller's transaction (seeding, imports) writes join it instead of nesting.
	const inTransaction = <R>(work: (trx: Db) => Promise<R>): Promise<R> =>
		db.isTransaction ? work(db) : db.transaction().execute(work);

	async function assertSlugFree(slug: string, exceptId: string | null, trx: Db) {
		let query = trx
			.selectFrom(table)
			.select('id')
			.where('slug', '=', slug)
			.where('deleted_at', 'is', null);
		if (exceptId) query = query.where('id', '!=', exceptId);
		if (await query.executeTakeFirst()) {
			throw new ValidationError([{ path: 'slug', message: `"${slug}" is already used` }]);
		}
	}

	/**
	 * The slug check reads before the write waits for the revision lock, so another server may take
	 * the slug in between; the unique index then refuses the write, reported like the check would.
	 */
	const slugTaken = (slug: string) => (error: unknown) => {
		if (isUniqueViolation(error)) {
			throw new ValidationError([{ path: 'slug', message: `"${slug}" is already used` }]);
		}
		throw error;
	};

	/**
	 * Writes only if the row still has the version the editor loaded. The version check above reads
	 * before this transaction waits for the revision lock; on PostgreSQL another server's save of the
	 * same record may commit in between, and this UPDATE (which re-checks the newest row) then
	 * matches nothing: refused as a conflict, and the rollback returns the revision unused.
	 */
	async function guardedUpdate(
		trx: Db,
		id: string,
		expectedVersion: number,
		values: Partial<ContentRow> & Record<string, unknown>
	) {
		const result = await trx
			.updateTable(table)
			.set(values)
			.where('id', '=', id)
			.where('version', '=', expectedVersion)
			.executeTakeFirst();
		if (Number(result.numUpdatedRows) === 0) {
			const current = await trx
				.selectFrom(table)
				.selectAll()
				.where('id', '=', id)
				.executeTakeFirst();
			if (!current || current.deleted_at) throw new NotFoundError(`${kind.type} ${id}`);
			throw new ConflictError(fromRow<T>(current));
		}
	}

	return {
		kind,

		async listPublic(): Promise<T[]> {
			const rows = await db
				.selectFrom(table)
				.selectAll()
				.where('public', '=', 1)
				.orderBy('slug')
				.execute();
			return rows.map((row) => fromRow<T>(row));
		},

		/** Every live record, drafts included: for the editor console only. */
		async listAll(): Promise<T[]> {
			const rows = await db
				.selectFrom(table)
				.selectAll()
				.where('deleted_at', 'is', null)
				.orderBy('slug')
				.execute();
			return rows.map((row) => fromRow<T>(row));
		},

		async getPublicBySlug(slug: string): Promise<T | undefined> {
			if (!storableKey(slug)) return undefined;
			const row = await db
				.selectFrom(table)
				.selectAll()
				.where('slug', '=', slug)
				.where('public', '=', 1)
				.executeTakeFirst();
			return row ? fromRow<T>(row) : undefined;
		},

		async getById(id: string): Promise<T | undefined> {
			if (!storableKey(id)) return undefined;
			const row = await db
				.selectFrom(table)
				.selectAll()
				.where('id', '=', id)
				.where('deleted_at', 'is', null)
				.executeTakeFirst();
			return row ? fromRow<T>(row) : undefined;
		},

		/** Public upserts and tombstones with a revision above `since`. */
		async changedSince(since: number): Promise<ChangeSet<T>> {
			const rows = await db
				.selectFrom(table)
				.select(['id', 'data', 'revision', 'version', 'updated_at', 'public'])
				.where('revision', '>', since)
				.where('ever_public', '=', 1)
				.orderBy('revision')
				.execute();
			return {
				upserts: rows.filter((r) => r.public === 1).map((row) => fromRow<T>(row)),
				deletedIds: rows.filter((r) => r.public === 0).map((r) => r.id)
			};
		},

		async create(input: unknown): Promise<T> {
			const record = validate(kind.input, { id: newId(kind.idPrefix), ...(input as object) });
			return inTransaction(async (trx) => {
				const id = record.id;
				await assertSlugFree(record.slug, null, trx);
				const revision = await nextRevision(trx);
				const now = new Date().toISOString();
				const pub = isPublic(record.status) ? 1 : 0;
				const row = {
					id,
					slug: record.slug,
					status: record.status,
					data: toData<T>({ ...record, id }),
					revision,
					version: 1,
					public: pub,
					ever_public: pub,
					deleted_at: null,
					created_at: now,
					updated_at: now,
					...kind.columns(record)
				};
				await trx.insertInto(table).values(row).execute().catch(slugTaken(record.slug));
				return fromRow<T>(row);
			});
		},

		/**
		 * Replaces a record. `expectedVersion` is the version the editor loaded: if someone saved in
		 * between, a ConflictError carries the newer record and nothing is written.
		 */
		async update(id: string, input: unknown, expectedVersion: number): Promise<T> {
			const record = validate(kind.input, { ...(input as object), id });
			return inTransaction(async (trx) => {
				const existing = await trx
					.selectFrom(table)
					.selectAll()
					.where('id', '=', id)
					.where('deleted_at', 'is', null)
					.executeTakeFirst();
				if (!existing) throw new NotFoundError(`${kind.type} ${id}`);
				if (existing.version !== expectedVersion) throw new ConflictError(fromRow<T>(existing));
				await assertSlugFree(record.slug, id, trx);
				const revision = await nextRevision(trx);
				const pub = isPublic(record.status) ? 1 : 0;
				const row = {
					slug: record.slug,
					status: record.status,
					data: toData<T>(record),
					revision,
					version: existing.version + 1,
					public: pub,
					ever_public: existing.ever_public || pub,
					updated_at: new Date().toISOString(),
					...kind.columns(record)
				};
				await guardedUpdate(trx, id, expectedVersion, row).catch(slugTaken(record.slug));
				return fromRow<T>(row);
			});
		},

		/** Deletes a record, leaving a tombstone so phones drop it at their next sync. */
		async remove(id: string, expectedVersion: number): Promise<void> {
			await inTransaction(async (trx) => {
				const existing = await trx
					.selectFrom(table)
					.selectAll()
					.where('id', '=', id)
					.where('deleted_at', 'is', null)
					.executeTakeFirst();
				if (!existing) throw new NotFoundError(`${kind.type} ${id}`);
				if (existing.version !== expectedVersion) throw new ConflictError(fromRow<T>(existing));
				const revision = await nextRevision(trx);
				const now = new Date().toISOString();
				await guardedUpdate(trx, id, expectedVersion, {
					revision,
					public: 0,
					deleted_at: now,
					updated_at: now,
					version: existing.version + 1
				});
			});
		}
	};
}

export type ContentRepository<T extends StoredRecord> = ReturnType<typeof contentRepository<T>>;
