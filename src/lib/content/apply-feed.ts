import { contentTypes, type ContentType, type FeedPayload } from './schemas';

/** A client's mirror of public content: per type, records by id. */
export type Mirror = {
	revision: number;
	holidays: FeedPayload['holidays'];
	settings?: FeedPayload['settings'];
} & {
	[K in ContentType]: Map<string, FeedPayload[K][number]>;
};

export function emptyMirror(): Mirror {
	return {
		revision: 0,
		holidays: [],
		venues: new Map(),
		events: new Map(),
		festivals: new Map(),
		tours: new Map(),
		notices: new Map()
	};
}

/**
 * The meaning of a feed payload, as a pure function: a full payload replaces the mirror, a delta
 * removes the tombstoned ids and upserts the rest. The sync engine does the same in one Dexie
 * transaction; this is the reference the property tests check the server against.
 */
export function applyFeed(mirror: Mirror, payload: FeedPayload): Mirror {
	const next = payload.full ? emptyMirror() : cloneMirror(mirror);
	next.revision = payload.revision;
	next.holidays = payload.holidays;
	next.settings = payload.settings;
	for (const type of contentTypes) {
		const table = next[type] as Map<string, { id: string }>;
		for (const id of payload.deleted[type]) table.delete(id);
		for (const record of payload[type] as { id: string }[]) table.set(record.id, record);
	}
	return next;
}

function cloneMirror(mirror: Mirror): Mirror {
	return {
		revision: mirror.revision,
		holidays: mirror.holidays,
		settings: mirror.settings,
		venues: new Map(mirror.venues),
		events: new Map(mirror.events),
		festivals: new Map(mirror.festivals),
		tours: new Map(mirror.tours),
		notices: new Map(mirror.notices)
	};
}
