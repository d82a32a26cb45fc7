import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { applyFeed, emptyMirror } from '$lib/content/apply-feed';
import { contentTypes, feedPayload, type FeedPayload } from '$lib/content/schemas/feed';
import { guideDb } from '$lib/offline/db';
import { commands } from '$lib/offline/ops';
import { contentResponse } from '$lib/server/feed/content-response';
import { seedIfEmpty } from '$lib/server/seed';
import { dexieShape, mirrorShape } from '../helpers/mirror-shape';
import { testStore } from '../helpers/store';

// What a phone runs to apply the feed is the mirror's `sync` command (ops.ts, run by the mirror's
// worker or, without workers, by the page): download, validate, write. Driven here exactly so, with
// the network answering generated payloads made of real records of the sample programme, it must
// leave the phone's database as the pure applyFeed (what the feed's property tests check) leaves
// its mirror, after every payload of any run of full snapshots and deltas.

/** Valid records of every type, from the sample programme's full feed. */
let sample: FeedPayload;

beforeAll(async () => {
	const store = await testStore();
	await seedIfEmpty(store, '2026-11-28');
	const url = new URL('http://guide.test/api/v1/content');
	const response = await contentResponse(store, new Request(url), url, 30);
	sample = feedPayload.parse(await response.json());
	await store.close();
});
afterEach(async () => {
	vi.unstubAllGlobals();
	await Promise.all(guideDb().tables.map((table) => table.clear()));
});
afterAll(() => guideDb().close());

/** Per type: which sample records to upsert (at a new edit version) and which ids to tombstone. */
const table = fc.record({
	put: fc.uniqueArray(fc.record({ pick: fc.nat(40), version: fc.integer({ min: 1, max: 99 }) }), {
		selector: (r) => r.pick,
		maxLength: 4
	}),
	remove: fc.uniqueArray(fc.nat(40), { maxLength: 3 })
});
const step = fc.record({
	full: fc.boolean(),
	tables: fc.record({ venues: table, events: table, festivals: table, tours: table }),
	zoom: fc.integer({ min: 10, max: 16 })
});
type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** A payload as the feed sends it (full ones carry no tombstones), as JSON on the wire. */
function payload(s: Step, revision: number): string {
	const records = <T extends { id: string }>(all: T[], put: Table['put']) => {
		const chosen = new Map<string, T>();
		for (const { pick, version } of put) {
			const record = all[pick % all.length];
			chosen.set(record.id, { ...record, version, revision });
		}
		return [...chosen.values()];
	};
	const ids = (all: { id: string }[], picks: number[]) => [
		...new Set(picks.map((pick) => all[pick % all.length].id))
	];
	const body = Object.fromEntries(
		contentTypes.map((type) => [type, records<{ id: string }>(sample[type], s.tables[type].put)])
	);
	const searchKeys = Object.fromEntries(
		Object.entries(sample.searchKeys).filter(([key]) => {
			const [type, id] = key.split(/:(.*)/s) as [(typeof contentTypes)[number], string];
			return (body[type] as { id: string }[] | undefined)?.some((r) => r.id === id);
		})
	);
	return JSON.stringify({
		...sample,
		revision,
		since: s.full ? null : revision - 1,
		full: s.full,
		...body,
		settings: { ...sample.settings, map: { ...sample.settings.map, zoom: s.zoom } },
		searchKeys,
		deleted: Object.fromEntries(
			contentTypes.map((type) => [type, s.full ? [] : ids(sample[type], s.tables[type].remove)])
		)
	});
}
type Table = Step['tables']['venues'];

describe('the phone’s sync command', () => {
	it('leaves the database as the pure applyFeed leaves its mirror, after every payload of any run', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 6 }), async (steps) => {
				await Promise.all(guideDb().tables.map((t) => t.clear()));
				let mirror = emptyMirror();
				for (const [i, s] of steps.entries()) {
					const wire = payload(s, i + 1);
					vi.stubGlobal('fetch', async () => {
						return new Response(wire, {
							headers: { 'content-type': 'application/json', etag: `"r${i + 1}"` }
						});
					});
					mirror = applyFeed(mirror, feedPayload.parse(JSON.parse(wire)));
					expect(await commands.sync()).toMatchObject({ status: 'updated' });
					expect(await dexieShape(guideDb())).toEqual(mirrorShape(mirror));
				}
			}),
			{ numRuns: 40 }
		);
	}, 120_000);
});
