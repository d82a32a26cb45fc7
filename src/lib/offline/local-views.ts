import type { HolidayYear } from '$lib/content/holidays';
import type { Language } from '$lib/content/localized';
import { snapshotOf, type ContentData, type Snapshot } from '$lib/content/snapshot';
import { instantToShanghai } from '$lib/content/time';
import { ViewNotFoundError, ViewParameterError } from '$lib/content/views/context';
import type { ViewName } from '$lib/content/views/registry';
import type { GuideDb } from './db';
import { readSyncMeta } from './sync';

let cached: { revision: number; snapshot: Snapshot } | undefined;

/** The mirror as a snapshot for the views, rebuilt only when a sync moved the revision. */
export async function localSnapshot(db: GuideDb): Promise<Snapshot | undefined> {
	return db.transaction('r', [db.venues, db.events, db.festivals, db.tours, db.meta], async () => {
		const meta = await readSyncMeta(db);
		if (!meta?.revision) return undefined;
		if (cached?.revision === meta.revision) return cached.snapshot;
		const [venues, events, festivals, tours, holidays, settings, keys] = await Promise.all([
			db.venues.toArray(),
			db.events.toArray(),
			db.festivals.toArray(),
			db.tours.toArray(),
			db.meta.get('holidays'),
			db.meta.get('settings'),
			db.meta.get('searchKeys')
		]);
		const snapshot = snapshotOf({
			revision: meta.revision,
			venues,
			events,
			festivals,
			tours,
			holidays: (holidays?.value as HolidayYear[] | undefined) ?? [],
			settings: settings?.value as ContentData['settings'],
			searchKeys: keys?.value as Record<string, string> | undefined
		});
		cached = { revision: meta.revision, snapshot };
		return snapshot;
	});
}

/** The mirror's content as plain data (what crosses from the worker to a page), or undefined. */
export async function localContent(db: GuideDb): Promise<ContentData | undefined> {
	const snapshot = await localSnapshot(db);
	if (!snapshot) return undefined;
	const { revision, venues, events, festivals, tours, holidays, settings, searchKeys } = snapshot;
	return { revision, venues, events, festivals, tours, holidays, settings, searchKeys };
}

/**
 * A view's answer as it crosses to the page: its data, or why there is none. `missing`: the mirror
 * holds no snapshot yet (ask the network).
 */
export type ViewAnswer =
	| { data: unknown }
	| { missing: true }
	| { notFound: string }
	| { badParameter: string; message: string };

/**
 * Page data computed next to the mirror with the same views the server runs. The views and their
 * libraries are loaded on first use: a sync alone never needs them.
 */
export async function localView(
	db: GuideDb,
	request: {
		name: ViewName;
		lang: Language;
		params: Record<string, string>;
		/** The page's clock (ms since 1970): the worker's may differ where a page fakes its time. */
		at?: number;
	}
): Promise<ViewAnswer> {
	const snapshot = await localSnapshot(db);
	if (!snapshot) return { missing: true };
	const { views } = await import('$lib/content/views/registry');
	const { name, lang, params, at } = request;
	try {
		const now = instantToShanghai(new Date(at ?? Date.now()));
		return { data: views[name](snapshot, params, { lang, now }) };
	} catch (problem) {
		if (problem instanceof ViewNotFoundError) return { notFound: problem.message };
		if (problem instanceof ViewParameterError) {
			return { badParameter: problem.parameter, message: problem.message };
		}
		throw problem;
	}
}
