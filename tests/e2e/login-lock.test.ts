import { spawnSync } from 'node:child_process';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { demo } from './admin-helpers';
import { disposeOwnServer, startOwnServer, type OwnServer } from './own-server';

/**
 * Login locks as people meet them, on a server of our own that takes visitors' addresses from
 * X-Forwarded-For (as behind the README's proxy), so each browser context can be somewhere else:
 * a stranger guessing an editor's password, the editor at the office, an admin.
 */
const port = Number(process.env.E2E_PORT ?? 4173) + 6;
const editor = { email: 'zhao@bureau.example', password: 'zhao the editor 2026', name: '赵编辑' };
const addresses = { stranger: '203.0.113.66', editor: '198.51.100.20', admin: '198.51.100.30' };
let server: OwnServer | undefined;

test.describe.configure({ mode: 'serial' });
test.setTimeout(90_000);

test.beforeAll(async () => {
	server = await startOwnServer(port, { ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });
	const created = spawnSync(
		'node',
		[
			'scripts/admin.js',
			'create',
			'--email',
			editor.email,
			'--name',
			editor.name,
			'--role',
			'editor',
			'--password-stdin'
		],
		{
			input: `${editor.password}\n`,
			env: { ...process.env, DATABASE_URL: `file:${server.database}` },
			encoding: 'utf8'
		}
	);
	expect(created.status, created.stderr).toBe(0);
});

test.afterAll(() => disposeOwnServer(server));

/** A console tab coming from `address`. */
async function tabFrom(browser: Browser, address: string): Promise<Page> {
	const context = await browser.newContext({
		baseURL: server?.origin,
		viewport: { width: 1280, height: 900 },
		locale: 'zh-CN',
		extraHTTPHeaders: { 'x-forwarded-for': address }
	});
	return context.newPage();
}

async function logIn(page: Page, who: { email: string; password: string }) {
	await page.goto('/admin/login');
	await page.getByLabel('邮箱').fill(who.email);
	await page.getByLabel('密码').fill(who.password);
	await page.getByRole('button', { name: '登录' }).click();
}

const refused = (page: Page) => page.getByRole('alert');

test("a stranger's failed logins from another address do not lock the editor out", async ({
	browser
}) => {
	const stranger = await tabFrom(browser, addresses.stranger);
	for (let i = 0; i < 3; i++) {
		await logIn(stranger, { email: editor.email, password: `guess ${i}` });
		await expect(refused(stranger)).toHaveText('邮箱或密码不正确。');
	}
	// The fourth failure makes the stranger's address wait, then each further one twice as long.
	await logIn(stranger, { email: editor.email, password: 'guess 3' });
	await expect(refused(stranger)).toHaveText('登录失败次数过多，请 1 分钟后再试。');
	// An unknown email is answered the same way: the wait tells nothing about the account.
	for (let i = 0; i < 3; i++) {
		await logIn(stranger, { email: 'nobody@bureau.example', password: `guess ${i}` });
		await expect(refused(stranger)).toHaveText('邮箱或密码不正确。');
	}
	await logIn(stranger, { email: 'nobody@bureau.example', password: 'guess 3' });
	await expect(refused(stranger)).toHaveText('登录失败次数过多，请 1 分钟后再试。');

	// The editor, at the office, is not affected.
	const office = await tabFrom(browser, addresses.editor);
	await logIn(office, editor);
	await expect(office).toHaveURL(/\/admin$/);
	await expect(office.getByRole('link', { name: /已登录：赵编辑/ })).toBeVisible();
	await stranger.context().close();
	await office.context().close();
});

test('an admin sees a locked account on the accounts page, lifts the lock, and the audit log shows who tried from where', async ({
	browser
}) => {
	const origin = server?.origin ?? '';
	// Many addresses together still lock the account: fifty failures from thirteen of them.
	for (let i = 0; i < 50; i++) {
		const response = await fetch(`${origin}/admin/login`, {
			method: 'POST',
			redirect: 'manual',
			headers: {
				origin,
				accept: 'text/html',
				'content-type': 'application/x-www-form-urlencoded',
				'x-forwarded-for': `192.0.2.${10 + Math.floor(i / 4)}`
			},
			body: new URLSearchParams({ email: editor.email, password: `botnet ${i}` })
		});
		expect([400, 429]).toContain(response.status);
	}
	const office = await tabFrom(browser, addresses.editor);
	await logIn(office, editor);
	await expect(refused(office)).toHaveText('登录失败次数过多，请 15 分钟后再试。');

	const admin = await tabFrom(browser, addresses.admin);
	await logIn(admin, demo);
	await expect(admin).toHaveURL(/\/admin$/);
	await admin.goto('/admin/users');
	const row = admin.getByRole('row').filter({ hasText: editor.email });
	await expect(row).toContainText(/登录已锁定至 \d{4}-\d{2}-\d{2} \d{2}:\d{2}（所有地址）/);
	await row.getByRole('button', { name: `解除 ${editor.email} 的登录锁定` }).click();
	await expect(admin.getByRole('status')).toHaveText(`已解除 ${editor.email} 的登录锁定。`);
	await expect(row).not.toContainText('登录已锁定');
	await expect(row.getByRole('button', { name: /解除/ })).toHaveCount(0);

	await logIn(office, editor);
	await expect(office).toHaveURL(/\/admin$/);

	// The audit log: the lift by the admin, the locks and failures with the email and address.
	await admin.goto('/admin/audit?action=user.unlock');
	await expect(admin.getByRole('row').filter({ hasText: '解除登录锁定' })).toContainText(
		'演示管理员'
	);
	await admin.goto('/admin/audit?action=login.lock');
	const lock = admin
		.getByRole('row')
		.filter({ hasText: `${editor.email} · ${addresses.stranger}` })
		.first();
	await expect(lock).toContainText('登录被锁定');
	await lock.getByText(/\d+ 处修改/).click();
	await expect(lock).toContainText('此地址登录此账号');
	await admin.goto(`/admin/audit?action=login.fail&entityId=${editor.email}`);
	await expect(
		admin.getByRole('row').filter({ hasText: `${editor.email} · 192.0.2.22` })
	).toHaveCount(2);
	// In English too.
	await admin.getByRole('link', { name: 'Switch the console to English' }).click();
	await expect(admin.getByRole('row').filter({ hasText: 'failed login' }).first()).toBeVisible();
	await admin.getByRole('link', { name: '切换为中文界面' }).click();
	await office.context().close();
	await admin.context().close();
});
