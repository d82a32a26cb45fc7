import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFeed, emptyMirror } from '$lib/content/apply-feed';
import { contentTypes, searchKeyOf, type FeedPayload } from '$lib/content/schemas/feed';
import { applyPayload } from '$lib/offline/sync';
import { GuideDb } from '$lib/offline/db';
import { dexieShape, mirrorShape } from '../helpers/mirror-shape';

// The phone applies feeds in a Dexie transaction; the property tests of the feed check the pure
// applyFeed. Both must be the same function: any run of payloads leaves the same mirror.

/** A few ids per type, so that deltas upsert and delete records that exist. */
const ids = ['a', 'b', 'c', 'd', 'e'];

const record = (id: string, title: string) => ({ id, slug: `slug-${id}`, title: { zh: title } });

type Table = { put: { id: string; title: string }[]; remove: string[] };

const table: fc.Arbitrary<Table> = fc.record({
	put: fc.uniqueArray(
		fc.record({ id: fc.constantFrom(...ids), title: fc.string({ maxLength: 6 }) }),
		{ selector: (r) => r.id, maxLength: 4 }
	),
	remove: fc.uniqueArray(fc.constantFrom(...ids), { maxLength: 3 })
});

const step = fc.record({
	full: fc.boolean(),
	tables: fc.record({ venues: table, events: table, festivals: table, tours: table }),
	holiday: fc.integer({ min: 2025, max: 2030 }),
	zoom: fc.integer({ min: 10, max: 16 })
});

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

/** A payload as the feed sends it: full ones carry no deletions; every upsert has a search key. */
function payload(s: Step, revision: number): FeedPayload {
	const searchKeys: Record<string, string> = {};
	const body = Object.fromEntries(
		contentTypes.map((type) => {
			for (const r of s.tables[type].put)
				searchKeys[searchKeyOf(type, r.id)] = `${r.title} ${r.id}`;
			return [type, s.tables[type].put.map((r) => record(r.id, r.title))];
		})
	);
	return {
		revision,
		since: s.full ? null : revision - 1,
		full: s.full,
		...body,
		holidays: [{ year: s.holiday, days: [] }],
		settings: { map: { zoom: s.zoom } },
		searchKeys,
		deleted: Object.fromEntries(
			contentTypes.map((type) => [type, s.full ? [] : s.tables[type].remove])
		)
	} as unknown as FeedPayload;
}

let count = 0;

describe('applying a feed on the phone', () => {
	it('leaves the same mirror as the pure applyFeed after any run of full and delta payloads', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 8 }), async (steps) => {
				const db = new GuideDb(`apply-${++count}`);
				try {
					let mirror = emptyMirror();
					for (const [i, s] of steps.entries()) {
						const p = payload(s, i + 1);
						mirror = applyFeed(mirror, p);
						await applyPayload(db, p, `"r${i + 1}"`);
						expect(await dexieShape(db)).toEqual(mirrorShape(mirror));
					}
				} finally {
					db.close();
					await db.delete();
				}
			}),
			{ numRuns: 80 }
		);
	}, 60_000);
});
