import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { usersRepository, type User } from '$lib/server/auth/users';
import { currentRevision } from '$lib/server/content/revision';
import { contentEditor } from '$lib/server/editing/content';
import { unpublishedReference } from '$lib/server/editing/public-references';
import { ValidationError } from '$lib/content/validation';
import { problemText } from '$lib/admin/problem-text';
import type { Store } from '$lib/server/store';
import { describeEachDialect, eventInputFixture, venueInputFixture } from '../helpers/store';

/**
 * Found by the reliability bench: a published event at a draft venue put the draft's id in the
 * public feed and on the event's page. A public record may point only to public ones.
 */
describeEachDialect((open) => {
	let store: Store;
	let editor: User;
	beforeEach(async () => {
		store = await open();
		editor = await usersRepository(store.db).create({
			email: 'refs@bureau.example',
			name: 'Refs',
			role: 'editor',
			password: 'refs passphrase'
		});
	});
	afterEach(async () => {
		await store.close();
	});

	const refused = async (work: Promise<unknown>) => {
		const error = await work.then(
			() => undefined,
			(e: unknown) => e
		);
		expect(error).toBeInstanceOf(ValidationError);
		return (error as ValidationError).problems;
	};

	describe('a public record pointing to a draft', () => {
		it('is refused at the venue field, and nothing is written', async () => {
			const edit = contentEditor(store, editor);
			const draft = await edit.create('venues', venueInputFixture({ status: 'draft' }));
			const before = await currentRevision(store.db);
			const problems = await refused(
				edit.create('events', eventInputFixture({ venueId: draft.id, status: 'published' }))
			);
			expect(problems).toEqual([{ path: 'venueId', message: unpublishedReference }]);
			expect(await currentRevision(store.db)).toBe(before);
			expect(await store.events.listAll()).toEqual([]);
		});

		it('may be saved as a draft, and published once the venue is', async () => {
			const edit = contentEditor(store, editor);
			const venue = await edit.create('venues', venueInputFixture({ status: 'draft' }));
			const event = await edit.create(
				'events',
				eventInputFixture({ venueId: venue.id, status: 'draft' })
			);
			expect(
				await refused(edit.setStatus('events', event.id, event.version, { status: 'published' }))
			).toEqual([{ path: 'venueId', message: unpublishedReference }]);
			await edit.setStatus('venues', venue.id, venue.version, { status: 'published' });
			const published = await edit.setStatus('events', event.id, event.version, {
				status: 'published'
			});
			expect(published.status).toBe('published');
		});

		it('is refused for a festival and for a tour stop too, each at its own field', async () => {
			const edit = contentEditor(store, editor);
			const venue = await edit.create('venues', venueInputFixture({ status: 'draft' }));
			const festival = await edit.create('festivals', {
				slug: 'draft-fair',
				status: 'draft',
				name: { zh: '草稿节' },
				summary: { zh: '简介' },
				description: { zh: '介绍' },
				startDate: '2026-12-01',
				endDate: '2026-12-03'
			});
			expect(
				await refused(
					edit.create('events', eventInputFixture({ festivalId: festival.id, status: 'published' }))
				)
			).toEqual([{ path: 'festivalId', message: unpublishedReference }]);
			const open = await edit.create('venues', venueInputFixture({ status: 'published' }));
			expect(
				await refused(
					edit.create('tours', {
						slug: 'draft-stop-walk',
						status: 'published',
						name: { zh: '步道' },
						theme: { zh: '湖边' },
						summary: { zh: '简介' },
						description: { zh: '介绍' },
						modes: ['walk'],
						stops: [
							{ venueId: open.id, stayMinutes: 10 },
							{ venueId: venue.id, stayMinutes: 10 }
						],
						distanceM: 1500,
						durationMinutes: 40,
						path: {
							type: 'LineString',
							coordinates: [
								[116.6, 35.35],
								[116.61, 35.36]
							]
						}
					})
				)
			).toEqual([{ path: 'stops.1.venueId', message: unpublishedReference }]);
		});
	});
});

describe('the editor reads why', () => {
	it('in the console’s language', () => {
		expect(problemText(unpublishedReference)).not.toBe(unpublishedReference);
	});
});
