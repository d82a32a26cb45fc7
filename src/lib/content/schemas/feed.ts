import { z } from '$lib/content/zod';
import { holidayYear } from '../holidays';
import { mapSettings } from './map-settings';
import { siteSettings } from '../site-settings';
import { event } from './event';
import { festival } from './festival';
import { notice } from './notice';
import { tour } from './tour';
import { venue } from './venue';

export const contentTypes = ['venues', 'events', 'festivals', 'tours', 'notices'] as const;
export type ContentType = (typeof contentTypes)[number];

/** The key of a record's pinyin search key: its type tag and id, `venues:ven_lake`. */
export const searchKeyOf = (type: ContentType, id: string): string => `${type}:${id}`;

/**
 * The public feed payload, shared by the server that writes it and the sync engine that applies it.
 * `full: true` means "replace everything you have" (first sync, or `since` too old to delta);
 * otherwise the upserts and deletions since `since` are applied on top of the client's mirror.
 */
export const feedPayload = z.object({
	revision: z.number().check(z.int(), z.nonnegative()),
	since: z.nullable(z.number().check(z.int(), z.nonnegative())),
	full: z.boolean(),
	venues: z.array(venue),
	events: z.array(event),
	festivals: z.array(festival),
	tours: z.array(tour),
	/** Published bureau notices, ended ones too (phones hide those by the clock; a feed from before
	 * notices existed has none). */
	notices: z._default(z.array(notice), []),
	/** The holiday calendar and public settings are small: every payload carries them whole. */
	holidays: z.array(holidayYear),
	settings: z.object({ map: mapSettings, site: z._default(siteSettings, {}) }),
	/** Pinyin search keys of the upserted records, by `searchKeyOf(type, id)` (made on the server,
	 * where the pinyin dictionary lives, so phones search "tbh" offline without downloading it). */
	searchKeys: z._default(z.record(z.string(), z.string()), {}),
	deleted: z.object({
		venues: z.array(z.string()),
		events: z.array(z.string()),
		festivals: z.array(z.string()),
		tours: z.array(z.string()),
		notices: z._default(z.array(z.string()), [])
	})
});
export type FeedPayload = z.infer<typeof feedPayload>;
