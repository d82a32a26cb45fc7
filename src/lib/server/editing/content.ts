import type { ContentType } from '$lib/content/schemas';
import { auditRepository, type AuditAction, type AuditEntry } from '../audit/log';
import { diffRecords, type FieldChange } from '../audit/diff';
import type { User } from '../auth/users';
import { ConflictError, NotFoundError } from '../content/errors';
import type { ContentRepository, StoredRecord } from '../content/repository';
import { createStore, type Store } from '../store';
import { assertPublicReferences } from './public-references';

/**
 * Someone saved the record after the editor opened it. Carries the record as it is now and what
 * changed since the editor's version, field by field, with who changed it.
 */
export class EditConflict<T = StoredRecord> extends Error {
	constructor(
		readonly current: T,
		readonly changes: FieldChange[],
		readonly entries: AuditEntry[]
	) {
		super('This record was changed by someone else since you opened it.');
		this.name = 'EditConflict';
	}
}

const publicStatuses = new Set(['published', 'cancelled', 'postponed']);

/** What a change from one status to another is called in the audit log. */
export function actionFor(before: string, after: string): AuditAction {
	if (before === after) return 'update';
	if (after === 'published') return 'publish';
	if (after === 'cancelled') return 'cancel';
	if (after === 'draft' && publicStatuses.has(before)) return 'unpublish';
	return 'update';
}

/**
 * The one way the console writes content: form action → here → repository (which takes the
 * revision) → audit entry, all in one transaction, so a change without its audit entry (or the
 * reverse) can never be committed.
 */
export function contentEditor(store: Store, user: User) {
	function repo(trx: Store, type: ContentType) {
		return trx[type] as unknown as ContentRepository<StoredRecord>;
	}

	async function inTransaction<R>(work: (trx: Store) => Promise<R>): Promise<R> {
		return store.db.transaction().execute((db) => work(createStore(db)));
	}

	/** Turns the repository's bare conflict into one that says what changed and who changed it. */
	async function explained<R>(
		type: ContentType,
		id: string,
		version: number,
		work: () => Promise<R>
	) {
		try {
			return await work();
		} catch (error) {
			if (!(error instanceof ConflictError)) throw error;
			const { entries, changes } = await auditRepository(store.db).changesSince(type, id, version);
			throw new EditConflict(error.current as StoredRecord, changes, entries);
		}
	}

	return {
		async create(type: ContentType, input: unknown): Promise<StoredRecord> {
			return inTransaction(async (trx) => {
				const created = await repo(trx, type).create(input);
				await assertPublicReferences(trx, type, created);
				await auditRepository(trx.db).record({
					userId: user.id,
					action: 'create',
					entityType: type,
					entityId: created.id,
					version: created.version,
					changes: diffRecords(undefined, created)
				});
				return created;
			});
		},

		/** Creates several records in one transaction: all of them, or (on any error) none. */
		async createMany(type: ContentType, inputs: unknown[]): Promise<StoredRecord[]> {
			return inTransaction(async (trx) => {
				const created: StoredRecord[] = [];
				for (const input of inputs) {
					const record = await repo(trx, type).create(input);
					await assertPublicReferences(trx, type, record);
					await auditRepository(trx.db).record({
						userId: user.id,
						action: 'create',
						entityType: type,
						entityId: record.id,
						version: record.version,
						changes: diffRecords(undefined, record)
					});
					created.push(record);
				}
				return created;
			});
		},

		/** Saves an edited record over `version`; refused with an EditConflict if it moved on. */
		async save(
			type: ContentType,
			id: string,
			input: unknown,
			version: number
		): Promise<StoredRecord> {
			return explained(type, id, version, () =>
				inTransaction(async (trx) => {
					const before = await repo(trx, type).getById(id);
					if (!before) throw new NotFoundError(`${type} ${id}`);
					const after = await repo(trx, type).update(id, input, version);
					await assertPublicReferences(trx, type, after);
					await auditRepository(trx.db).record({
						userId: user.id,
						action: actionFor(before.status, after.status),
						entityType: type,
						entityId: id,
						version: after.version,
						changes: diffRecords(before, after)
					});
					return after;
				})
			);
		},

		/** Publish, unpublish or cancel: the stored record with a new status (and reason). */
		async setStatus(
			type: ContentType,
			id: string,
			version: number,
			changes: { status: string } & Record<string, unknown>
		): Promise<StoredRecord> {
			const current = await repo(store, type).getById(id);
			if (!current) throw new NotFoundError(`${type} ${id}`);
			return this.save(type, id, { ...current, ...changes }, version);
		},

		/** Deletes, leaving a tombstone for phones; the audit entry keeps the last content. */
		async remove(type: ContentType, id: string, version: number): Promise<void> {
			await explained(type, id, version, () =>
				inTransaction(async (trx) => {
					const before = await repo(trx, type).getById(id);
					if (!before) throw new NotFoundError(`${type} ${id}`);
					await repo(trx, type).remove(id, version);
					await auditRepository(trx.db).record({
						userId: user.id,
						action: 'delete',
						entityType: type,
						entityId: id,
						version: version + 1,
						changes: diffRecords(before, undefined)
					});
				})
			);
		}
	};
}

export type ContentEditor = ReturnType<typeof contentEditor>;
