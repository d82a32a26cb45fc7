import type { HistoryEntry, MergeNotice, SaveNotice } from '$lib/admin/types';
import { auditRepository } from '../audit/log';
import { usersRepository } from '../auth/users';
import type { Store } from '../store';

/** A record's audit entries, newest first, with who made each. */
export async function historyOf(
	store: Store,
	entityType: string,
	entityId: string,
	limit = 50
): Promise<HistoryEntry[]> {
	const [entries, names] = await Promise.all([
		auditRepository(store.db).list({ entityType, entityId }, limit),
		usersRepository(store.db).names()
	]);
	return entries.map((e) => ({
		...e,
		userName: (e.userId && names.get(e.userId)) || e.userId || '—'
	}));
}

export type { HistoryEntry, MergeNotice, SaveNotice };

/**
 * Reads a merged save's notice back from the audit log: `merged` is `<opened at>-<merged up to>`
 * from the redirect; their changes are those in between, minus the fields the merge then changed.
 */
export async function saveNotice(
	store: Store,
	entityType: string,
	entityId: string,
	params: URLSearchParams
): Promise<SaveNotice | undefined> {
	if (params.has('created')) return { kind: 'created' };
	if (!params.has('saved')) return undefined;
	const range = /^(\d{1,9})-(\d{1,9})$/.exec(params.get('merged') ?? '');
	const [from, upTo] = range ? [Number(range[1]), Number(range[2])] : [0, 0];
	if (from >= upTo) return { kind: 'saved' };
	const audit = auditRepository(store.db);
	const [theirs, mine, names] = await Promise.all([
		audit.changesSince(entityType, entityId, from, upTo),
		audit.changesSince(entityType, entityId, upTo, upTo + 1),
		usersRepository(store.db).names()
	]);
	const overridden = new Set(mine.changes.map((c) => c.path));
	return {
		kind: 'saved',
		merged: {
			names: [...new Set(theirs.entries.map((e) => (e.userId && names.get(e.userId)) || '—'))],
			kept: theirs.changes.map((c) => c.path).filter((path) => !overridden.has(path))
		}
	};
}
