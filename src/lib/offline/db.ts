// The one module that imports Dexie (the linter keeps it so): every other module of the offline
// layer reaches IndexedDB through this one, and pages through the facade (./index.ts).
import { Dexie, liveQuery, type EntityTable, type Observable, type Table } from 'dexie';
import type { HolidayYear } from '$lib/content/holidays';
import type { Language } from '$lib/content/localized';
import type { MapSettings } from '$lib/content/map-settings';
import type { ContentType, Event, Festival, Notice, Tour, Venue } from '$lib/content/schemas';
import type { StoredWalk } from '$lib/content/walk-up';

/** What the visitor saved: an event, venue or tour, with what it looked like when saved. */
export interface Favourite {
	type: Exclude<ContentType, 'festivals' | 'notices'>;
	id: string;
	slug: string;
	savedAt: string;
	/** The title and time when saved, so a later change (cancelled, moved) can be told apart. */
	seen: { title: string; start?: string; status?: string; venueId?: string };
}

export interface VisitedStop {
	tourId: string;
	stop: number;
	at: string;
}

/** Where the visitor stopped listening to one narration (item and language), in seconds. */
export interface ListeningPosition {
	key: string;
	position: number;
	at: string;
}

/**
 * How long before a saved event (`events:ID`) or a planned stop (`plan:DATE:ITEMKEY`) the visitor
 * wants a reminder, in minutes (0 is off). Only choices made are kept: without one, a reminder
 * comes at the default lead time once reminders are on.
 */
export interface LeadTimeEntry {
	subject: string;
	minutes: number;
}

/** A reminder (or an emergency notice's notification) already shown on this phone, by its id. */
export interface ShownReminder {
	id: string;
	at: string;
}

/**
 * A tour the visitor downloaded, in one language: the recordings and photos it stored (in the
 * tour cache) and how many map tiles (in the tile cache). `ready` only once all are stored.
 */
export interface TourDownload {
	/** `tourId:lang` */
	key: string;
	tourId: string;
	slug: string;
	name: string;
	lang: Language;
	media: string[];
	tiles: number;
	/**
	 * The map tiles it stored (in the tile cache), so removing it removes them unless another
	 * download still needs them; absent in records written before it was kept.
	 */
	tileUrls?: string[];
	/** What it takes on the phone, measured once it is ready. */
	bytes: number;
	state: 'partial' | 'ready';
	updatedAt: string;
}

/** A visitor's day plan (issue: the planner); stored whole, never touched by sync. */
export interface StoredPlan {
	id: string;
	date: string;
	updatedAt: string;
	plan: unknown;
}

export interface MetaEntry {
	key:
		| 'sync'
		| 'settings'
		| 'holidays'
		| 'notice'
		| 'searchKeys'
		| 'tileJob'
		| 'dismissedNotices'
		| 'dismissedHints'
		| 'reminders'
		| 'walkUp';
	value: unknown;
}

export interface SyncMeta {
	revision: number;
	lastSyncedAt: string | null;
	/** The feed's tag for this revision, sent back as If-None-Match. */
	etag: string | null;
}

/**
 * The phone's database. Content tables mirror the feed and are only written by the sync engine;
 * favourites, visited stops, tour walks, plans and listening positions belong to the visitor and sync never touches them.
 * Versions are append-only: a new version adds stores or an upgrade, never edits an old one.
 */
export class GuideDb extends Dexie {
	venues!: EntityTable<Venue, 'id'>;
	events!: EntityTable<Event, 'id'>;
	festivals!: EntityTable<Festival, 'id'>;
	tours!: EntityTable<Tour, 'id'>;
	notices!: EntityTable<Notice, 'id'>;
	meta!: EntityTable<MetaEntry, 'key'>;
	favourites!: EntityTable<Favourite, 'id'>;
	visitedStops!: EntityTable<VisitedStop, 'tourId'>;
	plans!: EntityTable<StoredPlan, 'id'>;
	listening!: EntityTable<ListeningPosition, 'key'>;
	leadTimes!: EntityTable<LeadTimeEntry, 'subject'>;
	shownReminders!: EntityTable<ShownReminder, 'id'>;
	tourDownloads!: EntityTable<TourDownload, 'key'>;
	tourWalks!: EntityTable<StoredWalk, 'tourId'>;

	constructor(name = 'taibai-lake-guide') {
		super(name);
		this.version(1).stores({
			venues: 'id, slug, kind',
			events: 'id, slug, venueId, festivalId, start',
			festivals: 'id, slug',
			tours: 'id, slug',
			meta: 'key',
			favourites: '[type+id], type, savedAt',
			visitedStops: '[tourId+stop], tourId'
		});
		// v2: day plans, and favourites findable by slug (links from notices). Existing rows keep
		// their data; the new index is built by IndexedDB itself.
		this.version(2).stores({
			favourites: '[type+id], type, savedAt, slug',
			plans: 'id, date, updatedAt'
		});
		// v3: search keys are named by the content type's one tag (`venues:id`, was `venue:id`).
		this.version(3)
			.stores({})
			.upgrade(async (tx) => {
				const meta = tx.table<MetaEntry, MetaEntry['key']>('meta');
				const stored = (await meta.get('searchKeys'))?.value as Record<string, string> | undefined;
				if (!stored) return;
				const renamed = Object.entries(stored).map(([key, value]) => {
					const [tag, id] = key.split(/:(.*)/s);
					return [`${oldTags[tag] ?? tag}:${id}`, value];
				});
				await meta.put({ key: 'searchKeys', value: Object.fromEntries(renamed) });
			});
		// v4: the bureau's notices, mirrored like the rest of the feed.
		this.version(4).stores({ notices: 'id, end' });
		// v5: where the visitor stopped listening to each narration, kept across browser restarts.
		this.version(5).stores({ listening: 'key, at' });
		// v6: reminders: the visitor's lead time per saved event and planned stop, and the reminders
		// already shown (by occurrence), so none shows twice, across browser restarts.
		this.version(6).stores({ leadTimes: 'subject', shownReminders: 'id, at' });
		// v7: the tours downloaded for offline use, beside their caches.
		this.version(7).stores({ tourDownloads: 'key, tourId' });
		// v8: the tour walk under way and the stops it started, so a reload mid-walk never
		// replays a stop (tour-walks.ts).
		this.version(8).stores({ tourWalks: 'tourId' });
	}
}

/** The search keys' tags before version 3. */
const oldTags: Record<string, string> = {
	venue: 'venues',
	event: 'events',
	festival: 'festivals',
	tour: 'tours'
};

let instance: GuideDb | undefined;

/** The one database of this page (browser only). */
export function guideDb(): GuideDb {
	instance ??= new GuideDb();
	return instance;
}

export { liveQuery };
export type { HolidayYear, MapSettings, Observable, StoredWalk, Table };
