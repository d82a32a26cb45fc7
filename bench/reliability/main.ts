// The reliability bench: builds the app if its sources changed (as `npm start` does), then for
// SQLite and, when TEST_DATABASE_URL_PG is set, PostgreSQL, serves it as `npm start` would and
// measures what holds. Figures go to stdout, one line each, exactly in the form; what a
// figure is made of (each leak, 5xx, lost save…) goes to stderr and bench/results/.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { buildIsStale } from '../../scripts/build-freshness.js';
import { positiveInt, root } from '../lib/app.js';
import { accessMatrix } from './access';
import { launch } from './browser';
import { headerSummary } from './headers';
import { draftLeaks } from './leaks';
import { fuzz } from './fuzz';
import { xss } from './xss';
import { kill } from './kill';
import { load } from './load';
import { login } from './login';
import { syncCut } from './sync-cut';
import { openTarget, type Target } from './target';

export interface Settings {
	port: number;
	fuzzRuns: number;
	xssPayloads: number;
	kills: number;
	loadSeconds: number;
	loadConnections: number;
	parts: Set<string>;
}

// In this order: the headers summary logs in (the login probe locks accounts), the fuzzer leaves
// odd records behind, the load test wants a quiet server.
const allParts = ['headers', 'access-matrix', 'xss', 'kill', 'sync-cut', 'load', 'fuzz', 'login'];
/** The order the issue lists the figures in. */
const printOrder = ['access-matrix', 'fuzz', 'xss', 'login', 'kill', 'sync-cut', 'load', 'headers'];

function settings(): Settings {
	const parts = process.env.BENCH_PARTS?.split(',').map((p) => p.trim()) ?? allParts;
	for (const part of parts) {
		if (!allParts.includes(part)) throw new Error(`BENCH_PARTS: no part named ${part}`);
	}
	return {
		port: positiveInt('BENCH_PORT', 4199),
		fuzzRuns: positiveInt('BENCH_FUZZ_RUNS', 1000),
		xssPayloads: positiveInt('BENCH_XSS_PAYLOADS', 100),
		kills: positiveInt('BENCH_KILLS', 20),
		loadSeconds: positiveInt('BENCH_LOAD_SECONDS', 60),
		loadConnections: positiveInt('BENCH_LOAD_CONNECTIONS', 200),
		parts: new Set(parts)
	};
}

const note = (line: string) => process.stderr.write(`${line}\n`);

function ensureBuild() {
	if (!buildIsStale(root, join(root, 'build', 'index.js'))) return;
	note('Building the app (sources changed since the last build)…');
	const result = spawnSync('npx', ['vite', 'build'], {
		cwd: root,
		stdio: ['ignore', 'ignore', 'inherit'],
		env: { ...process.env, NODE_ENV: 'production' }
	});
	if (result.status !== 0) throw new Error(`vite build failed (exit ${result.status})`);
}

type Part = (t: Target, s: Settings) => Promise<{ line: string; details: string[] }>;

const parts: Record<string, Part> = {
	'access-matrix': async (t) => {
		const browser = await launch();
		try {
			const leaks = await draftLeaks(t, browser);
			const matrix = await accessMatrix(t);
			return {
				line: `access-matrix: ${matrix.cases + leaks.cases} cases, ${matrix.leaks + leaks.leaks} leaks`,
				details: [
					`matrix ${matrix.cases} cases, ${matrix.leaks} leaks; draft checks ${leaks.cases} public answers, ${leaks.leaks} leaks`,
					...matrix.details,
					...leaks.details
				]
			};
		} finally {
			await browser.close();
		}
	},
	fuzz: async (t, s) => {
		const browser = await launch();
		try {
			const f = await fuzz(t, s.fuzzRuns, browser);
			return {
				line: `fuzz: ${f.inputs} inputs on ${f.endpoints} endpoints, ${f.errors} 5xx, ${f.partialWrites} partial writes`,
				details: f.details
			};
		} finally {
			await browser.close();
		}
	},
	xss: async (t, s) => {
		const browser = await launch();
		try {
			const x = await xss(t, s.xssPayloads, browser);
			return {
				line: `xss: ${x.payloads} payloads x ${x.fields} fields, ${x.executed} executed, ${x.unescaped} shown unescaped`,
				details: x.details
			};
		} finally {
			await browser.close();
		}
	},
	kill: async (t, s) => {
		const browser = await launch();
		try {
			const k = await kill(t, s.kills, browser);
			return {
				line: `kill: ${k.kills} SIGKILLs during writes, ${k.corrupt} corrupt, ${k.gaps} revision gaps, ${k.lost} acknowledged saves lost`,
				details: k.details
			};
		} finally {
			await browser.close();
		}
	},
	'sync-cut': async (t, s) => {
		const browser = await launch();
		try {
			const c = await syncCut(t, browser, s.port + 1);
			return {
				line: `sync-cut: ${c.cutPoints} cut points, ${c.inconsistent} inconsistent mirrors, ${c.notResumed} did not resume`,
				details: c.details
			};
		} finally {
			await browser.close();
		}
	},
	load: async (t, s) => {
		const l = await load(t, s.loadSeconds, s.loadConnections);
		return {
			line:
				`load: feed ${l.feed.rps.toFixed(0)} req/s p99 ${l.feed.p99} ms errors ${l.feed.errors}; ` +
				`page ${l.page.rps.toFixed(0)} req/s p99 ${l.page.p99} ms errors ${l.page.errors}; ` +
				`ratio to bare node:http ${l.ratio.toFixed(2)}`,
			details: l.details
		};
	},
	login: async (t) => {
		const l = await login(t);
		return {
			line: `login: ${l.guesses} guesses, locked after ${l.lockedAfter}, enumeration ${l.enumeration ? 'yes' : 'no'}`,
			details: l.details
		};
	},
	headers: async (t) => {
		const figures = await headerSummary(t);
		return { line: `headers: ${figures.summary}`, details: figures.details };
	}
};

type Kind = 'sqlite' | 'postgres';

/**
 * SQLite, and PostgreSQL when TEST_DATABASE_URL_PG is set; BENCH_DATABASES=sqlite or =postgres
 * runs one of them (two benches on different ports can then run side by side).
 */
function databases(): Kind[] {
	const all: Kind[] = process.env.TEST_DATABASE_URL_PG ? ['sqlite', 'postgres'] : ['sqlite'];
	const chosen = process.env.BENCH_DATABASES?.split(',').map((d) => d.trim());
	if (!chosen) return all;
	for (const kind of chosen) {
		if (!all.includes(kind as Kind)) {
			throw new Error(
				`BENCH_DATABASES: ${kind} is not one of ${all.join(', ')} (postgres needs TEST_DATABASE_URL_PG)`
			);
		}
	}
	return chosen as Kind[];
}

export async function main(): Promise<number> {
	const s = settings();
	ensureBuild();
	const when = new Date().toISOString();
	const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}`;
	const kinds = databases();
	const results: Record<string, unknown>[] = [];
	console.log(`reliability bench ${when} on ${machine}`);
	for (const kind of kinds) {
		const target = await openTarget(kind, s.port);
		const load = os
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' ');
		console.log(`[${target.label}] load average at start ${load}`);
		const lines = new Map<string, string>();
		try {
			for (const name of allParts) {
				if (!s.parts.has(name) || !parts[name]) continue;
				const started = Date.now();
				note(`${target.label}: ${name}…`);
				const { line, details } = await parts[name](target, s);
				note(line);
				for (const detail of details) note(`  ${detail}`);
				lines.set(name, line);
				results.push({
					database: target.label,
					part: name,
					line,
					details,
					seconds: (Date.now() - started) / 1000
				});
			}
		} finally {
			await target.dispose();
		}
		const end = os
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' ');
		console.log(`[${target.label}] load average at start ${load}, at end ${end}`);
		for (const name of printOrder) if (lines.has(name)) console.log(lines.get(name));
	}
	const dir = join(root, 'bench', 'results');
	mkdirSync(dir, { recursive: true });
	const file = join(dir, `reliability-${when.replace(/[:.]/g, '-')}.json`);
	writeFileSync(
		file,
		JSON.stringify({ when, machine, loadAverage: os.loadavg(), results }, null, '\t')
	);
	note(`Results: ${file}`);
	return 0;
}
