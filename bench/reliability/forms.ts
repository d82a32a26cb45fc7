// The console's forms as a browser submits them: read from the rendered pages in Chromium, so the
// bench fuzzes and fills exactly the fields the app offers (names, types, current values), and
// follows a form the day it changes.
import type { BrowserContext } from '@playwright/test';

export interface Field {
	name: string;
	/** input type, 'textarea', 'select' or 'select-multiple'. */
	type: string;
	value: string;
	checked?: boolean;
	options?: string[];
	required?: boolean;
	maxLength?: number;
}

export interface Form {
	/** The page the form was on. */
	page: string;
	/** Where it posts: path and query, e.g. `/admin/events/evt_x?/save`. */
	action: string;
	enctype: string;
	fields: Field[];
	/** What the browser would submit as it is: name/value pairs (files as empty). */
	entries: [string, string][];
}

/** Every POST form on the console page at `path` (after it has hydrated). */
export async function formsOn(context: BrowserContext, path: string): Promise<Form[]> {
	const page = await context.newPage();
	try {
		await page.goto(path);
		await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 30_000 });
		const forms = await page.evaluate(() =>
			[...document.forms]
				.filter((form) => form.method.toLowerCase() === 'post')
				.map((form) => {
					const url = new URL(form.action);
					const fields = [...form.elements].flatMap((element) => {
						const el = element as HTMLInputElement & HTMLSelectElement & HTMLTextAreaElement;
						if (!el.name || el.disabled) return [];
						const tag = el.tagName.toLowerCase();
						if (tag === 'button' || el.type === 'submit' || el.type === 'button') return [];
						const type =
							tag === 'textarea' ? 'textarea' : tag === 'select' ? el.type : el.type || 'text';
						return [
							{
								name: el.name,
								type,
								value: el.value,
								checked: el.type === 'checkbox' || el.type === 'radio' ? el.checked : undefined,
								options: tag === 'select' ? [...el.options].map((o) => o.value) : undefined,
								required: el.required,
								maxLength: el.maxLength > 0 ? el.maxLength : undefined
							}
						];
					});
					const entries = [...new FormData(form)].map(
						([name, value]) => [name, typeof value === 'string' ? value : ''] as [string, string]
					);
					return {
						page: location.pathname,
						action: url.pathname + url.search,
						enctype: form.enctype,
						fields,
						entries
					};
				})
		);
		return forms;
	} finally {
		await page.close();
	}
}

/** The action's name: `save` for `?/save`, `default` for none. */
export const actionName = (action: string) => /\?\/([\w-]+)/.exec(action)?.[1] ?? 'default';

/** The entries with some values replaced (all values of a name) and others added. */
export function withValues(
	entries: [string, string][],
	values: Record<string, string | undefined>
): [string, string][] {
	const out = entries.filter(([name]) => !(name in values));
	for (const [name, value] of Object.entries(values)) {
		if (value !== undefined) out.push([name, value]);
	}
	return out;
}
