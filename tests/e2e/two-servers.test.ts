import type { ChildProcess } from 'node:child_process';
import { expect, test } from './fixtures';
import { demo } from './admin-helpers';
import {
	freshSchema,
	postgresRequired,
	postgresUrl,
	startServer,
	waitUntilUp
} from './postgres-servers';

/**
 * Two app servers behind one address share nothing but PostgreSQL: a session started on one is
 * valid on the other, and a change saved on either is in both feeds at once.
 */
const base = Number(process.env.E2E_PORT ?? 4173);
const origins = [`http://127.0.0.1:${base + 1}`, `http://127.0.0.1:${base + 2}`];
let servers: ChildProcess[] = [];
let dropSchema: (() => Promise<void>) | undefined;

test.beforeAll(async () => {
	if (!postgresUrl) {
		if (postgresRequired) throw new Error('TEST_DATABASE_URL_PG is required here (CI)');
		return;
	}
	const schema = await freshSchema();
	dropSchema = schema.drop;
	// Started together on an empty database: they must migrate and seed it once between them.
	servers = [startServer(base + 1, schema.url), startServer(base + 2, schema.url)];
	await Promise.all(origins.map((origin) => waitUntilUp(origin)));
});

test.afterAll(async () => {
	for (const server of servers) server.kill('SIGTERM');
	await Promise.all(
		servers.map((s) => (s.exitCode === null ? new Promise((r) => s.once('exit', r)) : null))
	);
	await dropSchema?.();
});

test('an editor logs in on one app server, saves on the other, and both feeds show the change', async ({
	page,
	request
}) => {
	test.skip(
		!postgresUrl,
		'NOT RUN: TEST_DATABASE_URL_PG is not set, so there is no shared PostgreSQL (README, "Tests on PostgreSQL")'
	);
	const [a, b] = origins;
	const feedA = await (await request.get(`${a}/api/v1/content`)).json();
	const feedB = await (await request.get(`${b}/api/v1/content`)).json();
	// Seeded once: the same records and the same revision on both.
	expect(feedA.revision).toBeGreaterThan(0);
	expect(feedB.revision).toBe(feedA.revision);
	expect(feedB.events.map((e: { id: string }) => e.id)).toEqual(
		feedA.events.map((e: { id: string }) => e.id)
	);
	const event = feedA.events[0] as { id: string; slug: string; title: { zh: string } };
	for (const origin of [a, b]) {
		expect(await (await request.get(`${origin}/events/${event.slug}`)).text()).toContain(
			event.title.zh
		);
	}

	await page.goto(`${a}/admin/login`);
	await page.getByLabel('邮箱').fill(demo.email);
	await page.getByLabel('密码').fill(demo.password);
	await page.getByRole('button', { name: '登录' }).click();
	await expect(page).toHaveURL(`${a}/admin`);

	// The cookie belongs to the host, so the browser sends it to the other server too, which
	// finds the session in the shared database instead of asking for a login.
	await page.goto(`${b}/admin/events/${event.id}`);
	await expect(page).toHaveURL(`${b}/admin/events/${event.id}`);
	const title = `${event.title.zh}（双机）`;
	await page.locator('[id="title.zh"]').fill(title);
	await page.getByRole('button', { name: '保存', exact: true }).click();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

	// The server that saved shows the change at once; the other keeps the revision it read for at
	// most REVISION_TTL_MS (one second, src/lib/server/content/revision-clock.ts), plus a probe.
	const feedOf = async (origin: string) => (await request.get(`${origin}/api/v1/content`)).json();
	expect((await feedOf(b)).revision).toBe(feedA.revision + 1);
	await expect
		.poll(async () => (await feedOf(a)).revision, { timeout: 2000, intervals: [50] })
		.toBe(feedA.revision + 1);
	for (const origin of [a, b]) {
		const feed = await feedOf(origin);
		expect(feed.events.find((e: { id: string }) => e.id === event.id).title.zh).toBe(title);
		const delta = await (
			await request.get(`${origin}/api/v1/content?since=${feedA.revision}`)
		).json();
		expect(delta.events.map((e: { id: string }) => e.id)).toEqual([event.id]);
		// Its page too, though each server kept its own copy of the page before the save.
		expect(await (await request.get(`${origin}/events/${event.slug}`)).text()).toContain(title);
	}
});
