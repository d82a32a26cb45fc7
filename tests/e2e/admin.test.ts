import type { Browser, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';
import {
	createAccount,
	databaseState,
	demo,
	mediaFiles,
	openConsole,
	previewImport,
	serverURL
} from './admin-helpers';

/** The editor console in Chromium, as the bureau's editors use it on a desktop. */
const editor = { email: 'li@bureau.example', password: 'lakeside editor 2026', name: '编辑小李' };
const shanghaiDate = (days: number) =>
	new Date(Date.now() + 8 * 3600_000 + days * 86400_000).toISOString().slice(0, 10);
const weekdayNames = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
let serial = 0;
const token = () => `${Date.now().toString(36).slice(-4)}${++serial}`;

test.beforeAll(() => createAccount(editor.email, 'editor', editor.password, editor.name));

const consolePage = (browser: Browser, who = editor): Promise<Page> => openConsole(browser, who);

/** Fills the new-event form with a valid event starting tomorrow evening. */
async function fillNewEvent(page: Page, title: string, options: { slug?: string } = {}) {
	await page.goto('/admin/events/new');
	// Hydration resets a <select> chosen before it, so start once the page runs (slow on busy CI).
	await page.waitForLoadState('networkidle');
	await page.locator('[id="title.zh"]').fill(title);
	await page.locator('[id="summary.zh"]').fill('湖边的露天音乐会。');
	await page.locator('[id="description.zh"]').fill('乐手在北湖岸边演奏民乐。');
	if (options.slug) await page.locator('#slug').fill(options.slug);
	await page.locator('#venueId').selectOption({ index: 1 });
	await page.locator('#start').fill(`${shanghaiDate(1)}T19:30`);
	await page.locator('#end').fill(`${shanghaiDate(1)}T21:00`);
}

test('an editor creates and publishes a weekly event, and a visitor page already open receives it at the next sync', async ({
	page: visitor,
	context: visitorContext,
	browser
}) => {
	const title = `湖畔周末音乐会${token()}`;
	// The visitor has the app open, synced, before the event exists.
	await visitor.goto(`/search?q=${encodeURIComponent(title)}`);
	await visitor.waitForFunction(() => navigator.serviceWorker?.controller !== null, null, {
		timeout: 20_000
	});
	await expect(visitor.getByRole('status').filter({ hasText: /内容更新于/ })).toBeVisible({
		timeout: 20_000
	});
	await expect(visitor.getByText(/没有找到/)).toBeVisible();

	const page = await consolePage(browser);
	await fillNewEvent(page, title);
	await page.locator('[id="title.en"]').fill('Lakeside Weekend Concert');
	// Weekly on the start's own weekday (always included) and one more day, four times.
	await page.locator('#repeat-weekly').check();
	const startDay = new Date(`${shanghaiDate(1)}T00:00:00Z`).getUTCDay();
	const otherDay = weekdayNames[(startDay + 3) % 7];
	await page.getByLabel(otherDay, { exact: true }).check();
	await page.locator('input[name="repeat.count"]').fill('4');
	await expect(page.getByText('日期（4）')).toBeVisible();
	await expect(page.getByText(/规则：FREQ=WEEKLY;BYDAY=.*;COUNT=4/)).toBeVisible();
	await page.locator('#status').selectOption('published');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已创建' })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
	// The recurrence survives the round trip into the edit form.
	await expect(page.locator('#repeat-weekly')).toBeChecked();
	await expect(page.locator('input[name="repeat.count"]')).toHaveValue('4');

	// The visitor's app syncs when the connection comes back.
	await visitorContext.setOffline(true);
	await visitorContext.setOffline(false);
	const result = visitor.getByRole('link', { name: new RegExp(title) });
	await expect(result).toBeVisible({ timeout: 20_000 });
	await result.click();
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(title);
	await expect(visitor.getByText('定期举办', { exact: true })).toBeVisible();
	await expect(visitor.getByRole('heading', { name: '其他场次' })).toBeVisible();
	await page.context().close();
});

/** Li creates an event; the admin opens its edit page too, before Li saves anything. */
async function twoEditorsOnOneEvent(browser: Browser, title: string) {
	const li = await consolePage(browser);
	const admin = await consolePage(browser, { ...demo, name: 'Demo' });
	await fillNewEvent(li, title, { slug: `two-editors-${token()}` });
	await li.getByRole('button', { name: '创建' }).click();
	await expect(li.getByRole('status').filter({ hasText: '已创建' })).toBeVisible();
	const url = li.url().replace(/\?.*$/, '');
	await admin.goto(url);
	await expect(admin.locator('html[data-ready="true"]')).toHaveCount(1);
	return {
		li,
		admin,
		url,
		close: () => Promise.all([li.context().close(), admin.context().close()])
	};
}

test('two editors change different fields of one event: both changes survive, and the second is told whose changes were kept', async ({
	browser
}) => {
	const { li, admin, url, close } = await twoEditorsOnOneEvent(browser, `合并测试活动${token()}`);
	// Li changes the Chinese summary and saves first.
	await li.locator('[id="summary.zh"]').fill('改到北岸的露天音乐会，不能被撤销。');
	await li.getByRole('button', { name: '保存', exact: true }).click();
	await expect(li.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

	// The admin, on the form opened earlier, changes only the English title and description.
	await admin.locator('[id="title.en"]').fill('Lakeside folk concert');
	await admin
		.locator('[id="description.en"]')
		.fill('Musicians play folk music on the north shore.');
	await admin.getByRole('button', { name: '保存', exact: true }).click();
	const merged = admin.getByRole('status').filter({ hasText: '并与 编辑小李 更新的修改合并' });
	await expect(merged).toBeVisible();
	await expect(merged).toContainText('保留了对方修改的：简介（中文）');
	await expect(admin.locator('[id="summary.zh"]')).toHaveValue(
		'改到北岸的露天音乐会，不能被撤销。'
	);
	await expect(admin.locator('[id="title.en"]')).toHaveValue('Lakeside folk concert');
	await expect(admin.locator('[id="description.en"]')).toHaveValue(
		'Musicians play folk music on the north shore.'
	);
	// Li, still on her page from before the admin's save, adds a picture: merged the same way.
	const sharp = (await import('sharp')).default;
	const photo = await sharp({
		create: { width: 800, height: 600, channels: 3, background: '#d9a441' }
	})
		.jpeg()
		.toBuffer();
	const panel = li.getByRole('region', { name: '图片' });
	await panel
		.getByLabel(/JPEG、PNG 或 WebP/)
		.setInputFiles({ name: 'stage.jpg', mimeType: 'image/jpeg', buffer: photo });
	await panel.getByLabel(/图片说明.*中文/).fill('北岸的舞台');
	await panel.getByRole('button', { name: '上传' }).click();
	await expect(li.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	// Her page now shows everything: nothing either of them did is lost.
	await expect(li.getByRole('img', { name: '北岸的舞台' })).toBeVisible();
	await expect(li.locator('[id="summary.zh"]')).toHaveValue('改到北岸的露天音乐会，不能被撤销。');
	await expect(li.locator('[id="title.en"]')).toHaveValue('Lakeside folk concert');
	await li.goto(url);
	await expect(li.locator('[id="description.en"]')).toHaveValue(
		'Musicians play folk music on the north shore.'
	);
	// The history lists both saves with who made them.
	const history = admin.getByRole('region', { name: '修改记录' });
	await expect(history).toContainText(editor.name);
	await expect(history).toContainText('演示管理员');
	await close();
});

test('two editors change the same fields: the second save is refused with each field to choose, nothing typed is lost, and the choices are saved', async ({
	browser
}) => {
	const title = `冲突测试活动${token()}`;
	const { li, admin, close } = await twoEditorsOnOneEvent(browser, title);
	await li.locator('[id="title.zh"]').fill(`${title}（小李改）`);
	await li.locator('[id="summary.zh"]').fill('小李写的简介。');
	await li.getByRole('button', { name: '保存', exact: true }).click();
	await expect(li.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

	const before = databaseState();
	await admin.locator('[id="title.zh"]').fill(`${title}（管理员改）`);
	await admin.locator('[id="summary.zh"]').fill('管理员写的新简介，不能丢。');
	await admin.locator('[id="description.en"]').fill('Written by the admin.');
	await admin.getByRole('button', { name: '保存', exact: true }).click();
	const notice = admin.getByRole('alert').filter({ hasText: '这条记录在你打开之后已被修改' });
	await expect(notice).toBeVisible();
	await expect(notice).toContainText(editor.name);
	const titleRow = notice.getByRole('row', { name: /标题（中文）/ }).first();
	await expect(titleRow).toContainText(title);
	await expect(titleRow).toContainText(`${title}（小李改）`);
	await expect(titleRow).toContainText(`${title}（管理员改）`);
	await expect(notice.getByRole('group', { name: '简介（中文）' })).toBeVisible();
	// The field only the admin changed is no conflict.
	await expect(notice.getByRole('group', { name: '详细介绍（英文）' })).toHaveCount(0);
	await expect(admin.locator('[id="summary.zh"]')).toHaveValue('管理员写的新简介，不能丢。');
	await expect(admin.locator('[id="description.en"]')).toHaveValue('Written by the admin.');
	expect(databaseState()).toEqual(before);

	// Saving again without choosing is refused again, and writes nothing.
	await expect(admin.locator('html[data-ready="true"]')).toHaveCount(1);
	await admin.getByRole('button', { name: '保存', exact: true }).click();
	await expect(notice).toBeVisible();
	expect(databaseState()).toEqual(before);

	// Keep the admin's title, take Li's summary.
	await expect(admin.locator('html[data-ready="true"]')).toHaveCount(1);
	await notice.getByRole('group', { name: '标题（中文）' }).getByLabel('保留我的').check();
	await notice.getByRole('group', { name: '简介（中文）' }).getByLabel('采用对方的').check();
	await notice.getByRole('button', { name: '按所选保存' }).click();
	const merged = admin.getByRole('status').filter({ hasText: '并与 编辑小李 更新的修改合并' });
	await expect(merged).toBeVisible();
	await expect(merged).toContainText('简介（中文）');
	await expect(admin.locator('[id="title.zh"]')).toHaveValue(`${title}（管理员改）`);
	await expect(admin.locator('[id="summary.zh"]')).toHaveValue('小李写的简介。');
	await expect(admin.locator('[id="description.en"]')).toHaveValue('Written by the admin.');

	// Li's page is now out of date: publishing from it is refused, never merged, and the page
	// then shows the newest version, whose publish button works.
	const stale = databaseState();
	await li.getByRole('button', { name: '发布', exact: true }).click();
	const refused = li.getByRole('alert').filter({ hasText: '未完成：这条记录在你打开之后已被修改' });
	await expect(refused).toBeVisible();
	await expect(refused).toContainText('演示管理员');
	expect(databaseState()).toEqual(stale);
	await expect(li.locator('[id="title.zh"]')).toHaveValue(`${title}（管理员改）`);
	await li.getByRole('button', { name: '发布', exact: true }).click();
	await expect(li.locator('p').filter({ hasText: '当前状态' })).toContainText('已发布');
	await close();
});

test('an invalid event is not saved, every problem is shown at its field in Chinese or English, and the input stays', async ({
	browser
}) => {
	const page = await consolePage(browser);
	const before = databaseState();
	await page.goto('/admin/events/new');
	await page.waitForLoadState('networkidle');
	await page.locator('[id="title.en"]').fill('Only English');
	await page.locator('#status').selectOption('cancelled');
	await page.locator('#start').fill(`${shanghaiDate(2)}T20:00`);
	await page.locator('#end').fill(`${shanghaiDate(2)}T19:00`);
	await page.getByRole('button', { name: '创建' }).click();
	const summary = page.getByRole('alert').filter({ hasText: '未保存' });
	await expect(summary).toBeVisible();
	// The refused form comes back as a new page: type once it runs, or hydration resets the fields.
	await expect(page.locator('html[data-ready="true"]')).toHaveCount(1);
	await expect(page.locator('[id="title.zh"]')).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('[id="title.zh-problems"]')).toHaveText(/中文内容必填/);
	await expect(page.locator('[id="title.en"]')).toHaveValue('Only English');
	expect(databaseState()).toEqual(before);

	// Fill the texts: now the rules across fields speak, each at its field.
	await page.locator('[id="title.zh"]').fill('只有标题');
	await page.locator('[id="summary.zh"]').fill('简介');
	await page.locator('[id="description.zh"]').fill('介绍');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.locator('#end-problems')).toHaveText(/结束时间必须晚于开始时间/);
	await expect(page.locator('[id="statusReason.zh-problems"]')).toHaveText(/必须说明原因/);
	await expect(page.locator('#venueId-problems')).toHaveText(/请选择场馆/);

	// In English, after switching the console's language, the same problems speak English.
	await page.getByRole('link', { name: 'Switch the console to English' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('New event');
	await page.waitForLoadState('networkidle');
	await page.locator('[id="title.en"]').fill('Only English');
	await page.getByRole('button', { name: 'Create' }).click();
	await expect(page.locator('[id="title.zh-problems"]')).toHaveText(/The Chinese text is required/);
	await expect(page.getByText('No English: English pages show the Chinese')).toHaveCount(0);
	await page.locator('[id="title.zh"]').fill('只有标题');
	await page.locator('[id="summary.zh"]').fill('简介');
	await page.locator('[id="description.zh"]').fill('介绍');
	await page.locator('#start').fill(`${shanghaiDate(2)}T20:00`);
	await page.locator('#end').fill(`${shanghaiDate(2)}T19:00`);
	await page.getByRole('button', { name: 'Create' }).click();
	await expect(page.locator('#end-problems')).toHaveText(/Must be after the start/);
	await expect(page.locator('#venueId-problems')).toHaveText(/Choose a venue or enter a position/);
	await expect(page.locator('[id="title.en"]')).toHaveValue('Only English');
	// The English summary is empty: marked as falling back to Chinese.
	await expect(page.locator('[id="summary.en-note"]')).toHaveText(
		/No English: English pages show the Chinese/
	);
	expect(databaseState()).toEqual(before);
	await page.getByRole('link', { name: '切换为中文界面' }).click();
	await page.context().close();
});

const payloads = [
	'<script>window.__xss = 1</script>',
	'<img src=x onerror="window.__xss = 2">',
	'"><svg onload="window.__xss = 3">',
	'</title><script>window.__xss = 4</script>',
	'</script><script>window.__xss = 5</script>',
	"{@html '<b>bold</b>'} ${window.__xss = 6}"
];

test('XSS payloads in every text field render as inert text on public pages and in the feeds', async ({
	page: visitor,
	browser
}) => {
	const page = await consolePage(browser);
	const slug = `xss-${token()}`;
	const title = `XSS测试 ${payloads[3]}`;
	await fillNewEvent(page, title, { slug });
	await page.locator('[id="title.en"]').fill(`XSS test ${payloads[4]}`);
	await page.locator('[id="summary.zh"]').fill(payloads.slice(0, 3).join(' '));
	await page.locator('[id="summary.en"]').fill(payloads.join(' '));
	await page.locator('[id="description.zh"]').fill(payloads.join('\n\n'));
	await page.locator('#tags').fill('<b>tag</b>, "quoted"');
	await page.getByLabel('免费').uncheck();
	await page.locator('[id="price.text.zh"]').fill(payloads[1]);
	// A javascript: link is not a web address: refused like any invalid value.
	await page.locator('#bookingUrl').fill('javascript:window.__xss=7');
	await page.locator('#status').selectOption('published');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.locator('#bookingUrl-problems')).toHaveText(/http/);
	await page.locator('#bookingUrl').fill('https://tickets.example.cn/?a=<b>&b="c"');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已创建' })).toBeVisible();
	// The console itself shows the text as typed.
	await expect(page.locator('[id="title.zh"]')).toHaveValue(title);
	await page.context().close();

	let dialogs = 0;
	visitor.on('dialog', (dialog) => {
		dialogs++;
		void dialog.dismiss();
	});
	for (const path of [`/events/${slug}`, `/en/events/${slug}`]) {
		await visitor.goto(path);
		await expect(visitor.getByRole('heading', { level: 1 })).toContainText(
			path.startsWith('/en') ? payloads[4] : payloads[3]
		);
		await expect(visitor.getByText(payloads[1]).first()).toBeVisible();
		expect(await visitor.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
		expect(await visitor.locator('img[src="x"], main svg[onload]').count()).toBe(0);
		expect(await visitor.title()).toContain(path.startsWith('/en') ? payloads[4] : payloads[3]);
	}
	expect(dialogs).toBe(0);

	// The feed carries the text verbatim, as JSON data; the calendar as escaped text.
	const feed = await visitor.request.get('/api/v1/content');
	expect(feed.headers()['content-type']).toContain('application/json');
	const event = (await feed.json()).events.find((e: { slug: string }) => e.slug === slug);
	expect(event.title).toEqual({ zh: title, en: `XSS test ${payloads[4]}` });
	expect(event.description.zh).toBe(payloads.join('\n\n'));
	const ics = await (await visitor.request.get('/api/v1/events.ics')).text();
	expect(ics).toContain('XSS测试 </title><script>window.__xss = 4</script>');
});

test('SQL-looking input is stored and shown verbatim', async ({ page: visitor, browser }) => {
	const page = await consolePage(browser);
	const slug = `sql-${token()}`;
	const sqlish = `Robert'); DROP TABLE events;-- ${token()}`;
	await fillNewEvent(page, sqlish, { slug });
	await page
		.locator('[id="summary.zh"]')
		.fill(`' OR '1'='1' UNION SELECT password_hash FROM users --`);
	await page.locator('#status').selectOption('published');
	await page.getByRole('button', { name: '创建' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(sqlish);
	await page.goto(`/admin/events?q=${encodeURIComponent('DROP TABLE')}`);
	await expect(page.getByRole('link', { name: sqlish })).toBeVisible();
	await page.context().close();
	await visitor.goto(`/events/${slug}`);
	await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(sqlish);
	await expect(
		visitor.getByText(`' OR '1'='1' UNION SELECT password_hash FROM users --`)
	).toBeVisible();
});

test('failed logins get one message for unknown accounts and wrong passwords, then a clear lock message', async ({
	browser
}) => {
	const context = await browser.newContext({ baseURL: serverURL });
	const page = await context.newPage();
	const attempt = async (email: string, password: string) => {
		await page.goto('/admin/login');
		await page.getByLabel('邮箱').fill(email);
		await page.getByLabel('密码').fill(password);
		await page.getByRole('button', { name: '登录' }).click();
		return (await page.getByRole('alert').textContent())?.trim();
	};
	const wrong = await attempt(editor.email, 'not the password');
	const unknown = await attempt(`nobody-${token()}@bureau.example`, 'not the password');
	expect(wrong).toBe('邮箱或密码不正确。');
	expect(unknown).toBe(wrong);
	const locked = `locked-${token()}@bureau.example`;
	for (let i = 0; i < 3; i++) expect(await attempt(locked, 'guess')).toBe(wrong);
	// The fourth failure from one address on one account makes that address wait (see
	// login-lock.test.ts for the rest of the rules).
	expect(await attempt(locked, 'guess')).toBe('登录失败次数过多，请 1 分钟后再试。');
	expect(await attempt(locked, 'guess')).toBe('登录失败次数过多，请 1 分钟后再试。');
	await context.close();
});

test('console pages have no serious accessibility problems, in Chinese and in English', async ({
	browser
}) => {
	// Eight full axe passes: seconds each on a busy two-core machine.
	test.setTimeout(120_000);
	const page = await consolePage(browser);
	for (const path of ['/admin/events', '/admin/events/new', '/admin/venues/new', '/admin/tours']) {
		await page.goto(path);
		await expectAccessible(page);
	}
	await page.goto('/admin/events');
	await page.getByRole('link', { name: /活动/ }).first().isVisible();
	await page.locator('table a').first().click();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Switch the console to English' }).click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expectAccessible(page);
	await page.goto('/admin/login');
	await expectAccessible(page);
	await page.getByRole('link', { name: '切换为中文界面' }).click();
	await page.context().close();
});

test('an editor imports a festival programme from CSV: bad rows are reported, cancelling imports nothing, confirming imports the good rows as drafts', async ({
	browser
}) => {
	const page = await consolePage(browser);
	const mark = token();
	const day = shanghaiDate(30);
	const csv = [
		'title_zh,title_en,summary_zh,venue,start,end,tags',
		`导入开幕式${mark},Opening ${mark},开幕。,beihu-pavilion-square,${day} 19:00,${day} 20:00,opening; lanterns`,
		`,No Chinese ${mark},简介,beihu-pavilion-square,${day} 19:00,${day} 20:00,`,
		`时间不对${mark},,简介,beihu-pavilion-square,${day} 25:00,${day} 20:00,`,
		`场馆不对${mark},,简介,nowhere-hall,${day} 19:00,${day} 20:00,`,
		`导入闭幕式${mark},,闭幕。,jining-museum,${day} 21:00,${day} 22:00,`
	].join('\r\n');
	const upload = (content: string) => previewImport(page, content);
	const before = databaseState();
	await upload(csv);
	await expect(page.getByRole('heading', { name: '预览：2 行有效，3 行有问题' })).toBeVisible();
	await expect(page.getByRole('row', { name: /^3 / })).toContainText('中文内容必填');
	await expect(page.getByRole('row', { name: /^4 / })).toContainText('“25:00”不是有效的时间');
	await expect(page.getByRole('row', { name: /^5 / })).toContainText('找不到这个场馆');
	await page.getByRole('link', { name: '取消，不导入' }).click();
	expect(databaseState()).toEqual(before);

	await upload(csv);
	await page.getByRole('button', { name: '将 2 行导入为草稿' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已导入 2 个草稿活动' })).toBeVisible();
	await expect(page.getByRole('link', { name: `导入开幕式${mark}` })).toBeVisible();
	await expect(page.getByRole('link', { name: `导入闭幕式${mark}` })).toBeVisible();
	expect(databaseState().events).toBe(before.events + 2);

	// A file that is not a programme is refused whole, with the reason.
	await upload('name;date\nsomething;tomorrow');
	await expect(page.getByRole('alert')).toContainText('无法导入这个文件：缺少列');
	await page.context().close();
});

test('an editor adds a venue photo: it needs alt text, is checked by content, and visitors get metadata-free WebP renditions cached for good', async ({
	page: visitor,
	browser
}) => {
	// Five uploads, three of them refused, and a visitor's look: more than the default 30 s on a
	// busy two-core machine.
	test.setTimeout(60_000);
	const sharp = (await import('sharp')).default;
	const photo = await sharp({
		create: { width: 1400, height: 900, channels: 3, background: '#2b86b8' }
	})
		.jpeg()
		.withExif({ IFD0: { Make: 'TestCam' } })
		.toBuffer();
	const page = await consolePage(browser);
	// Other tests may have stored photos already: what matters is that a refusal adds none.
	const stored = mediaFiles();
	await page.goto('/admin/venues?q=jining-library');
	await page.getByRole('link', { name: '济宁市图书馆' }).click();
	await page.waitForLoadState('networkidle');
	const panel = page.getByRole('region', { name: '照片' });
	const choose = (name: string, buffer: Buffer, mimeType = 'image/jpeg') =>
		panel.getByLabel(/JPEG、PNG 或 WebP/).setInputFiles({ name, mimeType, buffer });

	// A text file with a photo's name is refused, whatever it claims to be.
	await choose('lake.jpg', Buffer.from('not really a photo'));
	await panel.getByLabel(/图片说明.*中文/).fill('图书馆外景');
	await panel.getByRole('button', { name: '上传' }).click();
	await expect(page.getByRole('alert')).toHaveText('这不是 JPEG、PNG 或 WebP 图片。');

	// Without alt text the server refuses it too (the browser's own check bypassed here).
	await choose('library.jpg', photo);
	const altZh = page.getByRole('region', { name: '照片' }).getByLabel(/图片说明.*中文/);
	await altZh.fill('');
	await altZh.evaluate((input) => input.removeAttribute('required'));
	await page.getByRole('region', { name: '照片' }).getByRole('button', { name: '上传' }).click();
	await expect(page.getByRole('alert')).toHaveText('请用中文描述图片内容（供读屏软件使用）。');
	expect(mediaFiles()).toEqual(stored);

	// An English alt text over 200 characters (the field's own limit bypassed): the refusal names
	// the field and the limit, and stores nothing.
	await choose('library.jpg', photo);
	await page
		.getByRole('region', { name: '照片' })
		.getByLabel(/图片说明.*中文/)
		.fill('图书馆外景');
	const altEn = page.getByRole('region', { name: '照片' }).getByLabel(/图片说明.*English/);
	await altEn.evaluate((input) => input.removeAttribute('maxlength'));
	await altEn.fill('a'.repeat(201));
	await page.getByRole('region', { name: '照片' }).getByRole('button', { name: '上传' }).click();
	await expect(page.getByRole('alert')).toHaveText(
		'图片说明（替代文字）（英文）: 太长了（最多 200 个字符）'
	);
	expect(mediaFiles()).toEqual(stored);

	await choose('library.jpg', photo);
	await page
		.getByRole('region', { name: '照片' })
		.getByLabel(/图片说明.*中文/)
		.fill('济宁市图书馆外景');
	await page
		.getByRole('region', { name: '照片' })
		.getByLabel(/图片说明.*English/)
		.fill('The Jining Library');
	await page.getByRole('region', { name: '照片' }).getByRole('button', { name: '上传' }).click();
	await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();
	await expect(page.getByRole('img', { name: '济宁市图书馆外景' })).toBeVisible();
	await page.context().close();

	await visitor.goto('/en/venues/jining-library');
	const img = visitor.getByRole('img', { name: 'The Jining Library' });
	await expect(img).toBeVisible();
	const srcset = (await img.getAttribute('srcset')) ?? '';
	expect(srcset).toMatch(
		/\/media\/[a-f0-9]{20}-480\.webp 480w, \/media\/[a-f0-9]{20}-960\.webp 960w, \/media\/[a-f0-9]{20}-1400\.webp 1400w/
	);
	const response = await visitor.request.get(srcset.split(' ')[0]);
	expect(response.headers()['content-type']).toBe('image/webp');
	expect(response.headers()['cache-control']).toBe('public, max-age=31536000, immutable');
	expect((await sharp(await response.body()).metadata()).exif).toBeUndefined();
});
