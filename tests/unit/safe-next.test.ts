import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeNext } from '$lib/server/hooks/auth';

/** Where a browser on the console's origin would go when redirected to `location`. */
function destination(location: string) {
	return new URL(location, 'https://guide.example.cn/admin/login');
}

describe('the return address after logging in', () => {
	it('keeps a console page with its query', () => {
		expect(safeNext('/admin/events?status=draft')).toBe('/admin/events?status=draft');
		expect(safeNext('/admin')).toBe('/admin');
	});

	it('never leaves the console, whatever the text, and never returns to the login page', () => {
		const pieces = fc.constantFrom(
			'/',
			'//',
			'\\',
			'/admin',
			'admin',
			'/login',
			'%2f',
			'%5c',
			'%61',
			'..',
			'.',
			'%2e%2e',
			'evil.example',
			'https:',
			'?',
			'#',
			'@',
			'%0d%0a',
			'\r\n',
			'\t',
			' ',
			'login',
			'/en'
		);
		const text = fc.oneof(
			fc.string(),
			fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''))
		);
		fc.assert(
			fc.property(text, (next) => {
				const location = safeNext(next);
				expect([...location].every((c) => c.charCodeAt(0) >= 0x20 && c !== '\x7f')).toBe(true);
				const url = destination(location);
				expect(url.origin).toBe('https://guide.example.cn');
				const path = decodeURIComponent(url.pathname);
				expect(path).toMatch(/^\/admin(?:\/|$)/);
				expect(path).not.toMatch(/^\/admin\/login(?:\/|$)/);
			}),
			{ numRuns: 3000 }
		);
	});

	it('refuses the hand-picked escapes: another host, a backslash, an encoded login, a header break', () => {
		for (const next of [
			'//evil.example/admin',
			'/\\evil.example',
			'/admin/../evil',
			'/admin/%2e%2e/events',
			'/%61dmin/login',
			'/admin/%6cogin',
			'/admin\r\nSet-Cookie: x=1',
			'https://evil.example/admin'
		]) {
			const path = decodeURIComponent(destination(safeNext(next)).pathname);
			expect(path, next).toMatch(/^\/admin(?:\/(?!login)|$)/);
		}
	});

	it('may return to the login page when asked to (the language switch on that page)', () => {
		expect(safeNext('/admin/login?next=%2Fadmin%2Fevents', { loginAllowed: true })).toBe(
			'/admin/login?next=%2Fadmin%2Fevents'
		);
	});
});
