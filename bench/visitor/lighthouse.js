// Lighthouse 12.2.3 through its CLI, installed once into bench/.lighthouse (gitignored): it is large
// and only the benchmark needs it, so it stays out of the app's dependencies.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromiumFlags, chromiumPath, root } from '../lib/app.js';

export const LIGHTHOUSE_VERSION = '12.2.3';
const prefix = join(root, 'bench', '.lighthouse');
const packageDir = join(prefix, 'node_modules', 'lighthouse');
export const categories = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * The budget (issues #3 and #17): Performance ≥ 98, the other three = 100, LCP ≤ 1.2 s, total
 * blocking time under 150 ms, no layout shift.
 */
export const budget = {
	performance: 98,
	accessibility: 100,
	'best-practices': 100,
	seo: 100,
	lcpMs: 1200,
	tbtBelowMs: 150,
	cls: 0
};

export function ensureLighthouse() {
	const manifest = join(packageDir, 'package.json');
	if (
		existsSync(manifest) &&
		JSON.parse(readFileSync(manifest, 'utf8')).version === LIGHTHOUSE_VERSION
	)
		return;
	console.log(`Installing lighthouse@${LIGHTHOUSE_VERSION} into bench/.lighthouse (once)…`);
	const result = spawnSync(
		'npm',
		[
			'install',
			'--prefix',
			prefix,
			'--no-audit',
			'--no-fund',
			'--save-exact',
			`lighthouse@${LIGHTHOUSE_VERSION}`
		],
		{ cwd: root, stdio: 'inherit' }
	);
	if (result.status !== 0) throw new Error(`npm install lighthouse failed (exit ${result.status})`);
}

/**
 * One Lighthouse run with the default (mobile) configuration: a Moto G Power-sized screen, simulated
 * slow 4G and a 4× CPU slowdown. Chrome listens on `port` for the DevTools protocol. Tile requests
 * are blocked, since this machine has no network (and no tile server wants benchmark traffic).
 * Writes `<base>.report.json` and `<base>.report.html` and resolves with the parsed JSON report.
 */
export async function runLighthouse(url, base, port) {
	const cli = join(packageDir, 'cli', 'index.js');
	const args = [
		cli,
		url,
		`--port=${port}`,
		`--only-categories=${categories.join(',')}`,
		'--output=json',
		'--output=html',
		`--output-path=${base}`,
		'--quiet',
		`--chrome-flags=--headless=new ${chromiumFlags.join(' ')}`,
		'--blocked-url-patterns=*tile.openstreetmap.org*',
		'--blocked-url-patterns=*tianditu.gov.cn*'
	];
	const child = spawn(process.execPath, args, {
		cwd: root,
		stdio: ['ignore', 'inherit', 'pipe'],
		env: { ...process.env, CHROME_PATH: chromiumPath || process.env.CHROME_PATH }
	});
	let stderr = '';
	child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
	const code = await new Promise((resolve) => child.once('exit', resolve));
	if (code !== 0) throw new Error(`lighthouse ${url} exited with ${code}\n${stderr}`);
	const report = JSON.parse(await readFile(`${base}.report.json`, 'utf8'));
	if (report.runtimeError) {
		throw new Error(
			`lighthouse ${url}: ${report.runtimeError.code} ${report.runtimeError.message}`
		);
	}
	return report;
}

/**
 * The run closest to the median first contentful paint and time to interactive: Lighthouse's own
 * choice among repeated runs (its median-run helper), which is steadier than a median score when
 * one run lands on a busy moment of a shared machine.
 */
export async function medianRun(reports) {
	const { computeMedianRun } = await import(join(packageDir, 'core', 'lib', 'median-run.js'));
	return computeMedianRun(reports);
}

/** A few element selectors, URLs or labels from an audit's details, so a failure can be found. */
function examples(audit) {
	const items = audit.details?.items ?? [];
	return items.slice(0, 3).map((item) => {
		const node = item.node ?? item.subItems?.items?.[0]?.node;
		if (node) return `${node.selector ?? ''} ${node.snippet ?? ''}`.trim();
		const url = item.url ?? item.scriptUrl ?? item.source?.url;
		if (url) return String(url);
		if (item.groupLabel) return `${item.groupLabel}: ${Math.round(item.duration)} ms`;
		return JSON.stringify(item).slice(0, 160);
	});
}

/** Scores (0–100), the metrics we budget, and every audit below a full score. */
export function summarize(report) {
	const scores = Object.fromEntries(
		categories.map((id) => [id, Math.round((report.categories[id]?.score ?? 0) * 100)])
	);
	const metric = (id) => report.audits[id]?.numericValue ?? null;
	const failed = {};
	const errored = [];
	for (const id of categories) {
		failed[id] = [];
		for (const ref of report.categories[id].auditRefs) {
			const audit = report.audits[ref.id];
			if (audit.scoreDisplayMode === 'error') {
				errored.push({ id: ref.id, category: id, weight: ref.weight, message: audit.errorMessage });
				continue;
			}
			if (audit.score === null || audit.score >= 1) continue;
			// The metrics are printed as figures; list the audits that explain them.
			if (ref.group === 'metrics') continue;
			if (['manual', 'notApplicable', 'informative'].includes(audit.scoreDisplayMode)) continue;
			failed[id].push({
				id: ref.id,
				title: audit.title,
				score: audit.score,
				weight: ref.weight,
				displayValue: audit.displayValue ?? '',
				examples: examples(audit)
			});
		}
	}
	return {
		url: report.finalDisplayedUrl ?? report.finalUrl,
		lighthouseVersion: report.lighthouseVersion,
		benchmarkIndex: report.environment?.benchmarkIndex,
		scores,
		metrics: {
			lcpMs: metric('largest-contentful-paint'),
			tbtMs: metric('total-blocking-time'),
			cls: metric('cumulative-layout-shift'),
			fcpMs: metric('first-contentful-paint'),
			speedIndexMs: metric('speed-index')
		},
		failed,
		// Audits that could not run at all (e.g. a trace format this Lighthouse does not know).
		errored,
		warnings: report.runWarnings ?? []
	};
}

/** Whether a summary meets the budget, as a list of the misses. */
export function budgetMisses(summary) {
	const misses = [];
	for (const id of categories) {
		if (summary.scores[id] < budget[id]) misses.push(`${id} ${summary.scores[id]} < ${budget[id]}`);
	}
	if (summary.metrics.lcpMs > budget.lcpMs) {
		misses.push(`LCP ${(summary.metrics.lcpMs / 1000).toFixed(2)} s > ${budget.lcpMs / 1000} s`);
	}
	if (summary.metrics.tbtMs >= budget.tbtBelowMs) {
		misses.push(`TBT ${Math.round(summary.metrics.tbtMs)} ms ≥ ${budget.tbtBelowMs} ms`);
	}
	if (summary.metrics.cls > budget.cls) {
		misses.push(`CLS ${summary.metrics.cls.toFixed(3)} > ${budget.cls}`);
	}
	return misses;
}
