import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layers' boundaries are rules of the project's own ESLint config, which `npm run check` runs
// with --max-warnings 0: each crossing below is an error there, so it fails the check. (Plain .ts
// paths: .svelte and .svelte.ts files are linted with type information, which needs a real file.)
const eslint = new ESLint({ cwd: process.cwd() });

/** The rules a file at `path` with this source breaks (path: where it would sit in the project). */
async function broken(path: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath: path });
	return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

describe('the linter', () => {
	it.each([
		['src/lib/content/bad.ts', "import { onMount } from 'svelte';\nexport const x = onMount;"],
		['src/lib/planner/bad.ts', "import { page } from '$app/state';\nexport const x = page;"],
		['src/lib/content/bad.ts', "import { Dexie } from 'dexie';\nexport const x = Dexie;"],
		[
			'src/lib/planner/bad.ts',
			"import { getStore } from '$lib/server/app';\nexport const x = getStore;"
		],
		['src/lib/content/bad.ts', "import { view } from '$lib/offline';\nexport const x = view;"]
	])('keeps content and planner pure: %s may not import %s', async (path, code) => {
		expect(await broken(path, code)).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
	});

	it('keeps content and planner off the DOM', async () => {
		expect(
			await broken('src/lib/planner/bad.ts', 'export const x = () => document.title;')
		).toEqual([expect.stringMatching(/^no-restricted-globals: .*does not touch the DOM/)]);
	});

	it('lets only the offline layer’s db.ts import Dexie', async () => {
		const code = "import { liveQuery } from 'dexie';\nexport const x = liveQuery;";
		expect(await broken('src/lib/offline/db.ts', code)).toEqual([]);
		expect(await broken('src/lib/offline/plans.ts', code)).toEqual([
			expect.stringMatching(/^no-restricted-imports: .*Only src\/lib\/offline\/db.ts/)
		]);
		expect(await broken('src/lib/components/ui/bad.ts', code)).toHaveLength(1);
		expect(
			await broken('src/routes/(visitor)/x/+page.ts', "export const x = () => import('dexie');")
		).toEqual([expect.stringMatching(/^no-restricted-syntax: /)]);
	});

	it('lets pages and components reach the phone’s data through the facade only', async () => {
		const page = 'src/routes/(visitor)/[[lang=lang]]/plan/bad.ts';
		expect(
			await broken(page, "import { watch } from '$lib/offline';\nexport const x = watch;")
		).toEqual([]);
		expect(
			await broken(page, "import { planFor } from '$lib/offline/plans';\nexport const x = planFor;")
		).toEqual([expect.stringMatching(/^no-restricted-imports: .*Use the facade/)]);
		expect(await broken(page, "export const x = () => import('$lib/offline/plans');")).toEqual([
			expect.stringMatching(/^no-restricted-syntax: .*Use the facade/)
		]);
	});

	it('keeps client code from importing $lib/server, even its types', async () => {
		const code = "import type { User } from '$lib/server/auth/users';\nexport type X = User;";
		expect(await broken('src/lib/components/admin/bad.ts', code)).toEqual([
			expect.stringMatching(
				/^no-restricted-imports: .*Client code imports nothing from \$lib\/server/
			)
		]);
		expect(await broken('src/routes/admin/events/bad.ts', code)).toHaveLength(1);
		expect(await broken('src/routes/admin/events/+page.server.ts', code)).toEqual([]);
	});

	it('keeps server code off the phone’s database', async () => {
		expect(
			await broken(
				'src/lib/server/feed/bad.ts',
				"import { sync } from '$lib/offline';\nexport const x = sync;"
			)
		).toEqual([expect.stringMatching(/^no-restricted-imports: .*browser code only/)]);
	});

	it('lets browser code build zod schemas only through $lib/content/zod, which the CSP allows', async () => {
		const code = "import { z } from 'zod';\nexport const x = z.string();";
		for (const path of [
			'src/lib/content/schemas/bad.ts',
			'src/lib/offline/bad.ts',
			'src/lib/components/ui/bad.ts'
		]) {
			expect(await broken(path, code)).toEqual([
				expect.stringMatching(/^no-restricted-imports: .*\$lib\/content\/zod/)
			]);
		}
		expect(await broken('src/lib/content/zod.ts', code)).toEqual([]);
		expect(await broken('src/lib/server/bad.ts', code)).toEqual([]);
	});

	it('keeps browser code on the one build of zod that $lib/content/zod configures', async () => {
		const code = "import * as z from 'zod/mini';\nexport const x = z.string();";
		for (const path of ['src/lib/planner/bad.ts', 'src/lib/offline/bad.ts', 'src/routes/bad.ts']) {
			expect(await broken(path, code)).toEqual([
				expect.stringMatching(/^no-restricted-imports: .*\$lib\/content\/zod/)
			]);
		}
		expect(await broken('src/lib/content/zod.ts', code)).toEqual([]);
	});
});
