import type { ContentType } from '$lib/content/schemas';
import { auditRepository, type AuditAction, type AuditEntry } from '../audit/log';
import { diffRecords, type FieldChange } from '../audit/diff';
import type { User } from '../auth/users';
import { ConflictError, NotFoundError } from '../content/errors';
import type { ContentRepository, StoredRecord } from '../content/repository';
import { createStore, type Store } from '../store';
import { applyChanges, threeWayMerge, type Choice, type FieldConflict } from './merge';
import { assertPublicReferences } from './public-references';

/**
 * Someone saved the record after the editor opened it. Carries the record as it is now and what
 * changed since the editor's version, field by field, with who changed it; for a save that could
 * not be merged, the fields both changed differently and whether the editor must first see the
 * other changes (a status change over them).
 */
export class EditConflict<T = StoredRecord> extends Error {
	constructor(
		readonly current: T,
		readonly changes: FieldChange[],
		readonly entries: AuditEntry[],
		readonly conflicts: FieldConflict[] = [],
		/** Set when the save goes through only once the editor has seen their changes, and why. */
		readonly review?: 'status' | 'overwrite',
		/** The editor's choices that still stand (nobody changed those fields again). */
		readonly choices: ReadonlyMap<string, Choice> = new Map()
	) {
		super('This record was changed by someone else since you opened it.');
		this.name = 'EditConflict';
	}
}

/** What a save from a form opened at an older version needs to be merged (see merge.ts). */
export interface MergeRequest {
	/**
	 * The form's input for the record as it was at the form's version (the same form code run on
	 * that version), or undefined when the audit log cannot rebuild that version.
	 */
	baseInput: object | undefined;
	/** The editor's choice for each conflicting field, made while the record was at `seenVersion`. */
	choices: ReadonlyMap<string, Choice>;
	/** The newest version whose changes the editor has been shown (a refused save lists them). */
	seenVersion?: number;
}

/** A save from a form: the input for record `id`, from a form opened at `version`. */
export interface FormSave {
	type: ContentType;
	id: string;
	input: object;
	version: number;
	request: MergeRequest;
}

export interface MergedSave {
	record: StoredRecord;
	/**
	 * Set when the save went over newer versions: the version it was opened at, the newest
	 * version it was merged with, and the fields of theirs it kept.
	 */
	merged?: { from: number; upTo: number; kept: string[] };
}

/** A save that lost a race for the version is merged again, a few times at most. */
const mergeAttempts = 3;

/** Whether the log holds an entry for every version after `from` up to `to`. */
function complete(entries: AuditEntry[], from: number, to: number): boolean {
	const versions = new Set(entries.map((e) => e.version));
	for (let v = from + 1; v <= to; v++) if (!versions.has(v)) return false;
	return true;
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

	/** Writes `input` over `version` with its audit entry, in the caller's transaction. */
	async function write(trx: Store, type: ContentType, before: StoredRecord, input: unknown) {
		const after = await repo(trx, type).update(before.id, input, before.version);
		await assertPublicReferences(trx, type, after);
		await auditRepository(trx.db).record({
			userId: user.id,
			action: actionFor(before.status, after.status),
			entityType: type,
			entityId: before.id,
			version: after.version,
			changes: diffRecords(before, after)
		});
		return after;
	}

	async function mergeInto(trx: Store, save: FormSave): Promise<MergedSave> {
		const { type, id, input, version, request } = save;
		const current = await repo(trx, type).getById(id);
		if (!current) throw new NotFoundError(`${type} ${id}`);
		if (current.version === version) return { record: await write(trx, type, current, input) };
		const { entries, changes } = await auditRepository(trx.db).changesSince(type, id, version);
		const seen = request.seenVersion === current.version;
		const refuse = (
			conflicts: FieldConflict[],
			review?: 'status' | 'overwrite',
			choices?: ReadonlyMap<string, Choice>
		) => new EditConflict(current, changes, entries, conflicts, review, choices);
		if (!request.baseInput || version > current.version) {
			// Nothing to merge against: the editor's input goes over the newest version only once
			// they have been shown it.
			if (!seen) throw refuse([], 'overwrite');
			return {
				record: await write(trx, type, current, input),
				merged: { from: version, upTo: current.version, kept: [] }
			};
		}
		// A choice stands only for a field nobody changed again after it was offered.
		const offeredAt = request.seenVersion ?? Infinity;
		const movedSinceOffered = new Set(
			entries
				.filter((e) => (e.version ?? 0) > offeredAt)
				.flatMap((e) => e.changes.map((c) => c.path))
		);
		const choices = new Map(
			offeredAt === Infinity
				? []
				: [...request.choices].filter(([path]) => !movedSinceOffered.has(path))
		);
		const outcome = threeWayMerge({
			baseInput: request.baseInput,
			mineInput: input,
			current,
			theirs: changes,
			choices
		});
		// A stale page must not publish (or unpublish) content its editor has not seen.
		const changesStatus = [...outcome.applied, ...outcome.conflicts].some(
			(c) => c.path === 'status'
		);
		if (outcome.conflicts.length || (changesStatus && !seen)) {
			throw refuse(outcome.conflicts, changesStatus && !seen ? 'status' : undefined, choices);
		}
		const merged = { from: version, upTo: current.version, kept: outcome.kept };
		if (!outcome.applied.length) return { record: current, merged };
		return { record: await write(trx, type, current, outcome.merged), merged };
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

		/**
		 * The record as it was at `version`, rebuilt from the newest one by undoing the changes the
		 * audit log holds after it; undefined when the log does not cover every version since.
		 */
		async recordAt(type: ContentType, id: string, version: number) {
			const current = await repo(store, type).getById(id);
			if (!current) throw new NotFoundError(`${type} ${id}`);
			if (version === current.version) return current;
			if (!Number.isInteger(version) || version < 1 || version > current.version) return undefined;
			const { entries, changes } = await auditRepository(store.db).changesSince(type, id, version);
			if (!complete(entries, version, current.version)) return undefined;
			return { ...applyChanges(current, changes, 'before'), version } as StoredRecord;
		},

		/**
		 * Saves a form's input. Over the version it was opened at this is a plain save; over a newer
		 * one only the fields this editor changed are written on top of the newest record (a
		 * three-way merge), refused with an EditConflict when both changed a field differently and
		 * no choice was made for it, or when it changes the status over changes the editor has not
		 * been shown. A refusal writes nothing.
		 */
		async saveMerging(save: FormSave): Promise<MergedSave> {
			for (let attempt = 1; ; attempt++) {
				try {
					return await inTransaction((trx) => mergeInto(trx, save));
				} catch (error) {
					// Someone saved between our read and our write: merge again over theirs.
					if (error instanceof ConflictError && attempt < mergeAttempts) continue;
					if (error instanceof ConflictError) {
						const { entries, changes } = await auditRepository(store.db).changesSince(
							save.type,
							save.id,
							save.version
						);
						throw new EditConflict(error.current as StoredRecord, changes, entries);
					}
					throw error;
				}
			}
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
					if (before.version !== version) throw new ConflictError(before);
					return write(trx, type, before, input);
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
