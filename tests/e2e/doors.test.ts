import { send } from '../helpers/access-matrix';
import { expect, test } from './fixtures';
import {
	client,
	databaseState,
	demo,
	loggedIn,
	openConsole,
	recordIds,
	recordVersion,
	serverURL
} from './admin-helpers';

/**
 * One editor's typo must not take the guide down: a repeat rule that made the rrule library loop
 * forever, values that pass a naive check but make no sense, and posts that are not forms, are
 * refused at once with a message that names the field, and the server keeps answering.
 */
const shanghaiDate = (days: number) =>
	new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);

function eventForm(overrides: Record<string, string> = {}): Record<string, string> {
	const day = shanghaiDate(2);
	return {
		slug: `doors-${Date.now().toString(36)}`,
		'title.zh': '防呆测试活动',
		'summary.zh': '简介',
		'description.zh': '介绍',
		category: 'performance',
		venueId: recordIds('venues')[0],
		start: `${day}T19:30`,
		end: `${day}T21:00`,
		repeat: 'none',
		status: 'draft',
		'price.free': 'on',
		...overrides
	};
}

async function stillAnswers() {
	const health = await fetch(`${serverURL}/healthz`, { signal: AbortSignal.timeout(5000) });
	expect(health.status).toBe(200);
}

test('an editor who types the repeat rule INTERVAL=-1 sees the problem at the rule field, and the guide keeps answering', async ({
	browser
}) => {
	const page = await openConsole(browser, demo);
	await page.goto('/admin/events/new');
	await page.waitForLoadState('networkidle');
	await page.locator('[id="title.zh"]').fill('防呆测试活动');
	await page.locator('[id="summary.zh"]').fill('简介');
	await page.locator('[id="description.zh"]').fill('介绍');
	await page.locator('#venueId').selectOption({ index: 1 });
	await page.locator('#start').fill(`${shanghaiDate(2)}T19:30`);
	await page.locator('#end').fill(`${shanghaiDate(2)}T21:00`);
	// On a busy machine hydration may reset a choice made before it: choose until the field shows.
	await expect(async () => {
		await page.locator('#repeat-custom').check();
		await expect(page.locator('#rrule')).toBeVisible({ timeout: 1000 });
	}).toPass();
	await page.locator('#rrule').fill('FREQ=DAILY;INTERVAL=-1;COUNT=3');
	const before = databaseState();
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.locator('#rrule-problems')).toContainText(
		'INTERVAL 必须是 1 到 100 之间的整数'
	);
	expect(databaseState()).toEqual(before);
	await stillAnswers();
	await page.context().close();
});

test('a bad repeat rule is refused before the version check, in saves and imports alike, and nothing is written', async () => {
	const http = await loggedIn(serverURL, demo.email, demo.password);
	const before = databaseState();
	const rule = 'FREQ=DAILY;INTERVAL=-1;COUNT=3';
	const created = await http.post('/admin/events/new', {
		form: eventForm({ repeat: 'custom', rrule: rule })
	});
	expect(created.status()).toBe(400);
	// A save from a stale version: the rule is refused first, nothing expands it.
	const id = recordIds('events')[0];
	const stale = await http.post(`/admin/events/${id}?/save`, {
		form: { ...eventForm({ repeat: 'custom', rrule: rule }), version: '1' }
	});
	expect(stale.status()).toBe(400);
	expect(await stale.text()).toContain('INTERVAL');
	const csv = `slug,title_zh,summary_zh,venue,start,end,rrule\nbad-rule,坏规则,简介,beihu-pavilion-square,${shanghaiDate(3)} 19:00,${shanghaiDate(3)} 20:00,${rule}\n`;
	const festival = recordIds('festivals')[0];
	const preview = await http.post('/admin/import?/preview', {
		form: { festivalId: festival, csv }
	});
	expect(preview.status()).toBe(200);
	expect(await preview.text()).toContain('INTERVAL');
	const imported = await http.post('/admin/import?/import', {
		form: { festivalId: festival, csv }
	});
	expect(imported.status()).toBe(400);
	expect(databaseState()).toEqual(before);
	await stillAnswers();
	await http.dispose();
});

test('a price of 1e308, 20,000 tags and a NUL in a title are each refused at their field, and nothing is written', async () => {
	const http = await loggedIn(serverURL, demo.email, demo.password);
	const before = databaseState();
	const response = await http.post('/admin/events/new', {
		form: eventForm({
			'title.zh': '标题\u0000后半',
			'price.free': '',
			'price.text.zh': '门票',
			'price.amountCny': '1e308',
			tags: Array.from({ length: 20_000 }, (_, i) => `t${i}`).join(', ')
		}),
		headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	const result = (await response.json()) as { type: string; status: number; data: string };
	expect(result.type).toBe('failure');
	expect(result.status).toBe(400);
	// The devalue-encoded form result carries each problem with its field's path.
	for (const path of ['title.zh', 'price.amountCny', 'tags']) expect(result.data).toContain(path);
	expect(result.data).toContain('must not contain control characters');
	expect(databaseState()).toEqual(before);
	await http.dispose();
});

test('a form post sent as text/plain or as broken multipart gets a 415 or 400 that says what was wrong', async () => {
	const http = await loggedIn(serverURL, demo.email, demo.password);
	const id = recordIds('events')[0];
	const version = String(recordVersion('events', id));
	const before = databaseState();
	const plain = await http.post(`/admin/events/${id}?/publish`, {
		headers: { 'content-type': 'text/plain' },
		data: `version=${version}`
	});
	expect(plain.status()).toBe(415);
	expect(await plain.text()).toContain('multipart/form-data');
	const broken = await http.post(`/admin/events/${id}?/publish`, {
		headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
		data: '--xyz\r\nContent-Disposition: form-data; name="version"\r\n\r\n1'
	});
	expect(broken.status()).toBe(400);
	expect(await broken.text()).toContain('无法读取表单内容');
	// An enhanced form reads the refusal as an ActionResult.
	const enhanced = await http.post(`/admin/events/${id}?/publish`, {
		headers: { 'content-type': 'text/plain', 'x-sveltekit-action': 'true' },
		data: `version=${version}`
	});
	expect(enhanced.status()).toBe(415);
	expect((await enhanced.json()).type).toBe('error');
	expect(databaseState()).toEqual(before);
	// A stranger's text/plain post is sent to log in first: the access check runs before this one.
	const anonymous = await client(serverURL);
	const refused = await anonymous.post(`/admin/events/${id}?/publish`, {
		headers: { 'content-type': 'text/plain' },
		data: 'version=1'
	});
	expect(refused.status()).toBe(303);
	expect(refused.headers().location).toBe('/admin/login');
	await anonymous.dispose();
	await http.dispose();
});

test('a photo key spelled to climb out of the media folder finds nothing', async () => {
	for (const path of [
		'/media/..%2f..%2fpackage.json',
		'/media/%2e%2e%2f%2e%2e%2fpackage.json',
		'/media/..%5c..%5cpackage.json',
		'/media/e2e.sqlite'
	]) {
		// Sent as written: fetch would resolve the dots itself before the server saw them.
		const answer = await send(serverURL, { method: 'GET', path, kind: 'endpoint' }, undefined, {});
		expect(answer.status, path).toBe(404);
		expect(answer.body, path).not.toContain('taibai-lake-guide');
	}
});
