import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { REVISION_TTL_MS, revisionClock } from '$lib/server/content/revision-clock';
import { contentResponse, earlyContentAnswer } from '$lib/server/feed/content-response';
import type { EarlyRequest } from '$lib/server/http/early-door';
import { openStore, type Store } from '$lib/server/store';
import {
	describeEachDialect,
	eventInputFixture,
	freshPostgresSchema,
	type DialectName
} from '../helpers/store';

const origin = 'http://guide.test';

function content(store: Store, path: string, headers: Record<string, string> = {}) {
	const url = new URL(path, origin);
	return contentResponse(store, new Request(url, { headers }), url, 30);
}

function early(store: Store, target: string, headers: Record<string, string> = {}) {
	const [path, query = ''] = target.split('?');
	const request: EarlyRequest = { method: 'GET', target, path, query, headers };
	return earlyContentAnswer(store, request);
}

/** A reading taken just now, so nothing in a short test can find it half-way to expiry. */
async function freshReading(store: Store) {
	await store.db.transaction().execute(async () => undefined);
	return revisionClock(store.db).read();
}

/**
 * Two app servers on one database, each with its own handle (pool, connection, caches):
 * PostgreSQL in a fresh schema, SQLite as one file in WAL mode, as the README allows on one machine.
 */
async function twoHandles(dialect: DialectName) {
	if (dialect === 'postgres') {
		const schema = await freshPostgresSchema();
		const a = await openStore(schema.url, { poolSize: 3 });
		const b = await openStore(schema.url, { poolSize: 3 });
		return {
			a,
			b,
			close: () =>
				a
					.close()
					.then(() => b.close())
					.then(schema.drop)
		};
	}
	const dir = mkdtempSync(join(tmpdir(), 'taibai-two-'));
	const a = await openStore(`file:${join(dir, 'shared.sqlite')}`);
	const b = await openStore(`file:${join(dir, 'shared.sqlite')}`);
	return {
		a,
		b,
		close: async () => {
			await a.close();
			await b.close();
			rmSync(dir, { recursive: true, force: true });
		}
	};
}

afterEach(() => {
	vi.restoreAllMocks();
});

describeEachDialect((open, dialect) => {
	describe('the content feed from memory', () => {
		it('answers a revalidation without a query, without JSON and without compressing', async () => {
			const store = await open();
			try {
				await store.events.create(eventInputFixture());
				const first = await content(store, '/api/v1/content', { 'accept-encoding': 'br' });
				const etag = first.headers.get('etag') as string;
				// Time stands still for the clock, so a loaded machine cannot age its reading into a
				// refresh half-way through the loop.
				vi.spyOn(performance, 'now').mockReturnValue(performance.now());
				await freshReading(store);
				const spies = [
					vi.spyOn(store.db, 'selectFrom'),
					vi.spyOn(store.db, 'transaction'),
					vi.spyOn(JSON, 'stringify')
				];
				for (let i = 0; i < 1000; i++) {
					const answer = early(store, '/api/v1/content', {
						'accept-encoding': 'br',
						'if-none-match': etag
					});
					expect(answer?.status).toBe(304);
					expect(answer?.body).toBeNull();
				}
				for (const spy of spies) expect(spy).not.toHaveBeenCalled();
			} finally {
				await store.close();
			}
		});

		it('sends the same headers and bytes at the early door as through SvelteKit', async () => {
			const store = await open();
			try {
				await store.events.create(eventInputFixture());
				const since = (await revisionClock(store.db).read()).revision - 1;
				for (const target of ['/api/v1/content', `/api/v1/content?since=${since}`]) {
					const kit = await content(store, target, { 'accept-encoding': 'gzip' });
					const door = early(store, target, { 'accept-encoding': 'gzip' });
					expect(door?.status).toBe(200);
					expect(door?.headers).toEqual(Object.fromEntries(kit.headers));
					expect(door?.body?.equals(Buffer.from(await kit.arrayBuffer()))).toBe(true);
				}
			} finally {
				await store.close();
			}
		});

		it('leaves to SvelteKit what it cannot answer from memory: bad parameters and unbuilt bodies', async () => {
			const store = await open();
			try {
				await content(store, '/api/v1/content');
				expect(early(store, '/api/v1/content?since=abc')).toBeUndefined();
				expect(early(store, '/api/v1/content?revision=3')).toBeUndefined();
				expect(early(store, '/api/v1/content?since=0')).toBeUndefined();
				expect(early(store, '/api/v1/contents')).toBeUndefined();
				expect(early(store, '/api/v1/content')?.status).toBe(200);
			} finally {
				await store.close();
			}
		});

		it('shows a write in the very next answer of the server that made it', async () => {
			const store = await open();
			try {
				await store.events.create(eventInputFixture());
				const before = await content(store, '/api/v1/content', { 'accept-encoding': 'br' });
				const tag = before.headers.get('etag') as string;
				const revalidate = { 'accept-encoding': 'br', 'if-none-match': tag };
				expect(early(store, '/api/v1/content', revalidate)?.status).toBe(304);

				await store.events.create(eventInputFixture());
				// Not from memory any more: the next answer is SvelteKit's, with the new revision.
				expect(early(store, '/api/v1/content', revalidate)).toBeUndefined();
				const after = await content(store, '/api/v1/content', revalidate);
				expect(after.status).toBe(200);
				expect(after.headers.get('etag')).not.toBe(tag);
				expect(early(store, '/api/v1/content', revalidate)?.status).toBe(200);
			} finally {
				await store.close();
			}
		});

		it('builds the feed once when many phones miss at the same moment', async () => {
			const store = await open();
			try {
				await store.events.create(eventInputFixture());
				await freshReading(store);
				const transactions = vi.spyOn(store.db, 'transaction');
				const answers = await Promise.all(
					Array.from({ length: 20 }, () => content(store, '/api/v1/content'))
				);
				expect(new Set(answers.map((a) => a.headers.get('etag'))).size).toBe(1);
				expect(transactions).toHaveBeenCalledTimes(1);
			} finally {
				await store.close();
			}
		});

		it(`lets a second server see a write within the revision clock's TTL (${REVISION_TTL_MS} ms)`, async () => {
			const { a, b, close } = await twoHandles(dialect);
			try {
				await a.events.create(eventInputFixture());
				const tagOf = async (store: Store) =>
					(await content(store, '/api/v1/content')).headers.get('etag');
				const before = await tagOf(b);
				expect(await tagOf(a)).toBe(before);

				await a.events.create(eventInputFixture());
				const written = performance.now();
				const now = await tagOf(a);
				expect(now).not.toBe(before);
				// The other server keeps its reading until it expires: never longer than the TTL,
				// plus one probe's round trip (a second of slack for a loaded test machine).
				await expect
					.poll(() => tagOf(b), { timeout: REVISION_TTL_MS + 1000, interval: 20 })
					.toBe(now);
				expect(performance.now() - written).toBeLessThan(REVISION_TTL_MS + 1000);
			} finally {
				await close();
			}
		});
	});
});
