// kill: editors save in a loop while the server is killed with SIGKILL at a random moment, again
// and again. After each restart: the database passes `npm run verify` (SQLite's integrity and
// foreign-key checks and the app's own invariants), revisions have no gaps (every revision the
// counter took belongs to one audited save, each record's audit versions run 1, 2, 3… and the
// revision a phone saw never goes back), and every save the editor was told succeeded is there.
import { spawnSync } from 'node:child_process';
import type { Browser } from '@playwright/test';
import { root } from '../lib/app.js';
import { phone } from './browser';
import { actionResult, createFrom, liveIds, postForm, saveForm, versionOf } from './console';
import { withValues, type Form } from './forms';
import { send } from './http';
import type { Target } from './target';

export interface KillFigures {
	kills: number;
	corrupt: number;
	gaps: number;
	lost: number;
	details: string[];
}

interface Ack {
	id: string;
	version: number;
	title: string;
}

const editors = 3;

/** `npm run verify` against the database, as an operator would after a crash. */
function verify(databaseUrl: string): { ok: boolean; output: string } {
	const result = spawnSync(process.execPath, ['scripts/ops.js', 'verify'], {
		cwd: root,
		env: { ...process.env, DATABASE_URL: databaseUrl },
		encoding: 'utf8'
	});
	return { ok: result.status === 0, output: `${result.stdout}${result.stderr}`.trim() };
}

async function counters(t: Target) {
	const [meta] = await t.db.all("select value from meta where key = 'revision'");
	const [audit] = await t.db.all(
		"select count(*) as n from audit_log where entity_type in ('events', 'venues', 'festivals', 'tours')"
	);
	return { revision: Number(meta.value), audited: Number(audit.n) };
}

/** One editor saving one record over and over until the server stops answering. */
async function saveLoop(
	t: Target,
	form: Form,
	id: string,
	editor: number,
	round: number,
	acks: Ack[],
	stop: { now: boolean }
) {
	let version = await versionOf(t, 'events', id);
	for (let seq = 0; !stop.now; seq++) {
		const title = `保存测试 ${editor}-${round}-${seq}`;
		try {
			const answer = await postForm(
				t,
				`/admin/events/${id}?/save`,
				withValues(form.entries, { 'title.zh': title, version: String(version) })
			);
			const result = actionResult(answer);
			if (result.type === 'redirect') {
				version += 1;
				acks.push({ id, version, title });
			} else {
				// Refused (a save of ours whose answer was lost moved the version on): read it again.
				version = await versionOf(t, 'events', id);
			}
		} catch {
			return;
		}
	}
}

export async function kill(t: Target, kills: number, browser: Browser): Promise<KillFigures> {
	const details: string[] = [];
	const context = await phone(browser, t.origin, {
		cookie: t.cookies.admin,
		serviceWorkers: 'block'
	});
	const ids: string[] = [];
	let form: Form;
	try {
		const [published] = await liveIds(t, 'events', 'published');
		const template = await saveForm(context, 'events', published);
		for (let i = 0; i < editors; i++) {
			const { id } = await createFrom(t, template, 'events', {
				slug: `kill-${i}-${Date.now().toString(36)}`,
				status: 'published'
			});
			if (!id) throw new Error('kill: could not make the records to save');
			ids.push(id);
		}
		form = await saveForm(context, 'events', ids[0]);
	} finally {
		await context.close();
	}
	const start = await counters(t);
	const acks: Ack[] = [];
	let corrupt = 0;
	let gaps = 0;
	let lost = 0;
	let seenRevision = 0;
	let acknowledged = 0;
	for (let round = 0; round < kills; round++) {
		const stop = { now: false };
		const loops = ids.map((id, i) => saveLoop(t, form, id, i, round, acks, stop));
		// What a phone sees meanwhile: the revision may only move forwards, across the crash too.
		const watcher = (async () => {
			while (!stop.now) {
				try {
					const health = JSON.parse((await send(t.origin, { path: '/healthz' })).text());
					seenRevision = Math.max(seenRevision, Number(health.revision ?? 0));
				} catch {
					return;
				}
			}
		})();
		// Kill while saves are going through: once the first save of the round is acknowledged (or
		// after 20 s at most), at a random moment within the next second.
		const deadline = Date.now() + 20_000;
		while (acks.length === 0 && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 20));
		}
		await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
		await t.kill();
		stop.now = true;
		await Promise.all([...loops, watcher]);
		await t.restart();

		const check = verify(t.databaseUrl);
		if (!check.ok) {
			corrupt++;
			details.push(`after kill ${round + 1}: verify failed: ${check.output}`);
		}
		const now = await counters(t);
		if (now.revision - start.revision !== now.audited - start.audited) {
			gaps++;
			details.push(
				`after kill ${round + 1}: ${now.revision - start.revision} revisions taken for ${now.audited - start.audited} audited saves`
			);
		}
		if (now.revision < seenRevision) {
			gaps++;
			details.push(
				`after kill ${round + 1}: revision ${now.revision}, but a phone saw ${seenRevision}`
			);
		}
		for (const id of ids) {
			const rows = await t.db.all(
				"select version from audit_log where entity_type = 'events' and entity_id = $1 order by version",
				[id]
			);
			const versions = rows.map((r) => Number(r.version));
			const current = await versionOf(t, 'events', id);
			const expected = Array.from({ length: current }, (_, i) => i + 1);
			if (JSON.stringify(versions) !== JSON.stringify(expected)) {
				gaps++;
				details.push(`after kill ${round + 1}: ${id}'s audit versions are not 1…${current}`);
			}
		}
		acknowledged += acks.length;
		for (const ack of acks.splice(0)) {
			const [row] = await t.db.all('select version, data from events where id = $1', [ack.id]);
			const [entry] = await t.db.all(
				"select count(*) as n from audit_log where entity_type = 'events' and entity_id = $1 and version = $2",
				[ack.id, ack.version]
			);
			const version = Number(row?.version ?? 0);
			const title = JSON.parse(String(row?.data ?? '{}')).title?.zh;
			if (
				version < ack.version ||
				Number(entry.n) !== 1 ||
				(version === ack.version && title !== ack.title)
			) {
				lost++;
				details.push(
					`after kill ${round + 1}: the acknowledged save ${ack.id} v${ack.version} is missing`
				);
			}
		}
	}
	const end = await counters(t);
	details.push(
		`${end.audited - start.audited} saves committed over ${kills} kills, ${acknowledged} of them acknowledged before a kill`
	);
	return { kills, corrupt, gaps, lost, details };
}
