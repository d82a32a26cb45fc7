// Drafts never leave the server: records that are drafts, were published and then withdrawn, or
// were deleted, each carrying a marker in every text field, must not show in any public answer:
// pages (their JSON-LD and share card included), the feed (snapshot and deltas), the calendars,
// the sitemap, the search index and every public view. Nor may a published event name the draft
// venue or festival it points to.
import type { Browser } from '@playwright/test';
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
import type { Form } from './forms';
import { send } from './http';
import type { Target } from './target';

export interface LeakFigures {
	cases: number;
	leaks: number;
	details: string[];
}

interface Secret {
	type: ContentType;
	state: 'draft' | 'withdrawn' | 'deleted';
	id: string;
	slug: string;
	marker: string;
}

/** Every human text field of a form (the bilingual ones) set to the marker. */
function marked(form: Form, marker: string): Record<string, string> {
	const values: Record<string, string> = {};
	for (const field of form.fields) {
		if (/\.(zh|en)$/.test(field.name) && /^(text|textarea)$/.test(field.type)) {
			values[field.name] = `${marker} ${field.name}`;
		}
	}
	return values;
}

async function makeSecret(
	t: Target,
	template: Form,
	type: ContentType,
	state: Secret['state'],
	serial: string
): Promise<Secret> {
	const marker = `ZQX${state}${type}${serial}`.toUpperCase();
	const slug = `leak-${state}-${type}-${serial}`;
	const { id, answer } = await createFrom(t, template, type, {
		...marked(template, marker),
		slug,
		status: state === 'draft' ? 'draft' : 'published'
	});
	if (!id)
		throw new Error(`could not create the ${state} ${type}: ${answer.status} ${answer.text()}`);
	if (state !== 'draft') {
		const action = state === 'withdrawn' ? 'unpublish' : 'delete';
		const version = String(await versionOf(t, type, id));
		const done = await postForm(t, `/admin/${type}/${id}?/${action}`, [
			['version', version],
			['confirm', 'yes']
		]);
		const result = actionResult(done);
		if (result.type !== 'redirect' && result.type !== 'success') {
			throw new Error(`could not ${action} ${type} ${id}: ${done.status} ${done.text()}`);
		}
	}
	return { type, state, id, slug, marker };
}

/** The public answers to read, each in zh and en where it has a language. */
async function publicSurfaces(
	t: Target,
	secrets: Secret[],
	linkedEvent: string
): Promise<string[]> {
	const pages = [
		'',
		'/events',
		'/festivals',
		'/venues',
		'/tours',
		'/map',
		'/info',
		'/plan',
		'/settings'
	];
	const paths: string[] = [];
	for (const prefix of ['', '/en']) {
		for (const page of pages) paths.push(`${prefix}${page}` || '/');
		for (const s of secrets) {
			paths.push(`${prefix}/${s.type}/${s.slug}`, `${prefix}/search?q=${s.marker}`);
		}
		paths.push(`${prefix}/events/${linkedEvent}`);
	}
	const [{ value: revision }] = await t.db.all("select value from meta where key = 'revision'");
	paths.push(
		'/api/v1/content',
		'/api/v1/content?since=0',
		`/api/v1/content?since=${Number(revision) - 12}`,
		'/api/v1/events.ics',
		'/api/v1/events.ics?lang=en',
		'/sitemap.xml',
		'/robots.txt',
		'/shell.html'
	);
	for (const s of secrets) {
		if (s.type === 'festivals') paths.push(`/api/v1/events.ics?festival=${s.slug}`);
	}
	const views = [
		'home',
		'events',
		'festivals',
		'venues',
		'tours',
		'map',
		'search',
		'settings',
		'info'
	];
	for (const view of views) {
		paths.push(`/api/v1/views/${view}`, `/api/v1/views/${view}?lang=en`);
	}
	for (const s of secrets) {
		const view = s.type.replace(/s$/, '');
		paths.push(`/api/v1/views/${view}?slug=${s.slug}`, `/api/v1/views/search?q=${s.marker}`);
	}
	paths.push(`/api/v1/views/event?slug=${linkedEvent}`);
	return paths;
}

export async function draftLeaks(t: Target, browser: Browser): Promise<LeakFigures> {
	const context = await phone(browser, t.origin, {
		cookie: t.cookies.admin,
		serviceWorkers: 'block'
	});
	const serial = Date.now().toString(36);
	const secrets: Secret[] = [];
	const templates = {} as Record<ContentType, Form>;
	try {
		for (const type of contentTypes) {
			const [published] = await liveIds(t, type, 'published');
			templates[type] = await saveForm(context, type, published);
			for (const state of ['draft', 'withdrawn', 'deleted'] as const) {
				secrets.push(await makeSecret(t, templates[type], type, state, serial));
			}
		}
	} finally {
		await context.close();
	}
	// A published event at a draft venue, in a draft festival: the public sees the event, but not
	// the names of what it points to.
	const draftOf = (type: ContentType) =>
		secrets.find((s) => s.type === type && s.state === 'draft')!;
	const linkedSlug = `leak-linked-${serial}`;
	const linked = await createFrom(t, templates.events, 'events', {
		slug: linkedSlug,
		status: 'published',
		venueId: draftOf('venues').id,
		festivalId: draftOf('festivals').id
	});
	const details: string[] = [];
	if (!linked.id)
		details.push(`a published event may not point to drafts: ${linked.answer.status}`);

	// The marker is followed by the field's name in every text (`ZQX… title.zh`): a page that only
	// repeats what was asked for (the search box, "nothing at /events/leak-…") never shows that.
	const needles = secrets.flatMap((s) => {
		const what = `the ${s.state} ${s.type.replace(/s$/, '')}`;
		return [
			{
				pattern: new RegExp(`${s.marker} [a-zA-Z]+\\.(zh|en)`),
				text: s.marker,
				echo: false,
				what: `${what}'s text`
			},
			{ pattern: new RegExp(s.slug), text: s.slug, echo: true, what: `${what}'s slug` },
			// A withdrawn or deleted record's id is how phones learn to drop it; a draft's never shows.
			...(s.state === 'draft'
				? [{ pattern: new RegExp(s.id), text: s.id, echo: false, what: `${what}'s id` }]
				: [])
		];
	});
	const paths = await publicSurfaces(t, secrets, linkedSlug);
	let leaks = 0;
	for (const path of paths) {
		const answer = await send(t.origin, {
			path,
			headers: { accept: 'text/html,application/json' }
		});
		if (answer.status >= 500) details.push(`${path} → ${answer.status}`);
		const body = answer.text();
		for (const needle of needles) {
			// Asking for a record by its slug may repeat the slug (the canonical link, the 404 page).
			if (needle.echo && path.includes(needle.text)) continue;
			if (!needle.pattern.test(body)) continue;
			leaks++;
			details.push(`${path} shows ${needle.what} (${needle.text})`);
		}
	}
	return { cases: paths.length, leaks, details };
}
