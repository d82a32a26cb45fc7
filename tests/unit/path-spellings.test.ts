import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isNonVisitorPath, routedPath } from '$lib/i18n/paths';
import { answersNavigation } from '$lib/sw/visitor-navigation';
import { spellings } from '../helpers/access-matrix';

const navigation = (path: string) =>
	answersNavigation({ mode: 'navigate' } as Request, new URL(`https://guide.example.cn${path}`));

describe('paths compared as the router reads them', () => {
	it('takes no spelling of a console or API path for a visitor page, in the worker or the client', () => {
		for (const path of [
			'/admin',
			'/admin/users',
			'/admin/events/evt_x',
			'/api/v1/content',
			'/healthz'
		]) {
			for (const spelling of spellings(path)) {
				expect(isNonVisitorPath(spelling.path), spelling.path).toBe(true);
				expect(navigation(spelling.path), spelling.path).toBe(false);
			}
		}
	});

	it('answers visitor navigations from the worker, in both languages', () => {
		for (const path of ['/', '/en', '/events', '/en/events/lantern-fair', '/plan/2026-12-08']) {
			expect(navigation(path), path).toBe(true);
		}
		expect(answersNavigation({ mode: 'cors' } as Request, new URL('https://x/events'))).toBe(false);
	});

	it('reads any path to one clean absolute path, or to nothing when it does not decode', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const path = routedPath(`/${text}`);
				if (path === undefined) {
					expect(isNonVisitorPath(`/${text}`)).toBe(true);
					return;
				}
				expect(path.startsWith('/')).toBe(true);
				expect(path).not.toMatch(/\/\/|\/\.\.?(?:\/|$)|\\/);
			}),
			{ numRuns: 2000 }
		);
		expect(routedPath('/%E4%B8%AD')).toBe('/中');
		expect(routedPath('/%zz')).toBeUndefined();
	});
});
