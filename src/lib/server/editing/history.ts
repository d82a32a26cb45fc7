import type { HistoryEntry } from '$lib/admin/types';
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

export type { HistoryEntry };
