import { afterEach, beforeEach, expect, it } from 'vitest';
import { auditRepository } from '$lib/server/audit/log';
import { auditSubjects } from '$lib/server/audit/titles';
import { usersRepository, type User } from '$lib/server/auth/users';
import { contentEditor } from '$lib/server/editing/content';
import { seedIfEmpty } from '$lib/server/seed';
import type { Store } from '$lib/server/store';
import { describeEachDialect } from '../helpers/store';

describeEachDialect((open) => {
	let store: Store;
	let user: User;

	beforeEach(async () => {
		store = await open();
		await seedIfEmpty(store, '2026-11-28');
		user = await usersRepository(store.db).create({
			email: 'auditor@bureau.example',
			name: '王芳',
			role: 'admin',
			password: 'auditor passphrase'
		});
	});
	afterEach(async () => {
		await store.close();
	});

	it('names audited records by their titles, linked to their edit pages', async () => {
		const museum = (await store.venues.getById('ven_jiningmuseum'))!;
		await contentEditor(store, user).save(
			'venues',
			museum.id,
			{ ...museum, hoursNote: { zh: '闭馆前一小时停止入馆' } },
			museum.version
		);
		const entries = await auditRepository(store.db).list();
		const subjects = await auditSubjects(store, entries, new Map([[user.id, user.name]]));
		expect(subjects['venues:ven_jiningmuseum']).toEqual({
			title: { zh: '济宁市博物馆', en: 'Jining Museum' },
			href: '/admin/venues/ven_jiningmuseum'
		});
	});

	it('names a deleted record by the title the log kept, without a link', async () => {
		const event = (await store.events.getById('evt_storytime01'))!;
		await contentEditor(store, user).remove('events', event.id, event.version);
		const entries = await auditRepository(store.db).list();
		const subjects = await auditSubjects(store, entries, new Map());
		expect(subjects['events:evt_storytime01']).toEqual({
			title: { zh: '少儿绘本故事会', en: 'Picture-Book Story Time' },
			deleted: true
		});
	});
});
