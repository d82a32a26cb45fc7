import { contentTypes } from '$lib/content/schemas';
import { getStore } from '$lib/server/app';
import { auditRepository } from '$lib/server/audit/log';
import { usersRepository } from '$lib/server/auth/users';
import { currentRevision } from '$lib/server/content/revision';
import type { PageServerLoad } from './$types';

export const load = (async () => {
	const store = getStore();
	const counts = await Promise.all(
		contentTypes.map(async (type) => {
			const all = await store[type].listAll();
			const drafts = all.filter((r) => r.status === 'draft').length;
			return { type, published: all.length - drafts, drafts };
		})
	);
	const names = await usersRepository(store.db).names();
	const recent = (await auditRepository(store.db).list({}, 30))
		.filter((e) => e.entityType !== 'users')
		.slice(0, 10)
		.map((e) => ({ ...e, userName: (e.userId && names.get(e.userId)) || e.userId || '—' }));
	return { counts, recent, revision: await currentRevision(store.db) };
}) satisfies PageServerLoad;
