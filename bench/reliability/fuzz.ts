// fuzz: at least BENCH_FUZZ_RUNS generated inputs (fast-check) for every write the console offers
// (each form action, found on the rendered pages), for each import format (CSV, ICS) and for the
// public endpoints that read parameters. Expected: a 4xx (naming the field where a form has
// fields), never a 5xx, and for every refused request the content tables and accounts exactly as
// they were (a checksum before and after each one).
import type { Browser, BrowserContext } from '@playwright/test';
import fc from 'fast-check';
import sharp from 'sharp';
import { consoleRoutesFromBuild } from '../../tests/helpers/access-matrix';
import { mp3 } from '../../tests/helpers/audio-fixtures';
import { mkdir, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { root } from '../lib/app.js';
import { phone } from './browser';
import {
	actionResult,
	consoleTypes,
	createFrom,
	liveIds,
	postForm,
	postNotice,
	versionOf,
	type ConsoleType
} from './console';
import { actionName, formsOn, withValues, type Form } from './forms';
import { csvFile, formInput, icsFile, sinceValue, type FormInput, type Value } from './fuzz-inputs';
import { resent, send as sendNow, type Answer, type RequestOptions } from './http';
import { createAccount, logIn, postLogin, type Account, type Target } from './target';

export interface FuzzFigures {
	inputs: number;
	endpoints: number;
	errors: number;
	partialWrites: number;
	details: string[];
}

interface Outcome {
	status: number;
	answer?: Answer;
	input: string;
	named?: boolean;
}

/** One endpoint under fuzz: how to make a request from a generated input, and what follows. */
interface Subject {
	name: string;
	runs: number;
	/**
	 * Gets input `i` ready (a fresh record, the current version: writes of its own, which happen
	 * before the checksum is taken), then `go` sends it and answers the effective status.
	 */
	prepare(i: number): Promise<{ go: () => Promise<Outcome>; input: string }>;
	/** After a request that was let through: bring ids, versions and sessions up to date. */
	accepted?(): Promise<void>;
	/** After its last input: drop what was generated for it. */
	release?(): void;
}

/**
 * A subject's generated inputs, made when its turn comes and dropped after it: made all at once for
 * every subject, the huge strings of 50 endpoints' thousand inputs held about 9 GB for the whole run.
 */
class Samples<T> {
	#values: T[] | undefined;
	constructor(private readonly make: () => T[]) {}
	at(i: number): T {
		this.#values ??= this.make();
		return this.#values[i];
	}
	release(): void {
		this.#values = undefined;
	}
}

/** The last request sent, kept whole so that a finding can be replayed exactly. */
let lastRequest: RequestOptions | undefined;
const send = (origin: string, options: RequestOptions) => {
	lastRequest = options;
	return sendNow(origin, options);
};

/** Writes a finding's whole request (path, headers, body) to bench/results, for replaying it. */
async function keepFinding(name: string): Promise<string | undefined> {
	if (!lastRequest) return undefined;
	const dir = join(root, 'bench', 'results', 'fuzz-findings');
	await mkdir(dir, { recursive: true });
	const file = join(dir, `${name.replace(/[^\w.-]+/g, '_')}.json`);
	const body = lastRequest.body;
	await writeFile(
		file,
		JSON.stringify({
			method: lastRequest.method ?? 'GET',
			path: lastRequest.path,
			headers: lastRequest.headers,
			bodyBase64: body === undefined ? undefined : Buffer.from(body).toString('base64')
		})
	);
	return file;
}

/** A photo the console accepts (64 px a side, the smallest it takes). */
/** Two seconds of silent MP3: a recording the console accepts. */
const recording = mp3(2, { kbps: 32 });
const png = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#0f5e8c' } })
	.png()
	.toBuffer();

/** What an answer means: an enhanced action answers 200 with its own status inside. */
export function effectiveStatus(answer: Answer): number {
	const type = String(answer.headers['content-type'] ?? '');
	if (!type.startsWith('application/json') || answer.status !== 200) return answer.status;
	const result = actionResult(answer) as { type?: string; status?: number };
	if (result.type === 'failure') return result.status ?? 400;
	if (result.type === 'redirect') return 303;
	return answer.status;
}

const percent = (bytes: Buffer) =>
	[...bytes]
		.map((b) =>
			/[A-Za-z0-9_.~-]/.test(String.fromCharCode(b))
				? String.fromCharCode(b)
				: `%${b.toString(16).padStart(2, '0').toUpperCase()}`
		)
		.join('');
const bytesOf = (value: Value) =>
	typeof value === 'string' ? Buffer.from(value, 'utf8') : value.raw;
const show = (value: Value) => {
	const text = typeof value === 'string' ? value : `bytes:${value.raw.toString('hex')}`;
	return text.length > 60 ? `${text.slice(0, 40)}…(${text.length})` : text;
};

/** The request a form input makes, in the envelope it asks for. */
function encode(
	t: Target,
	form: Form,
	entries: [string, Value][],
	input: FormInput,
	cookie: string
) {
	const headers: Record<string, string> = { origin: t.origin, cookie };
	const enhanced = input.envelope === 'enhanced';
	headers.accept = enhanced ? 'application/json' : 'text/html';
	if (enhanced) headers['x-sveltekit-action'] = 'true';
	const urlencoded = () =>
		entries.map(([k, v]) => `${percent(Buffer.from(k))}=${percent(bytesOf(v))}`).join('&');
	switch (input.envelope) {
		case 'text/plain':
			return {
				headers: { ...headers, 'content-type': 'text/plain' },
				body: Buffer.from(urlencoded())
			};
		case 'json':
			return {
				headers: { ...headers, 'content-type': 'application/json' },
				body: Buffer.from(JSON.stringify(Object.fromEntries(entries.map(([k, v]) => [k, show(v)]))))
			};
		case 'broken-multipart':
			return {
				headers: { ...headers, 'content-type': 'multipart/form-data; boundary=xyz' },
				body: Buffer.from(
					`--xyz\r\ncontent-disposition: form-data; name="${entries[0]?.[0] ?? 'a'}"\r\n\r\nno end`
				)
			};
		case 'bad-percent':
			return {
				headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
				body: Buffer.from(`${urlencoded()}&${entries[0]?.[0] ?? 'a'}=%zz%C3%28%E0%A4%`)
			};
		case 'oversize':
			// Over the 32 MB body limit npm start sets.
			return {
				headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
				body: Buffer.concat([Buffer.from(`${urlencoded()}&pad=`), Buffer.alloc(33 * 2 ** 20, 0x61)])
			};
	}
	if (form.enctype === 'multipart/form-data') {
		const boundary = `----fuzz${Math.random().toString(16).slice(2)}`;
		const parts = entries.map(([k, v]) => {
			const file = form.fields.find((f) => f.name === k)?.type === 'file';
			return Buffer.concat([
				Buffer.from(
					`--${boundary}\r\ncontent-disposition: form-data; name="${k}"${file ? '; filename="f.png"\r\ncontent-type: image/png' : ''}\r\n\r\n`
				),
				file && typeof v === 'string' && v === '' ? png : bytesOf(v),
				Buffer.from('\r\n')
			]);
		});
		return {
			headers: { ...headers, 'content-type': `multipart/form-data; boundary=${boundary}` },
			body: Buffer.concat([...parts, Buffer.from(`--${boundary}--\r\n`)])
		};
	}
	return {
		headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
		body: Buffer.from(urlencoded())
	};
}

/** The form's fields with the input's bad values, missing and doubled fields applied. */
function applied(base: [string, string][], input: FormInput): [string, Value][] {
	const changed = new Map(input.changes.map((c) => [c.name, c.value]));
	const out: [string, Value][] = [];
	const seen = new Set<string>();
	for (const [name, value] of base) {
		if (input.dropped.includes(name)) continue;
		if (changed.has(name)) {
			if (!seen.has(name)) out.push([name, changed.get(name)!]);
			seen.add(name);
			continue;
		}
		out.push([name, value]);
	}
	for (const [name, value] of changed) if (!seen.has(name)) out.push([name, value]);
	for (const d of input.doubled) out.push([d.name, d.value]);
	return out;
}

/** Whether a refusal says which field: the field's name, or its group (`title` for `title.zh`). */
/**
 * The content tables' checksum and the media store's files (name and size): a refused upload must
 * leave both as they were (a picture refused after its renditions were stored left three files).
 */
async function contentState(t: Target): Promise<string> {
	const files = await readdir(t.mediaDir).catch(() => [] as string[]);
	const sizes = await Promise.all(
		files.sort().map(async (name) => `${name}:${(await stat(join(t.mediaDir, name))).size}`)
	);
	return `${await t.db.checksum()} ${sizes.join(',')}`;
}

/** An answer's shape without its particulars (numbers, quoted values), to group like refusals. */
function answerKind(answer: Answer | undefined): string {
	return (answer?.text() ?? '')
		.slice(0, 200)
		.replace(/\d+/g, '#')
		.replace(/\\?"[^"\\]{40,}\\?"/g, '"…"');
}

function names(answer: Answer, input: FormInput): boolean {
	if (!input.changes.length || input.envelope !== 'enhanced') return true;
	const text = answer.text();
	return input.changes.some((c) => text.includes(c.name) || text.includes(c.name.split('.')[0]));
}

interface Session {
	cookie: string;
	account: Account;
}

/** A form fuzzed as `session`'s user; `base()` gives its current baseline entries. */
function formSubject(
	t: Target,
	name: string,
	form: Form,
	runs: number,
	seed: number,
	session: () => Session,
	base: () => Promise<{ action: string; entries: [string, string][] }>,
	taken: { slugs: string[] }
): Subject {
	const inputs = new Samples(() =>
		fc.sample(formInput(form.fields, taken), { numRuns: runs, seed })
	);
	return {
		name,
		runs,
		release: () => inputs.release(),
		async prepare(i) {
			const input = inputs.at(i);
			const { action, entries } = await base();
			const request = encode(t, form, applied(entries, input), input, session().cookie);
			const described = `${input.envelope} ${input.changes.map((c) => `${c.name}=${show(c.value)}`).join(' ')}${input.dropped.length ? ` without ${input.dropped.join(',')}` : ''}`;
			return {
				input: described,
				go: async () => {
					const answer = await send(t.origin, { method: 'POST', path: action, ...request });
					return {
						status: effectiveStatus(answer),
						answer,
						input: described,
						named: names(answer, input)
					};
				}
			};
		}
	};
}

/** A record of each type for the fuzzer to work on (published, with a photo), made anew if deleted. */
class Records {
	ids = new Map<string, string>();
	constructor(
		private t: Target,
		private templates: Record<ConsoleType, Form>
	) {}

	async id(type: ConsoleType, status: 'published' | 'draft'): Promise<string> {
		const key = `${type}/${status}`;
		const known = this.ids.get(key);
		if (known) {
			const [row] = await this.t.db.all(`select deleted_at from ${type} where id = $1`, [known]);
			if (row && row.deleted_at === null) return known;
		}
		const slug = `fuzz-${type}-${status}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
		const { id, answer } = await createFrom(this.t, this.templates[type], type, { slug, status });
		if (!id) throw new Error(`fuzz: could not make a ${status} ${type}: ${answer.status}`);
		// Content gets a photo so that the photo actions have one to remove; notices have none.
		if (type !== 'notices')
			await postForm(
				this.t,
				`/admin/${type}/${id}?/image`,
				[
					['version', String(await versionOf(this.t, type, id))],
					['alt.zh', '测试照片']
				],
				{ files: { file: { name: 'p.png', type: 'image/png', data: png } } }
			);
		// Venues and tours (their first stop) get a recording, so that its removal has a form.
		if (type === 'venues' || type === 'tours')
			await postForm(
				this.t,
				`/admin/${type}/${id}?/narration`,
				[
					['version', String(await versionOf(this.t, type, id))],
					['language', 'zh'],
					['transcript', '基准测试的讲解文稿'],
					...(type === 'tours' ? [['stop', '0'] as [string, string]] : [])
				],
				{ files: { file: { name: 'n.mp3', type: 'audio/mpeg', data: Buffer.from(recording) } } }
			);
		this.ids.set(key, id);
		return id;
	}
}

export async function fuzz(t: Target, runs: number, browser: Browser): Promise<FuzzFigures> {
	const details: string[] = [];
	const seed = Number(process.env.BENCH_FUZZ_SEED ?? 20261207);
	details.push(`seed ${seed} (BENCH_FUZZ_SEED repeats a run)`);
	resent.count = 0;
	const admin = await phone(browser, t.origin, {
		cookie: t.cookies.admin,
		serviceWorkers: 'block'
	});
	const subjects: Subject[] = [];
	try {
		subjects.push(...(await consoleSubjects(t, admin, runs, seed, details)));
	} finally {
		await admin.close();
	}
	subjects.push(...publicSubjects(t, runs, seed));
	subjects.push(...(await importSubjects(t, runs, seed)));

	let inputs = 0;
	let errors = 0;
	let partialWrites = 0;
	let unnamed = 0;
	// Unnamed refusals by endpoint and kind of answer, so the largest groups can be read at the end.
	const unnamedKinds = new Map<string, number>();
	// BENCH_FUZZ_ONLY (a regular expression on the endpoint's name) repeats the run of some of them.
	const only = process.env.BENCH_FUZZ_ONLY ? new RegExp(process.env.BENCH_FUZZ_ONLY) : undefined;
	for (const subject of subjects) {
		if (only && !only.test(subject.name)) continue;
		const started = Date.now();
		let subjectErrors = 0;
		let subjectUnnamed = 0;
		let subjectPartial = 0;
		for (let i = 0; i < subject.runs; i++) {
			let outcome: Outcome;
			let before = '';
			let input = `input ${i}`;
			try {
				const ready = await subject.prepare(i);
				input = ready.input;
				before = await contentState(t);
				outcome = await ready.go();
			} catch (error) {
				outcome = { status: 0, input: `${input} (no answer: ${(error as Error).message})` };
			}
			inputs++;
			const after = await contentState(t);
			if (outcome.status >= 500 || outcome.status === 0) {
				errors++;
				subjectErrors++;
				const kept = await keepFinding(`${subject.name} ${seed} ${i}`);
				const finding = `${outcome.status || 'no answer'}: ${subject.name} input ${i} ${outcome.input} → ${outcome.answer?.text().slice(0, 160) ?? ''}${kept ? ` (request in ${kept})` : ''}`;
				// Said at once too: a long run may be stopped before its summary.
				process.stderr.write(`  ${finding}\n`);
				if (subjectErrors <= 3) details.push(finding);
			}
			if (outcome.status >= 400 || outcome.status === 0) {
				if (before && after !== before) {
					partialWrites++;
					subjectPartial++;
					details.push(`partial write: ${subject.name} ${outcome.input} → ${outcome.status}`);
				}
				if (outcome.status < 500 && outcome.named === false) {
					unnamed++;
					subjectUnnamed++;
					const kind = `${subject.name} ${outcome.status} ${answerKind(outcome.answer)}`;
					unnamedKinds.set(kind, (unnamedKinds.get(kind) ?? 0) + 1);
					if (subjectUnnamed === 1) {
						details.push(
							`no field named: ${subject.name} ${outcome.input} → ${outcome.answer?.text().slice(0, 160)}`
						);
					}
				}
			} else {
				await subject.accepted?.();
			}
		}
		subject.release?.();
		process.stderr.write(
			// Each endpoint's own figures, so that a run stopped early still says what it found.
			`  fuzz ${subject.name}: ${subject.runs} inputs, ${subjectErrors} 5xx, ${subjectPartial} partial writes, ${subjectUnnamed} unnamed, ${((Date.now() - started) / 1000).toFixed(0)} s\n`
		);
	}
	details.push(`${unnamed} refusals of a form post did not name a field they were given`);
	for (const [kind, count] of [...unnamedKinds].sort((a, b) => b[1] - a[1])) {
		details.push(`  ${count} × ${kind}`);
	}
	details.push(
		`${resent.count} requests sent again on a fresh connection: the server had closed the kept-alive one (a second failure counts)`
	);
	const fuzzed = only
		? subjects.filter((subject) => only.test(subject.name)).length
		: subjects.length;
	return { inputs, endpoints: fuzzed, errors, partialWrites, details };
}

async function consoleSubjects(
	t: Target,
	admin: BrowserContext,
	runs: number,
	seed: number,
	details: string[]
): Promise<Subject[]> {
	const templates = {} as Record<ConsoleType, Form>;
	const taken = { slugs: [] as string[] };
	// The sample programme has no notices: one published as an editor would is their template.
	if (!(await liveIds(t, 'notices', 'published')).length) await postNotice(t, 'published');
	for (const type of consoleTypes) {
		const [published] = await liveIds(t, type, 'published');
		const forms = await formsOn(admin, `/admin/${type}/${published}`);
		templates[type] = forms.find((f) => actionName(f.action) === 'save')!;
		const [row] = await t.db.all(`select slug from ${type} where id = $1`, [published]);
		taken.slugs.push(String(row.slug));
	}
	const records = new Records(t, templates);
	// Sessions of their own for the actions that end or change them.
	const editorAccount: Account = {
		email: 'fuzz-self@bureau.example',
		password: 'fuzz self password',
		role: 'editor'
	};
	createAccount(t.databaseUrl, editorAccount);
	const self: Session = { account: editorAccount, cookie: await logIn(t.origin, editorAccount) };
	const adminSession: Session = { account: t.accounts.admin, cookie: t.cookies.admin };
	const anonymous: Session = { account: t.accounts.editor, cookie: '' };
	const victim: Account = {
		email: 'fuzz-victim@bureau.example',
		password: 'fuzz victim password',
		role: 'editor'
	};
	createAccount(t.databaseUrl, victim);
	const [victimRow] = await t.db.all('select id from users where email = $1', [victim.email]);
	// Four wrong passwords lock the victim from this address (the first three are free), so that
	// the accounts page offers to lift the lock. Four of the address's twenty allowed failures.
	for (let i = 0; i < 4; i++) await postLogin(t.origin, victim.email, 'not the password');

	// Every form the console shows, on the pages where each action appears.
	const pages = ['/admin/account', '/admin/users', '/admin/holidays', '/admin/import'];
	for (const type of consoleTypes) {
		pages.push(
			`/admin/${type}/new`,
			`/admin/${type}/${await records.id(type, 'published')}`,
			`/admin/${type}/${await records.id(type, 'draft')}`
		);
	}
	const found = new Map<string, Form>();
	const routeOf = (action: string) =>
		action
			.split('?')[0]
			.replace(/\/(evt|ven|fes|tou|not)_[\w-]+/, '/[id]')
			.replace(/\/$/, '') + `?/${actionName(action)}`;
	for (const page of pages) {
		for (const form of await formsOn(admin, page)) {
			const key = routeOf(form.action);
			if (
				/\/admin\/users\?\/(change|unlock)/.test(key) &&
				!form.entries.some(([, v]) => v === victimRow.id)
			)
				continue;
			if (!found.has(key)) found.set(key, form);
		}
	}
	const anonymousContext = await phone(admin.browser()!, t.origin, { serviceWorkers: 'block' });
	try {
		for (const form of await formsOn(anonymousContext, '/admin/login')) {
			found.set(routeOf(form.action), form);
		}
	} finally {
		await anonymousContext.close();
	}
	// The import's second step posts the previewed text back; its form appears only after a preview.
	const preview = found.get('/admin/import?/preview');
	if (preview) {
		const [festival] = await liveIds(t, 'festivals', 'published');
		const csv = (
			await send(t.origin, {
				path: '/admin/import/template.csv',
				headers: { cookie: t.cookies.admin }
			})
		).text();
		found.set('/admin/import?/import', {
			...preview,
			action: '/admin/import?/import',
			enctype: 'application/x-www-form-urlencoded',
			fields: [
				{ name: 'festivalId', type: 'hidden', value: festival },
				{ name: 'csv', type: 'hidden', value: csv }
			],
			entries: [
				['festivalId', festival],
				['csv', csv]
			]
		});
	}
	// Every action of the route table must have been found on some page.
	const routes = await consoleRoutesFromBuild(root);
	for (const route of routes) {
		for (const action of route.actions) {
			if (![...found.keys()].some((k) => k === `${route.id}?/${action}`)) {
				details.push(`no form on the pages for ${route.id}?/${action}: not fuzzed`);
			}
		}
	}

	const subjects: Subject[] = [];
	let n = 0;
	for (const [key, form] of found) {
		const routeSeed = seed + ++n;
		const type = /^\/admin\/(events|venues|festivals|tours|notices)\//.exec(key)?.[1] as
			ConsoleType | undefined;
		const action = actionName(form.action);
		let session = () => adminSession;
		let base = async () => ({ action: form.action, entries: form.entries });
		let accepted: (() => Promise<void>) | undefined;
		if (type && key.includes('[id]')) {
			const status = action === 'publish' ? 'draft' : 'published';
			base = async () => {
				const id = await records.id(type, status);
				const version = String(await versionOf(t, type, id));
				return {
					action: `/admin/${type}/${id}?/${action}`,
					entries: withValues(form.entries, { version, confirmVersion: undefined })
				};
			};
			// A record whose status the fuzzer changed is put back where its form expects it.
			accepted = async () => {
				records.ids.delete(`${type}/${status}`);
			};
		} else if (type) {
			// A valid record (a copy of a published one) with a fresh slug: the fuzzer's values are then
			// the only thing wrong with it.
			base = async () => ({
				action: form.action,
				entries: withValues(templates[type].entries, {
					version: undefined,
					slug: `fuzz-new-${Math.random().toString(36).slice(2, 10)}`
				})
			});
		} else if (key === '/admin/account?/password') {
			session = () => self;
			base = async () => ({
				action: form.action,
				entries: withValues(form.entries, {
					current: self.account.password,
					password: 'a new long password',
					again: 'a new long password 2'
				})
			});
			accepted = async () => {
				self.account = { ...self.account, password: 'a new long password' };
				try {
					self.cookie = await logIn(t.origin, self.account);
				} catch {
					self.account = { ...self.account, password: editorAccount.password };
					self.cookie = await logIn(t.origin, self.account);
				}
			};
		} else if (key === '/admin/logout?/default') {
			session = () => self;
			accepted = async () => {
				self.cookie = await logIn(t.origin, self.account);
			};
		} else if (key === '/admin/login?/default') {
			session = () => anonymous;
			base = async () => ({
				action: form.action,
				entries: withValues(form.entries, {
					email: 'fuzz-nobody@bureau.example',
					password: 'not the password'
				})
			});
		} else if (key === '/admin/users?/create') {
			base = async () => ({
				action: form.action,
				entries: withValues(form.entries, {
					email: `fuzz-user-${Math.random().toString(36).slice(2, 10)}@bureau.example`,
					name: '模糊测试',
					password: 'a long enough password'
				})
			});
		}
		const subject = formSubject(t, `POST ${key}`, form, runs, routeSeed, session, base, taken);
		subjects.push({ ...subject, accepted });
	}
	return subjects;
}

/** The public endpoints whose answers depend on parameters. */
function publicSubjects(t: Target, runs: number, seed: number): Subject[] {
	const get = (name: string, paths: string[]): Subject => ({
		name,
		runs,
		async prepare(i) {
			return {
				input: paths[i],
				go: async () => {
					const answer = await send(t.origin, {
						path: paths[i],
						headers: { 'accept-encoding': 'br' }
					});
					return { status: answer.status, answer, input: paths[i] };
				}
			};
		}
	});
	const q = (v: string) => encodeURIComponent(v);
	const since = fc
		.sample(sinceValue, { numRuns: runs, seed })
		.map((v) => `/api/v1/content?since=${q(v)}`);
	const ics = fc
		.sample(
			fc.tuple(
				fc.oneof(fc.string(), fc.constantFrom('spring-lantern-fair', '')),
				fc.oneof(fc.constantFrom('zh', 'en', 'fr', ''), fc.string())
			),
			{ numRuns: runs, seed: seed + 1 }
		)
		.map(([festival, lang]) => `/api/v1/events.ics?festival=${q(festival)}&lang=${q(lang)}`);
	const views = fc
		.sample(
			fc.tuple(
				fc.oneof(
					fc.constantFrom(
						'home',
						'events',
						'event',
						'festival',
						'venue',
						'tour',
						'search',
						'map',
						'nope',
						'__proto__',
						'constructor'
					),
					fc.string({ maxLength: 12 })
				),
				fc.dictionary(
					fc.constantFrom(
						'slug',
						'q',
						'date',
						'category',
						'lang',
						'now',
						'day',
						'kind',
						'page',
						'festival'
					),
					fc.oneof(sinceValue, fc.string({ maxLength: 40 }))
				)
			),
			{ numRuns: runs, seed: seed + 2 }
		)
		.map(([name, params]) => `/api/v1/views/${q(name)}?${new URLSearchParams(params)}`);
	const media = fc
		.sample(
			fc.oneof(
				fc.string({ maxLength: 40 }),
				fc.constantFrom('..%2f..%2fpackage.json', '%00.webp', 'a'.repeat(300) + '.webp')
			),
			{ numRuns: runs, seed: seed + 3 }
		)
		.map(
			(name) => `/media/${name.startsWith('..') || name.startsWith('%') ? name : q(name) || 'x'}`
		);
	return [
		get('GET /api/v1/content?since=', since),
		get('GET /api/v1/events.ics', ics),
		get('GET /api/v1/views/[name]', views),
		get('GET /media/[file]', media)
	];
}

/** Programme imports: CSV and ICS files, half previewed (nothing written), half imported. */
async function importSubjects(t: Target, runs: number, seed: number): Promise<Subject[]> {
	const template = await send(t.origin, {
		path: '/admin/import/template.csv',
		headers: { cookie: t.cookies.admin }
	});
	const columns = template
		.text()
		.split(/\r?\n/)[0]
		.replace(/^\ufeff/, '')
		.split(',');
	const [festival] = await liveIds(t, 'festivals', 'published');
	const upload = async (i: number, file: Buffer): Promise<Outcome> => {
		// The preview reads an uploaded file; the import, the previewed text sent back in a field.
		const action = i % 2 ? 'import' : 'preview';
		const answer =
			action === 'import'
				? await postForm(t, '/admin/import?/import', [
						['festivalId', festival],
						['csv', file.toString('utf8')]
					])
				: await postForm(t, '/admin/import?/preview', [['festivalId', festival]], {
						files: { file: { name: 'programme', type: 'text/plain', data: file } }
					});
		return { status: effectiveStatus(answer), answer, input: `${action} ${file.length} bytes` };
	};
	const fileSubject = (name: string, files: Samples<Buffer>): Subject => ({
		name,
		runs,
		release: () => files.release(),
		prepare: async (i) => ({
			input: `${i % 2 ? 'import' : 'preview'} ${files.at(i).length} bytes`,
			go: () => upload(i, files.at(i))
		})
	});
	return [
		fileSubject(
			'import CSV',
			new Samples(() => fc.sample(csvFile(columns), { numRuns: runs, seed: seed + 10 }))
		),
		fileSubject(
			'import ICS',
			new Samples(() => fc.sample(icsFile, { numRuns: runs, seed: seed + 11 }))
		)
	];
}
