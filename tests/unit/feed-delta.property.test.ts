import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyFeed, emptyMirror, type Mirror } from '$lib/content/apply-feed';
import { buildFeed } from '$lib/server/feed/build';
import { eventInputFixture, describeEachDialect } from '../helpers/store';

describeEachDialect((open) => {
	type Op =
		| { kind: 'create'; status: 'draft' | 'published' | 'cancelled' }
		| { kind: 'retitle'; target: number; title: string }
		| { kind: 'status'; target: number; status: 'draft' | 'published' | 'postponed' }
		| { kind: 'remove'; target: number };

	const op: fc.Arbitrary<Op> = fc.oneof(
		fc.record({
			kind: fc.constant('create' as const),
			status: fc.constantFrom('draft' as const, 'published' as const, 'cancelled' as const)
		}),
		fc.record({
			kind: fc.constant('retitle' as const),
			target: fc.nat(),
			title: fc.string({ minLength: 1 })
		}),
		fc.record({
			kind: fc.constant('status' as const),
			target: fc.nat(),
			status: fc.constantFrom('draft' as const, 'published' as const, 'postponed' as const)
		}),
		fc.record({ kind: fc.constant('remove' as const), target: fc.nat() })
	);

	const reason = { zh: '天气原因' };

	/** Plain objects compare reliably; Map order does not matter. */
	function comparable(mirror: Mirror) {
		const sorted = (m: Map<string, unknown>) =>
			[...m.entries()].sort(([a], [b]) => a.localeCompare(b));
		return {
			revision: mirror.revision,
			events: sorted(mirror.events),
			venues: sorted(mirror.venues),
			festivals: sorted(mirror.festivals),
			tours: sorted(mirror.tours)
		};
	}

	describe('the delta feed', () => {
		it('brings a mirror from any earlier revision to exactly the full snapshot', async () => {
			await fc.assert(
				fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 25 }), async (ops) => {
					const store = await open();
					try {
						// What a phone that synced at each revision would hold.
						const mirrors: Mirror[] = [applyFeed(emptyMirror(), await buildFeed(store, null))];
						for (const o of ops) {
							const live = await store.events.listAll();
							const target = live.length
								? live[('target' in o ? o.target : 0) % live.length]
								: undefined;
							if (o.kind === 'create') {
								await store.events.create(
									eventInputFixture({
										status: o.status,
										statusReason: o.status === 'draft' ? undefined : reason
									})
								);
							} else if (target && o.kind === 'retitle') {
								await store.events.update(
									target.id,
									{ ...target, title: { zh: o.title.trim() || '标题' } },
									target.version
								);
							} else if (target && o.kind === 'status') {
								await store.events.update(
									target.id,
									{ ...target, status: o.status, statusReason: reason },
									target.version
								);
							} else if (target && o.kind === 'remove') {
								await store.events.remove(target.id, target.version);
							}
							mirrors.push(applyFeed(emptyMirror(), await buildFeed(store, null)));
						}
						const final = comparable(mirrors[mirrors.length - 1]);
						for (const mirror of mirrors) {
							const caughtUp = applyFeed(mirror, await buildFeed(store, mirror.revision));
							expect(comparable(caughtUp)).toEqual(final);
						}
					} finally {
						await store.close();
					}
				}),
				{ numRuns: 60 }
			);
			// Sixty random histories, each on its own database: seconds, not milliseconds.
		}, 60_000);
	});
});
