import type { Db } from '../db/connect';
import { combineChanges, type FieldChange } from './diff';

export type AuditAction =
	| 'create'
	| 'update'
	| 'publish'
	| 'unpublish'
	| 'cancel'
	| 'delete'
	| 'user.create'
	| 'user.disable'
	| 'user.enable'
	| 'user.role'
	| 'user.password'
	| 'user.unlock'
	| 'login.fail'
	| 'login.lock'
	| 'holidays.publish';

export interface AuditEntry {
	id: number;
	at: string;
	userId: string | null;
	action: AuditAction;
	entityType: string;
	entityId: string;
	version: number | null;
	changes: FieldChange[];
}

export interface AuditFilter {
	userId?: string;
	entityType?: string;
	entityId?: string;
	action?: string;
	/** ISO instants, inclusive from and exclusive to. */
	from?: string;
	to?: string;
}

export interface NewAuditEntry {
	userId: string | null;
	action: AuditAction;
	entityType: string;
	entityId: string;
	version?: number | null;
	changes: FieldChange[];
}

/** All queries on the audit log. Writes join the caller's transaction, so a change and its entry commit together. */
export function auditRepository(db: Db) {
	function filtered(filter: AuditFilter) {
		let query = db.selectFrom('audit_log').selectAll();
		if (filter.userId) query = query.where('user_id', '=', filter.userId);
		if (filter.entityType) query = query.where('entity_type', '=', filter.entityType);
		if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
		if (filter.action) query = query.where('action', '=', filter.action);
		if (filter.from) query = query.where('at', '>=', filter.from);
		if (filter.to) query = query.where('at', '<', filter.to);
		return query;
	}

	return {
		async record(entry: NewAuditEntry, at = new Date()): Promise<void> {
			await db
				.insertInto('audit_log')
				.values({
					at: at.toISOString(),
					user_id: entry.userId,
					action: entry.action,
					entity_type: entry.entityType,
					entity_id: entry.entityId,
					version: entry.version ?? null,
					diff: JSON.stringify(entry.changes)
				})
				.execute();
		},

		/** Newest first. */
		async list(filter: AuditFilter = {}, limit = 50, offset = 0): Promise<AuditEntry[]> {
			const rows = await filtered(filter)
				.orderBy('id', 'desc')
				.limit(limit)
				.offset(offset)
				.execute();
			return rows.map(toEntry);
		},

		async count(filter: AuditFilter = {}): Promise<number> {
			const row = await filtered(filter)
				.clearSelect()
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			return Number(row.n);
		},

		/**
		 * The changes made to a record after `version` (up to and including `until`), with who made
		 * them: what others changed since an editor opened the record.
		 */
		async changesSince(
			entityType: string,
			entityId: string,
			version: number,
			until?: number
		): Promise<{ entries: AuditEntry[]; changes: FieldChange[] }> {
			const rows = await db
				.selectFrom('audit_log')
				.selectAll()
				.where('entity_type', '=', entityType)
				.where('entity_id', '=', entityId)
				.where('version', '>', version)
				.$if(until !== undefined, (q) => q.where('version', '<=', until as number))
				.orderBy('id')
				.execute();
			const entries = rows.map(toEntry);
			return { entries, changes: combineChanges(entries.map((e) => e.changes)) };
		}
	};
}

function toEntry(row: {
	id: number;
	at: string;
	user_id: string | null;
	action: string;
	entity_type: string;
	entity_id: string;
	version: number | null;
	diff: string;
}): AuditEntry {
	return {
		id: row.id,
		at: row.at,
		userId: row.user_id,
		action: row.action as AuditAction,
		entityType: row.entity_type,
		entityId: row.entity_id,
		version: row.version,
		changes: JSON.parse(row.diff) as FieldChange[]
	};
}
