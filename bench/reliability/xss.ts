// xss: payloads saved through the console into every human text and URL field of events, venues,
// festivals and tours (and photo captions and account names), then every place that shows them
// opened in Chromium under the app's real Content-Security-Policy: visitor pages as the server
// renders them and as the phone renders them (a client-side navigation), their JSON-LD and share
// card, the lists and search, the console's edit pages, lists, audit log and previews, a shared
// plan and its print view, and the calendar feed. Counted: payloads that ran (a dialog, or their
// `__xss(n)` call), and payloads that reached the page as markup (an element or attribute of
// theirs, a script the policy had to refuse, JSON-LD that no longer parses, an ICS line injected).
import type { Browser, BrowserContext, Page } from '@playwright/test';
import ICAL from 'ical.js';
import sharp from 'sharp';
import { phone } from './browser';
import {
	actionResult,
	contentTypes,
	createFrom,
	liveIds,
	postForm,
	saveForm,
	versionOf,
	type ContentType
} from './console';
import type { Field, Form } from './forms';
import { send } from './http';
import { payloads, type Payload } from './payloads';
import type { Target } from './target';

export interface XssFigures {
	payloads: number;
	fields: number;
	executed: number;
	unescaped: number;
	details: string[];
}

/** Fields people write in: text, long text and addresses, not slugs, dates, numbers or rules. */
export function humanFields(form: Form): Field[] {
	const machine =
		/^(slug|version|confirmVersion|rrule|start|end|startDate|endDate|previousStart|distanceM|durationMinutes|openingHours)$|lat$|lon$|[Ii]d$|amount/;
	return form.fields.filter(
		(f) => /^(text|textarea|url|search|tel)$/.test(f.type) && !machine.test(f.name)
	);
}

interface Saved {
	type: ContentType;
	id: string;
	slug: string;
	/** The payload number in each field that kept it. */
	stored: Map<string, number>;
}

/** Creates one record with payloads in its fields; a field the schema refuses gets its old value. */
async function saveWithPayloads(
	t: Target,
	template: Form,
	type: ContentType,
	fields: Field[],
	pick: (field: number) => Payload,
	slug: string
): Promise<Saved | undefined> {
	const values: Record<string, string> = {};
	fields.forEach((f, i) => (values[f.name] = pick(i).text));
	const refused = new Set<string>();
	for (let attempt = 0; attempt < 5; attempt++) {
		const tried = Object.fromEntries(
			Object.entries(values).map(([name, value]) => [
				name,
				refused.has(name) ? (template.entries.find(([n]) => n === name)?.[1] ?? '') : value
			])
		);
		const { id, answer } = await createFrom(t, template, type, {
			...tried,
			slug,
			status: 'published'
		});
		if (id) {
			const stored = new Map<string, number>();
			fields.forEach((f, i) => {
				if (!refused.has(f.name)) stored.set(f.name, pick(i).n);
			});
			return { type, id, slug, stored };
		}
		const data = actionResult(answer).data ?? answer.text();
		const named = fields.filter((f) => !refused.has(f.name) && data.includes(`"${f.name}"`));
		if (!named.length) break;
		for (const f of named) refused.add(f.name);
	}
	return undefined;
}

/** In the page: what of the payloads became markup. */
function scan(): { n: number | null; what: string }[] {
	const found: { n: number | null; what: string }[] = [];
	const number = (text: string) => {
		const m = /xss[-(](\d+)/i.exec(text);
		return m ? Number(m[1]) : null;
	};
	const urlAttributes = ['href', 'src', 'action', 'formaction', 'data', 'xlink:href', 'poster'];
	for (const el of document.querySelectorAll('*')) {
		const tag = el.localName;
		if (/^x-xss-\d+$/.test(tag)) found.push({ n: number(tag), what: `<${tag}>` });
		for (const attr of el.attributes) {
			const name = attr.name.toLowerCase();
			const value = attr.value;
			if (name.startsWith('data-xss')) found.push({ n: number(name), what: `${tag}[${name}]` });
			if (!/xss/i.test(value)) continue;
			if (name.startsWith('on')) found.push({ n: number(value), what: `${tag}[${name}]` });
			else if (name === 'srcdoc') found.push({ n: number(value), what: `${tag}[srcdoc]` });
			else if (urlAttributes.includes(name) && /^\s*(javascript|vbscript|data):/i.test(value)) {
				found.push({ n: number(value), what: `${tag}[${name}=${value.slice(0, 30)}]` });
			} else if (tag === 'base' || (tag === 'meta' && el.hasAttribute('http-equiv'))) {
				found.push({ n: number(value), what: `<${tag}>` });
			}
		}
		if (tag === 'script') {
			// The app's own scripts carry the page's nonce (its data travels inside them as strings).
			const script = el as HTMLScriptElement;
			const data = /^application\/(ld\+)?json$/.test(script.type);
			if (!data && !script.nonce && /__xss/.test(script.textContent ?? '')) {
				found.push({ n: number(el.textContent ?? ''), what: '<script>' });
			}
		}
	}
	for (const ld of document.querySelectorAll('script[type="application/ld+json"]')) {
		try {
			JSON.parse(ld.textContent ?? '');
		} catch {
			found.push({ n: number(ld.textContent ?? ''), what: 'JSON-LD that does not parse' });
		}
	}
	return found;
}

class Watch {
	executed = new Set<number>();
	unescaped = new Map<string, string>();
	violations: string[] = [];
	dialogs = 0;
	pages = 0;

	async attach(context: BrowserContext) {
		await context.exposeBinding('__xss', (_source, n: number) => this.executed.add(Number(n)));
		await context.addInitScript(() =>
			document.addEventListener(
				'securitypolicyviolation',
				(e) =>
					console.error(
						`csp-violation: ${e.effectiveDirective} ${e.blockedURI || 'inline'} ${location.pathname}`
					),
				true
			)
		);
		context.on('console', (m) => {
			if (m.text().startsWith('csp-violation:')) this.violations.push(m.text());
		});
		context.on('page', (page) =>
			page.on('dialog', (dialog) => {
				this.dialogs++;
				void dialog.dismiss();
			})
		);
	}

	async look(page: Page, where: string) {
		this.pages++;
		const before = this.violations.length;
		try {
			await page.locator('html[data-ready="true"]').waitFor({ state: 'attached', timeout: 20_000 });
		} catch {
			this.unescaped.set(`${where} never became ready`, where);
		}
		// Handlers like ontoggle and onfocus fire a moment after the page settles.
		await page.waitForTimeout(100);
		for (const f of await page.evaluate(scan)) {
			this.unescaped.set(`${f.n ?? '?'}:${f.what}`, where);
		}
		if (this.violations.length > before) {
			for (const v of this.violations.slice(before)) this.unescaped.set(`violation ${v}`, where);
		}
	}
}

export async function xss(t: Target, count: number, browser: Browser): Promise<XssFigures> {
	const list = payloads(count);
	const details: string[] = [];
	const console = await phone(browser, t.origin, {
		cookie: t.cookies.admin,
		serviceWorkers: 'block'
	});
	const saved: Saved[] = [];
	const fieldNames = new Set<string>();
	let offered = 0;
	let storedPairs = 0;
	try {
		for (const type of contentTypes) {
			const [published] = await liveIds(t, type, 'published');
			const template = await saveForm(console, type, published);
			const fields = humanFields(template);
			for (const f of fields) fieldNames.add(`${type}.${f.name}`);
			for (let r = 0; r < list.length; r++) {
				const record = await saveWithPayloads(
					t,
					template,
					type,
					fields,
					(i) => list[(r + i) % list.length],
					`xss-${type}-${r}-${Date.now().toString(36)}`
				);
				offered += fields.length;
				if (record) {
					saved.push(record);
					storedPairs += record.stored.size;
				} else details.push(`${type} ${r}: refused whatever was left out`);
			}
		}
	} finally {
		await console.close();
	}
	// Captions of photos and the names of accounts are human text too.
	const venues = saved.filter((s) => s.type === 'venues');
	const photo = await sharp({
		create: { width: 64, height: 64, channels: 3, background: '#c8102e' }
	})
		.png()
		.toBuffer();
	fieldNames.add('photo alt.zh').add('photo alt.en').add('account name');
	for (const [i, venue] of venues.entries()) {
		const p = list[i % list.length];
		const q = list[(i + 1) % list.length];
		const answer = await postForm(
			t,
			`/admin/venues/${venue.id}?/image`,
			[
				['version', String(await versionOf(t, 'venues', venue.id))],
				['alt.zh', p.text],
				['alt.en', q.text]
			],
			{ files: { file: { name: 'p.png', type: 'image/png', data: photo } } }
		);
		offered += 2;
		if (actionResult(answer).type === 'redirect') storedPairs += 2;
	}
	for (const p of list) {
		const answer = await postForm(t, '/admin/users?/create', [
			['email', `xss-${p.n}-${Date.now().toString(36)}@bureau.example`],
			['name', p.text.slice(0, 100)],
			['role', 'editor'],
			['password', 'a long enough password']
		]);
		offered += 1;
		if (actionResult(answer).type === 'success') storedPairs += 1;
	}
	details.push(
		`${storedPairs} of ${offered} payload placements were stored (the rest refused by validation)`
	);

	const watch = new Watch();
	const visitor = await phone(browser, t.origin);
	const editor = await phone(browser, t.origin, {
		cookie: t.cookies.admin,
		serviceWorkers: 'block'
	});
	await watch.attach(visitor);
	await watch.attach(editor);
	try {
		const page = await visitor.newPage();
		const go = async (path: string) => {
			await page.goto(path);
			await watch.look(page, path);
		};
		// The phone renders on its own after a client-side navigation: same page, no server HTML.
		const navigate = async (path: string) => {
			await page.evaluate((href) => {
				const a = document.createElement('a');
				a.href = href;
				document.body.append(a);
				a.click();
			}, path);
			await page.waitForURL((url) => url.pathname === path.split('?')[0], { timeout: 20_000 });
			// Rendered on the phone once the page says it is English and shows its heading.
			await page
				.waitForFunction(
					() =>
						document.documentElement.lang === 'en' && !!document.querySelector('h1')?.textContent,
					null,
					{ timeout: 20_000 }
				)
				.catch(() => watch.unescaped.set(`${path} did not render on the phone`, path));
			await page.waitForTimeout(200);
			await watch.look(page, `${path} (client-side)`);
		};
		await selfCheck(page, list, watch);
		for (const path of [
			'/',
			'/en',
			'/events',
			'/en/events',
			'/venues',
			'/en/venues',
			'/festivals',
			'/en/festivals',
			'/tours',
			'/en/tours',
			'/map',
			'/info',
			'/search?q=xss',
			'/en/search?q=xss'
		]) {
			await go(path);
		}
		for (const s of saved) {
			await go(`/${s.type}/${s.slug}`);
			await navigate(`/en/${s.type}/${s.slug}`);
		}
		// A shared plan of the payload venues and events, on screen and printed.
		for (const link of await shareLinks(t, saved)) {
			await go(link);
			await page.emulateMedia({ media: 'print' });
			await watch.look(page, `${link} (print)`);
			await page.emulateMedia({ media: 'screen' });
		}
		const admin = await editor.newPage();
		const look = async (path: string) => {
			await admin.goto(path);
			await watch.look(admin, path);
		};
		for (const path of [
			'/admin',
			'/admin/events?q=xss',
			'/admin/venues?q=xss',
			'/admin/festivals?q=xss',
			'/admin/tours?q=xss',
			'/admin/audit',
			'/admin/users'
		]) {
			await look(path);
		}
		for (const s of saved) {
			await look(`/admin/${s.type}/${s.id}`);
			await look(`/admin/preview/${s.type}/${s.id}`);
		}
	} finally {
		await visitor.close();
		await editor.close();
	}
	const injected = await calendarInjections(t, saved);
	for (const line of injected) watch.unescaped.set(line, '/api/v1/events.ics');

	const unescapedPayloads = new Set<string>();
	for (const [key, where] of watch.unescaped) {
		const n = /^(\d+):/.exec(key)?.[1];
		unescapedPayloads.add(n ?? key);
		if (unescapedPayloads.size <= 20) details.push(`unescaped on ${where}: ${key}`);
	}
	details.push(
		`${watch.pages} page views, ${watch.dialogs} dialogs, ${watch.violations.length} policy violations`
	);
	return {
		payloads: list.length,
		fields: fieldNames.size,
		executed: new Set([...watch.executed]).size + watch.dialogs,
		unescaped: unescapedPayloads.size,
		details
	};
}

/** Share links of plans made of the payload venues and of the payload events (60 items each). */
async function shareLinks(t: Target, saved: Saved[]): Promise<string[]> {
	const { encodePlan } = await import('../../src/lib/planner/share');
	const date = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
	const venues = saved.filter((s) => s.type === 'venues').slice(0, 60);
	const events = saved.filter((s) => s.type === 'events').slice(0, 60);
	const starts = new Map<string, string>();
	for (const e of events) {
		const [row] = await t.db.all('select starts_at from events where id = $1', [e.id]);
		starts.set(e.id, String(row?.starts_at ?? ''));
	}
	const plan = (items: { type: 'event' | 'venue'; id: string; at?: string }[]) =>
		encodePlan({
			date,
			start: { kind: 'venue', venueId: venues[0]?.id ?? 'ven_none' },
			from: '08:00',
			to: '22:00',
			mode: 'walk',
			items
		});
	return [
		`/plan/shared#${plan(venues.map((v) => ({ type: 'venue', id: v.id })))}`,
		`/en/plan/shared#${plan(events.map((e) => ({ type: 'event', id: e.id, at: starts.get(e.id) })))}`
	];
}

/** Calendar lines a payload added (a VEVENT of its own, a property it wrote) or a calendar broken. */
async function calendarInjections(t: Target, saved: Saved[]): Promise<string[]> {
	const problems: string[] = [];
	const ids = new Set(
		saved.filter((s) => s.type === 'events').map((s) => `${s.id}@taibai-lake-guide`)
	);
	for (const path of ['/api/v1/events.ics', '/api/v1/events.ics?lang=en']) {
		const text = (await send(t.origin, { path })).text();
		let events: ICAL.Component[];
		try {
			events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
		} catch (error) {
			problems.push(`${path} does not parse: ${(error as Error).message}`);
			continue;
		}
		for (const event of events) {
			const summary = String(event.getFirstPropertyValue('summary') ?? '');
			if (/^injected-xss-\d+/.test(summary))
				problems.push(`${/\d+/.exec(summary)?.[0]}:ICS VEVENT`);
		}
		const found = events.filter((e) => ids.has(String(e.getFirstPropertyValue('uid')))).length;
		if (found < ids.size) problems.push(`${path} has ${found} of the ${ids.size} payload events`);
	}
	return problems;
}

/**
 * The detector must be able to see what it looks for: markup injected into a page on purpose
 * (as a page that forgot to escape would show it) is found by the scan and refused by the policy.
 */
async function selfCheck(page: Page, list: Payload[], watch: Watch) {
	await page.goto('/en/events');
	await page.locator('html[data-ready="true"]').waitFor({ state: 'attached' });
	const sample = list.slice(0, 3).map((p) => p.text);
	const before = watch.violations.length;
	await page.evaluate((html) => {
		for (const h of html) document.body.insertAdjacentHTML('beforeend', h);
	}, sample);
	await page.waitForTimeout(300);
	const found = await page.evaluate(scan);
	if (!found.length || watch.executed.size) {
		throw new Error(`xss: the detector missed markup injected on purpose (${found.length} found)`);
	}
	if (watch.violations.length === before) {
		throw new Error('xss: the policy reported nothing about markup injected on purpose');
	}
	watch.violations.length = before;
}
