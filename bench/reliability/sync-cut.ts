// sync-cut: the phone's network cut at every step of a sync (before any answer, after the status
// line, after the first byte, half way, one byte short) for each kind of sync (the first snapshot,
// a delta, a revalidation answered 304), and storage running out during the snapshot. After each:
// the mirror holds the old revision or the new one exactly as the feed had it (never a mix), the
// visitor's plans and saved items are untouched, the page says what happened, and once the network
// is back the next sync (the app's own retry) brings the mirror to the server's revision.
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { phone } from './browser';
import { liveIds, postForm, saveForm, versionOf } from './console';
import { cuts, startCutProxy, type Cut, type CutProxy } from './cut-proxy';
import { withValues, type Form } from './forms';
import { send } from './http';
import type { Target } from './target';

export interface SyncCutFigures {
	cutPoints: number;
	inconsistent: number;
	notResumed: number;
	details: string[];
}

/**
 * Records by id, each as its revision and version: every save changes both, so a mirror that mixed
 * two revisions of the feed shows a record whose stamp the feed never had at that revision.
 */
type Tables = Record<string, Record<string, string>>;
type Stamped = { id: string; revision: number; version: number };
const stamp = (r: Stamped) => `${r.revision}:${r.version}`;
const types = ['venues', 'events', 'festivals', 'tours'] as const;

/** The feed's full snapshot at the server's current revision, record by record. */
async function feedSnapshot(t: Target): Promise<{ revision: number; tables: Tables }> {
	const body = JSON.parse((await send(t.origin, { path: '/api/v1/content' })).text());
	const tables: Tables = {};
	for (const type of types) {
		tables[type] = Object.fromEntries((body[type] as Stamped[]).map((r) => [r.id, stamp(r)]));
	}
	return { revision: body.revision, tables };
}

interface Mirror {
	revision: number;
	lastSyncedAt: string | null;
	tables: Tables;
	favourites: string;
	plans: string;
}

/** The phone's IndexedDB mirror as it is (nothing if the app has not created it yet). */
function readMirror(page: Page): Promise<Mirror | null> {
	return page.evaluate(
		async (names) => {
			const dbs = await indexedDB.databases();
			if (!dbs.some((d) => d.name === 'taibai-lake-guide')) return null;
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const open = indexedDB.open('taibai-lake-guide');
				open.onsuccess = () => resolve(open.result);
				open.onerror = () => reject(open.error);
			});
			const all = (store: string) =>
				new Promise<unknown[]>((resolve, reject) => {
					if (!db.objectStoreNames.contains(store)) return resolve([]);
					const request = db.transaction(store).objectStore(store).getAll();
					request.onsuccess = () => resolve(request.result);
					request.onerror = () => reject(request.error);
				});
			const meta = (await all('meta')) as {
				key: string;
				value: { revision: number; lastSyncedAt: string | null };
			}[];
			const sync = meta.find((m) => m.key === 'sync')?.value;
			const tables: Record<string, Record<string, string>> = {};
			for (const name of names) {
				tables[name] = Object.fromEntries(
					((await all(name)) as { id: string; revision: number; version: number }[]).map((r) => [
						r.id,
						`${r.revision}:${r.version}`
					])
				);
			}
			const result = {
				revision: sync?.revision ?? 0,
				lastSyncedAt: sync?.lastSyncedAt ?? null,
				tables,
				favourites: JSON.stringify(await all('favourites')),
				plans: JSON.stringify(await all('plans'))
			};
			db.close();
			return result;
		},
		[...types]
	);
}

/** A visitor's own data, written the way the app stores it. */
function writeVisitorData(page: Page, eventId: string): Promise<void> {
	return page.evaluate(async (id) => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const open = indexedDB.open('taibai-lake-guide');
			open.onsuccess = () => resolve(open.result);
			open.onerror = () => reject(open.error);
		});
		await new Promise<void>((resolve, reject) => {
			const tx = db.transaction(['favourites', 'plans'], 'readwrite');
			tx.objectStore('favourites').put({
				type: 'events',
				id,
				slug: 'saved',
				savedAt: new Date().toISOString(),
				seen: { title: 'saved before the cuts' }
			});
			tx.objectStore('plans').put({
				id: 'plan-bench',
				date: '2026-12-24',
				updatedAt: new Date().toISOString(),
				plan: { items: [{ type: 'event', id }] }
			});
			tx.oncomplete = () => resolve();
			tx.onerror = () => reject(tx.error);
		});
		db.close();
	}, eventId);
}

const sameTables = (a: Tables, b: Tables) =>
	types.every(
		(t) =>
			JSON.stringify(Object.entries(a[t] ?? {}).sort()) ===
			JSON.stringify(Object.entries(b[t] ?? {}).sort())
	);

function firstDifference(a: Tables, b: Tables): string {
	for (const type of types) {
		const ids = new Set([...Object.keys(a[type] ?? {}), ...Object.keys(b[type] ?? {})]);
		for (const id of ids) {
			if (a[type]?.[id] !== b[type]?.[id]) {
				return `${type} ${id}: mirror ${a[type]?.[id]?.slice(0, 200) ?? 'missing'} / feed ${b[type]?.[id]?.slice(0, 200) ?? 'missing'}`;
			}
		}
	}
	return 'no difference';
}

async function waitFor<T>(
	what: () => Promise<T>,
	ok: (value: T) => boolean,
	ms: number
): Promise<T | undefined> {
	const deadline = Date.now() + ms;
	while (Date.now() < deadline) {
		const value = await what();
		if (ok(value)) return value;
		await new Promise((r) => setTimeout(r, 250));
	}
	return undefined;
}

/**
 * Every text the status line shows, recorded in the page as it changes: a failed sync is said at
 * once and replaced by "Updated …" when the retry succeeds, which may be before the probe looks.
 */
async function recordStatus(context: BrowserContext): Promise<BrowserContext> {
	await context.addInitScript(() => {
		const w = window as unknown as { statusTexts: string[] };
		w.statusTexts = [];
		new MutationObserver(() => {
			const text = document.querySelector('.sync-status')?.textContent?.trim();
			if (text && text !== w.statusTexts.at(-1)) w.statusTexts.push(text);
		}).observe(document, { subtree: true, childList: true, characterData: true });
	});
	return context;
}

/** The status texts shown since the last call. */
const shownTexts = (page: Page) =>
	page
		.evaluate(() => {
			const w = window as unknown as { statusTexts?: string[] };
			return (w.statusTexts ?? []).splice(0).join(' | ');
		})
		.catch(() => '');

/** What the page tells the visitor about the offline copy. */
const statusText = (page: Page) =>
	page
		.locator('.sync-status')
		.first()
		.innerText()
		.catch(() => '');

export async function syncCut(
	t: Target,
	browser: Browser,
	proxyPort: number
): Promise<SyncCutFigures> {
	const details: string[] = [];
	const proxy = await startCutProxy(t.origin, proxyPort);
	let cutPoints = 0;
	let inconsistent = 0;
	let notResumed = 0;
	let silent = 0;
	const admin = await phone(browser, t.origin, {
		cookie: t.cookies.admin,
		serviceWorkers: 'block'
	});
	let form: Form;
	let eventId: string;
	try {
		[eventId] = await liveIds(t, 'events', 'published');
		form = await saveForm(admin, 'events', eventId);
	} finally {
		await admin.close();
	}
	let edits = 0;
	const edit = async () => {
		const answer = await postForm(
			t,
			`/admin/events/${eventId}?/save`,
			withValues(form.entries, {
				'title.zh': `同步切断测试 ${++edits}`,
				version: String(await versionOf(t, 'events', eventId))
			})
		);
		if (answer.status >= 400) throw new Error(`sync-cut: the edit was refused (${answer.status})`);
	};

	/** One cut: what the mirror, the page and the retry did. */
	const judge = async (
		page: Page,
		what: string,
		before: Mirror | null,
		snapshots: Map<number, Tables>
	) => {
		cutPoints++;
		const after = await readMirror(page);
		const revision = after?.revision ?? 0;
		const expected = revision === 0 ? undefined : snapshots.get(revision);
		const consistent =
			revision === 0
				? !after || types.every((type) => Object.keys(after.tables[type] ?? {}).length === 0)
				: !!expected && sameTables(after!.tables, expected);
		if (!consistent) {
			inconsistent++;
			details.push(
				`${what}: the mirror at revision ${revision} is not the feed's revision ${revision}` +
					(expected && after
						? `: ${firstDifference(after.tables, expected)}`
						: ` (feed revisions known: ${[...snapshots.keys()].join(', ')})`)
			);
		}
		if (
			before &&
			after &&
			(before.favourites !== after.favourites || before.plans !== after.plans)
		) {
			inconsistent++;
			details.push(`${what}: the visitor's plans or saved items changed`);
		}
		const message = `${await shownTexts(page)} | ${await statusText(page)}`;
		if (!/无法|不足|失败|could not|couldn’t|couldn't|not enough|full/i.test(message)) {
			silent++;
			if (silent <= 3)
				details.push(
					`${what}: the page said "${message}" (no word of the failed sync; the browser may have retried the request itself)`
				);
		}
		const latest = (await feedSnapshot(t)).revision;
		const resumed = await waitFor(
			() => readMirror(page),
			(m) => !!m && m.revision === latest && (!before || m.lastSyncedAt !== before.lastSyncedAt),
			40_000
		);
		if (!resumed) {
			notResumed++;
			details.push(`${what}: the next sync did not bring the mirror to revision ${latest}`);
		}
	};

	try {
		// 1. The first snapshot, cut at every step: a phone that never synced.
		for (const cut of cuts) {
			const context = await recordStatus(await phone(browser, proxy.origin));
			try {
				const snapshots = new Map<number, Tables>();
				const now = await feedSnapshot(t);
				snapshots.set(now.revision, now.tables);
				const page = await context.newPage();
				const done = proxy.arm(cut);
				await page.goto('/');
				await done;
				await judge(page, `snapshot cut ${cut}`, null, snapshots);
			} finally {
				await context.close();
			}
		}
		// 2 and 3. A delta after an edit, and a revalidation with nothing new, cut at every step.
		const context = await recordStatus(await phone(browser, proxy.origin));
		try {
			const page = await context.newPage();
			const snapshots = new Map<number, Tables>();
			const first = await feedSnapshot(t);
			snapshots.set(first.revision, first.tables);
			await page.goto('/');
			const synced = await waitFor(
				() => readMirror(page),
				(m) => m?.revision === first.revision,
				60_000
			);
			if (!synced) throw new Error('sync-cut: the first sync never completed');
			await writeVisitorData(page, eventId);
			for (const kind of ['delta', 'revalidation'] as const) {
				for (const cut of cuts) {
					if (kind === 'delta') await edit();
					const now = await feedSnapshot(t);
					snapshots.set(now.revision, now.tables);
					const before = await readMirror(page);
					const done = proxy.arm(cut);
					await triggerSync(context, page);
					await done;
					await judge(page, `${kind} cut ${cut}`, before, snapshots);
				}
			}
		} finally {
			await context.close();
		}
		// 4. Storage runs out while the first snapshot is written.
		const full = await recordStatus(await phone(browser, proxy.origin));
		try {
			const page = await full.newPage();
			const cdp = await full.newCDPSession(page);
			await cdp.send(
				'Storage.overrideQuotaForOrigin' as never,
				{ origin: proxy.origin, quotaSize: 40_000 } as never
			);
			const snapshots = new Map<number, Tables>();
			const now = await feedSnapshot(t);
			snapshots.set(now.revision, now.tables);
			const requests = proxy.feedRequests();
			await page.goto('/');
			await waitFor(
				async () => proxy.feedRequests(),
				(n) => n > requests,
				30_000
			);
			// The write fails inside the worker after the download: give it the moment it takes.
			await waitFor(
				() => statusText(page),
				(text) => text !== '' && !/Downloading|正在下载/.test(text),
				15_000
			);
			await cdp.send('Storage.overrideQuotaForOrigin' as never, { origin: proxy.origin } as never);
			await judge(page, 'snapshot with storage full', null, snapshots);
		} finally {
			await full.close();
		}
	} finally {
		await proxy.close();
	}
	if (silent) details.push(`${silent} of ${cutPoints} failed syncs were not mentioned on the page`);
	return { cutPoints, inconsistent, notResumed, details };
}

/** The app syncs when the connection comes back: what a phone does after a tunnel. */
async function triggerSync(context: BrowserContext, page: Page) {
	await context.setOffline(true);
	await page.waitForFunction(() => !navigator.onLine);
	await context.setOffline(false);
}

export type { Cut, CutProxy };
