import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyFeed, emptyMirror, type Mirror } from '$lib/content/apply-feed';
import { loginCounters, throttleRepository } from '$lib/server/auth/throttle';
import { ValidationError } from '$lib/content/validation';
import { ConflictError } from '$lib/server/content/errors';
import { currentRevision } from '$lib/server/content/revision';
import { holidays2026 } from '$lib/server/seed/data/holidays';
import { buildFeed } from '$lib/server/feed/build';
import { createStore, type Store } from '$lib/server/store';
import {
	describeEachDialect,
	eventInputFixture,
	twoServers,
	venueInputFixture
} from '../helpers/store';

/**
 * Gap-safety of the global revision (see content/revision.ts) under concurrent writers on two app
 * servers (see twoServers). Each write holds its transaction open a little after taking its
 * revision, so that commits would land out of revision order if writers were not serialised.
 * (Replacing the counter row by a sequence-like counter makes this test report missed changes.)
 */
const writers = 16;
const writesPerWriter = 6;
const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 12));

describeEachDialect((open, dialect) => {
	let serverA: Store;
	let serverB: Store;
	let cleanUp: () => Promise<void>;

	beforeEach(async () => {
		({ a: serverA, b: serverB, close: cleanUp } = await twoServers(open, dialect));
	});
	afterEach(async () => {
		await cleanUp();
	});

	describe('the revision under concurrent writers on two servers', () => {
		it('is gap-free, and a phone polling deltas never misses a change at or below a revision it saw', async () => {
			/** Which revision created each event, known once its transaction committed. */
			const createdAt = new Map<string, number>();
			const taken: number[] = [];
			let writing = true;

			async function writer(n: number) {
				const server = n % 2 === 0 ? serverA : serverB;
				for (let i = 0; i < writesPerWriter; i++) {
					await server.db.transaction().execute(async (trx) => {
						const scoped = createStore(trx);
						const event = await scoped.events.create(eventInputFixture());
						taken.push(event.revision);
						if (i % 3 === 2) {
							const edited = await scoped.events.update(
								event.id,
								{ ...event, title: { zh: `改${n}-${i}` } },
								event.version
							);
							taken.push(edited.revision);
						}
						// Commit late: a slow writer must not let a later revision become visible first.
						await pause();
						createdAt.set(event.id, event.revision);
					});
				}
			}

			// The phone: polls deltas on server B while the writers run, remembering what it held.
			const polls: { revision: number; ids: Set<string> }[] = [];
			let mirror: Mirror = emptyMirror();
			async function phone() {
				let since: number | null = null;
				while (writing) {
					const feed = await buildFeed(serverB, since);
					for (const event of feed.events)
						expect(event.revision).toBeLessThanOrEqual(feed.revision);
					if (since !== null) expect(feed.revision).toBeGreaterThanOrEqual(since);
					mirror = applyFeed(mirror, feed);
					polls.push({ revision: feed.revision, ids: new Set(mirror.events.keys()) });
					since = feed.revision;
				}
				mirror = applyFeed(mirror, await buildFeed(serverB, since));
			}

			const phoneDone = phone();
			await Promise.all(Array.from({ length: writers }, (_, n) => writer(n)));
			writing = false;
			await phoneDone;

			// Strictly increasing without gaps: every revision from 1 to the last was taken exactly once.
			const total = writers * writesPerWriter + writers * Math.floor(writesPerWriter / 3);
			expect([...taken].sort((a, b) => a - b)).toEqual(
				Array.from({ length: total }, (_, i) => i + 1)
			);
			expect(await currentRevision(serverA.db)).toBe(total);

			// Whenever the phone saw revision R, it already held every event created at or below R.
			expect(polls.length).toBeGreaterThan(3);
			for (const poll of polls) {
				const missed = [...createdAt].filter(([id, r]) => r <= poll.revision && !poll.ids.has(id));
				expect(missed).toEqual([]);
			}

			// The union of the deltas is exactly the final snapshot, as either server serves it.
			const final = applyFeed(emptyMirror(), await buildFeed(serverA, null));
			expect(mirror.revision).toBe(final.revision);
			expect([...mirror.events.entries()].sort()).toEqual([...final.events.entries()].sort());
			expect(final.events.size).toBe(writers * writesPerWriter);
		}, 60_000);
	});
});

describeEachDialect((open, dialect) => {
	describe('login throttling on two servers', () => {
		it('counts every failure when both servers count failures for one login at the same moment', async () => {
			const { a, b, close } = await twoServers(open, dialect);
			try {
				const now = new Date();
				await Promise.all(
					Array.from({ length: 12 }, (_, i) =>
						throttleRepository(i % 2 ? a.db : b.db).failedLogin(
							'editor@bureau.example',
							'198.51.100.9',
							now
						)
					)
				);
				const rows = await a.db
					.selectFrom('login_attempts')
					.select(['key', 'count'])
					.where(
						'key',
						'in',
						loginCounters('editor@bureau.example', '198.51.100.9').map((c) => c.key)
					)
					.execute();
				expect(rows.map((r) => r.count)).toEqual([12, 12, 12]);
			} finally {
				await close();
			}
		});
	});
});

describeEachDialect((open, dialect) => {
	describe('saving one record on two servers at the same moment', () => {
		it('lets exactly one save win and refuses the others as conflicts or taken slugs', async () => {
			const { a, b, close } = await twoServers(open, dialect);
			try {
				const venue = await a.venues.create(venueInputFixture());
				const outcomes = await Promise.allSettled(
					Array.from({ length: 6 }, (_, i) =>
						(i % 2 ? a : b).venues.update(venue.id, { ...venue, name: { zh: `名${i}` } }, 1)
					)
				);
				const won = outcomes.filter((o) => o.status === 'fulfilled');
				const refused = outcomes.filter((o) => o.status === 'rejected');
				expect(won).toHaveLength(1);
				for (const r of refused) expect(r.reason).toBeInstanceOf(ConflictError);
				const stored = await b.venues.getById(venue.id);
				expect(stored?.version).toBe(2);
				// Refused saves return their revision: still no gap.
				expect(await currentRevision(b.db)).toBe(2);

				// Two new venues with one slug: one is created, the other is told the slug is taken.
				const slug = `shared-slug-${dialect}`;
				const creates = await Promise.allSettled(
					[a, b, a, b].map((server) => server.venues.create(venueInputFixture({ slug })))
				);
				expect(creates.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
				for (const r of creates.filter((o) => o.status === 'rejected')) {
					expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ValidationError);
				}

				const years = await Promise.allSettled(
					[a, b, a, b].map((server) => server.holidays.save(holidays2026, 0))
				);
				expect(years.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
				for (const r of years.filter((o) => o.status === 'rejected')) {
					expect((r as PromiseRejectedResult).reason).toBeInstanceOf(ConflictError);
				}
			} finally {
				await close();
			}
		});
	});
});
