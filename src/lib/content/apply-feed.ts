import { contentTypes, searchKeyOf, type ContentType, type FeedPayload } from './schemas/feed';

/** A client's mirror of public content: per type, records by id. */
export type Mirror = {
	revision: number;
	holidays: FeedPayload['holidays'];
	settings?: FeedPayload['settings'];
	searchKeys: Record<string, string>;
} & {
	[K in ContentType]: Map<string, FeedPayload[K][number]>;
};

export function emptyMirror(): Mirror {
	return {
		revision: 0,
		holidays: [],
		searchKeys: {},
		venues: new Map(),
		events: new Map(),
		festivals: new Map(),
		tours: new Map()
	};
}

/** The writes of one content table: ids to remove, then records to put. */
export interface TableChanges<T> {
	remove: string[];
	put: T[];
}

/**
 * What a feed payload does to a mirror, as data. The pure `applyFeed` below and the phone's Dexie
 * transaction ($lib/offline/sync.ts) both carry out exactly these writes, so what the
 * property tests prove of `applyFeed` holds for the code phones run.
 */
export interface FeedChanges {
	revision: number;
	/** A full snapshot: every content table is emptied before the puts. */
	replace: boolean;
	tables: { [K in ContentType]: TableChanges<FeedPayload[K][number]> };
	holidays: FeedPayload['holidays'];
	settings: FeedPayload['settings'];
	/** The search keys after the payload, from those the mirror held before it. */
	searchKeys(previous: Record<string, string>): Record<string, string>;
}

/**
 * The meaning of a feed payload: a full payload replaces the mirror, a delta removes the
 * tombstoned ids and upserts the rest; holidays and settings come whole; search keys follow their
 * records (a removed record's key goes, an upserted one's is replaced).
 */
export function feedChanges(payload: FeedPayload): FeedChanges {
	const removed = (type: ContentType) => (payload.full ? [] : payload.deleted[type]);
	const table = <K extends ContentType>(type: K): TableChanges<FeedPayload[K][number]> => ({
		remove: removed(type),
		put: payload[type]
	});
	return {
		revision: payload.revision,
		replace: payload.full,
		tables: {
			venues: table('venues'),
			events: table('events'),
			festivals: table('festivals'),
			tours: table('tours')
		},
		holidays: payload.holidays,
		settings: payload.settings,
		searchKeys(previous) {
			const keys = payload.full ? {} : { ...previous };
			for (const type of contentTypes) {
				for (const id of removed(type)) delete keys[searchKeyOf(type, id)];
			}
			return Object.assign(keys, payload.searchKeys);
		}
	};
}

/** `feedChanges` carried out on an in-memory mirror: the reference the property tests check. */
export function applyFeed(mirror: Mirror, payload: FeedPayload): Mirror {
	const changes = feedChanges(payload);
	const next = changes.replace ? emptyMirror() : cloneMirror(mirror);
	next.revision = changes.revision;
	next.holidays = changes.holidays;
	next.settings = changes.settings;
	next.searchKeys = changes.searchKeys(mirror.searchKeys);
	for (const type of contentTypes) {
		const table = next[type] as Map<string, { id: string }>;
		const { remove, put } = changes.tables[type] as TableChanges<{ id: string }>;
		for (const id of remove) table.delete(id);
		for (const record of put) table.set(record.id, record);
	}
	return next;
}

function cloneMirror(mirror: Mirror): Mirror {
	return {
		revision: mirror.revision,
		holidays: mirror.holidays,
		settings: mirror.settings,
		searchKeys: mirror.searchKeys,
		venues: new Map(mirror.venues),
		events: new Map(mirror.events),
		festivals: new Map(mirror.festivals),
		tours: new Map(mirror.tours)
	};
}
