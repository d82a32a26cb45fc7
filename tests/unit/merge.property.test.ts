import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffRecords } from '$lib/server/audit/diff';
import { applyChanges, threeWayMerge, type Choice } from '$lib/server/editing/merge';

/**
 * The three-way merge on generated records: a base, what I changed and what they changed, each a
 * random subset of a record's fields (localized texts, nested objects, lists, flags, optional
 * fields that appear and disappear).
 */
const fields = [
	'title.zh',
	'title.en',
	'summary.zh',
	'summary.en',
	'description.zh',
	'price.free',
	'price.text.zh',
	'position.lat',
	'position.lon',
	'tags',
	'bookingUrl',
	'sample'
] as const;
type Path = (typeof fields)[number];

const leaf = fc.oneof(
	fc.string({ maxLength: 6 }),
	fc.integer({ min: -5, max: 5 }),
	fc.boolean(),
	fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 })
);
/** A value for a field, or undefined: the field is absent. */
const value = fc.option(leaf, { nil: undefined });
const record = fc.dictionary(fc.constantFrom(...fields), leaf);
/** Edits to some fields: a new value, or undefined to remove the field. */
const edits = fc.dictionary(fc.constantFrom(...fields), value);

function build(values: Partial<Record<Path, unknown>>): Record<string, unknown> {
	let out: Record<string, unknown> = {};
	for (const [path, v] of Object.entries(values)) {
		out = applyChanges(out, [{ path, after: v }], 'after');
	}
	return out;
}
const get = (r: unknown, path: string): unknown =>
	path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)?.[key], r);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Base, mine and theirs as records, and the fields each side really changed. */
function scenario(base: Partial<Record<Path, unknown>>, mine: typeof base, theirs: typeof base) {
	const baseRecord = build(base);
	const mineRecord = build({ ...base, ...mine });
	const theirRecord = build({ ...base, ...theirs });
	return {
		baseRecord,
		mineRecord,
		theirRecord,
		mineChanged: fields.filter((p) => !same(get(baseRecord, p), get(mineRecord, p))),
		theirChanged: fields.filter((p) => !same(get(baseRecord, p), get(theirRecord, p)))
	};
}

describe('the three-way merge', () => {
	it('keeps every field only I changed, every field only they changed, and the base elsewhere', () => {
		fc.assert(
			fc.property(record, edits, edits, (base, mine, theirs) => {
				const s = scenario(base, mine, theirs);
				const outcome = threeWayMerge({
					baseInput: s.baseRecord,
					mineInput: s.mineRecord,
					current: s.theirRecord,
					theirs: diffRecords(s.baseRecord, s.theirRecord)
				});
				const clash = s.mineChanged.filter(
					(p) => s.theirChanged.includes(p) && !same(get(s.mineRecord, p), get(s.theirRecord, p))
				);
				expect(outcome.conflicts.map((c) => c.path).sort()).toEqual([...clash].sort());
				if (clash.length) return;
				for (const p of fields) {
					const expected = s.mineChanged.includes(p)
						? get(s.mineRecord, p)
						: s.theirChanged.includes(p)
							? get(s.theirRecord, p)
							: get(s.baseRecord, p);
					expect(get(outcome.merged, p)).toEqual(expected);
				}
				expect([...outcome.kept].sort()).toEqual([...s.theirChanged].sort());
			})
		);
	});

	it('shows each conflict with the base, their and my value, and settles it by the choice made', () => {
		fc.assert(
			fc.property(
				record,
				edits,
				edits,
				fc.constantFrom<Choice>('mine', 'theirs'),
				(base, mine, theirs, choice) => {
					const s = scenario(base, mine, theirs);
					const args = {
						baseInput: s.baseRecord,
						mineInput: s.mineRecord,
						current: s.theirRecord,
						theirs: diffRecords(s.baseRecord, s.theirRecord)
					};
					const first = threeWayMerge(args);
					for (const c of first.conflicts) {
						expect(c.base).toEqual(get(s.baseRecord, c.path));
						expect(c.theirs).toEqual(get(s.theirRecord, c.path));
						expect(c.mine).toEqual(get(s.mineRecord, c.path));
					}
					const choices = new Map(first.conflicts.map((c) => [c.path, choice]));
					const settled = threeWayMerge({ ...args, choices });
					expect(settled.conflicts).toEqual([]);
					for (const c of first.conflicts) {
						expect(get(settled.merged, c.path)).toEqual(choice === 'mine' ? c.mine : c.theirs);
						expect(settled.kept.includes(c.path)).toBe(choice === 'theirs');
					}
				}
			)
		);
	});

	it('changes nothing when I changed nothing, whatever they changed', () => {
		fc.assert(
			fc.property(record, edits, (base, theirs) => {
				const s = scenario(base, {}, theirs);
				const outcome = threeWayMerge({
					baseInput: s.baseRecord,
					mineInput: s.mineRecord,
					current: s.theirRecord,
					theirs: diffRecords(s.baseRecord, s.theirRecord)
				});
				expect(outcome).toMatchObject({ applied: [], conflicts: [] });
				expect(diffRecords(s.theirRecord, outcome.merged)).toEqual([]);
			})
		);
	});

	it('rebuilds the older version from the newer one and the changes between them', () => {
		fc.assert(
			fc.property(record, edits, (base, theirs) => {
				const s = scenario(base, {}, theirs);
				const changes = diffRecords(s.baseRecord, s.theirRecord);
				expect(diffRecords(applyChanges(s.theirRecord, changes, 'before'), s.baseRecord)).toEqual(
					[]
				);
				expect(diffRecords(applyChanges(s.baseRecord, changes, 'after'), s.theirRecord)).toEqual(
					[]
				);
			})
		);
	});

	it('keeps the Chinese summary they changed when I change only the English title and description', () => {
		const base = {
			title: { zh: '湖畔音乐会' },
			summary: { zh: '露天音乐会。' },
			description: { zh: '乐手演奏民乐。' }
		};
		const theirs = { ...base, summary: { zh: '改到北岸的露天音乐会。' } };
		const mine = {
			...base,
			title: { zh: '湖畔音乐会', en: 'Lakeside concert' },
			description: { zh: '乐手演奏民乐。', en: 'Folk music by the lake.' }
		};
		const outcome = threeWayMerge({
			baseInput: base,
			mineInput: mine,
			current: theirs,
			theirs: diffRecords(base, theirs)
		});
		expect(outcome.conflicts).toEqual([]);
		expect(outcome.merged).toEqual({
			title: { zh: '湖畔音乐会', en: 'Lakeside concert' },
			summary: { zh: '改到北岸的露天音乐会。' },
			description: { zh: '乐手演奏民乐。', en: 'Folk music by the lake.' }
		});
		expect(outcome.kept).toEqual(['summary.zh']);
	});

	it('refuses field paths that would reach past a plain record', () => {
		expect(() => applyChanges({}, [{ path: '__proto__.polluted', after: 1 }], 'after')).toThrow(
			/Not a field path/
		);
		expect(({} as Record<string, unknown>).polluted).toBeUndefined();
	});
});
