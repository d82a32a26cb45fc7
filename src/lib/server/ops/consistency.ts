import { contentTypes, feedPayload } from '$lib/content/schemas';
import type { Db } from '../db/connect';
import { buildFeed } from '../feed/build';
import { createStore } from '../store';

export interface Consistency {
	/** The global revision counter (meta.revision). */
	revision: number;
	/** The highest revision any content row or holiday year carries. */
	newestRowRevision: number;
	/** Each broken invariant in a sentence; empty when the database is consistent. */
	problems: string[];
}

/**
 * Checks the invariants a crash or a bad restore could break, with ordinary queries so it works on
 * either store:
 * - the counter is at least every row's revision (a phone could otherwise miss a later change that
 *   reuses a number), and no two rows share a revision (each write takes its own);
 * - every content record's version is the version its newest audit entry names: a save and its
 *   audit entry commit together, so a record is either fully saved (row and entry) or not at all;
 * - the full feed snapshot built from it validates against the feed schema phones apply, at the
 *   counter's revision.
 */
export async function checkConsistency(db: Db): Promise<Consistency> {
	const problems: string[] = [];
	const counter = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', 'revision')
		.executeTakeFirst();
	if (!counter) return { revision: 0, newestRowRevision: 0, problems: ['meta has no revision'] };

	const revisions: number[] = [];
	const versions = new Map<string, number>();
	for (const table of contentTypes) {
		const rows = await db.selectFrom(table).select(['id', 'revision', 'version']).execute();
		for (const row of rows) {
			revisions.push(Number(row.revision));
			versions.set(`${table}/${row.id}`, Number(row.version));
		}
	}
	const years = await db.selectFrom('holiday_years').select('revision').execute();
	revisions.push(...years.map((y) => Number(y.revision)));
	const newestRowRevision = Math.max(0, ...revisions);
	const revision = Number(counter.value);
	if (revision < newestRowRevision) {
		problems.push(`the revision counter ${revision} is behind a row at ${newestRowRevision}`);
	}
	const seen = new Set<number>();
	for (const r of revisions) {
		if (seen.has(r)) problems.push(`revision ${r} is carried by two rows`);
		seen.add(r);
	}

	const audited = await db
		.selectFrom('audit_log')
		.select(['entity_type', 'entity_id', (eb) => eb.fn.max('version').as('version')])
		.where('entity_type', 'in', [...contentTypes])
		.where('version', 'is not', null)
		.groupBy(['entity_type', 'entity_id'])
		.execute();
	for (const entry of audited) {
		const key = `${entry.entity_type}/${entry.entity_id}`;
		const stored = versions.get(key);
		// A purged tombstone is gone with its row; its audit entries stay, which is fine.
		if (stored !== undefined && stored !== Number(entry.version)) {
			problems.push(`${key} is at version ${stored} but its audit log ends at ${entry.version}`);
		}
	}

	const feed = await buildFeed(createStore(db), null);
	const parsed = feedPayload.safeParse(feed);
	if (!parsed.success) {
		const issue = parsed.error.issues[0];
		problems.push(`the feed snapshot does not validate: ${issue.path.join('.')}: ${issue.message}`);
	} else if (feed.revision !== revision) {
		problems.push(`the feed snapshot is at revision ${feed.revision}, not ${revision}`);
	}
	return { revision, newestRowRevision, problems };
}
