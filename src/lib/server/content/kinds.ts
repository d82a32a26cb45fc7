import type { z } from '$lib/content/zod';
import {
	event,
	eventInput,
	festival,
	festivalInput,
	notice,
	noticeInput,
	tour,
	tourInput,
	venue,
	venueInput,
	type ContentType,
	type Event,
	type Festival,
	type Notice,
	type Tour,
	type Venue
} from '$lib/content/schemas';

/**
 * What the store needs to know about each content type: its table, its schemas, which statuses are
 * public, and which fields are copied into columns for filtering. One generic repository serves all.
 */
export interface ContentKind<T extends { id: string; slug: string; status: string }> {
	type: ContentType;
	idPrefix: string;
	schema: z.ZodMiniType<T>;
	input: z.ZodMiniType<Omit<T, 'revision' | 'version' | 'updatedAt'>>;
	publicStatuses: readonly string[];
	columns(record: Omit<T, 'revision' | 'version' | 'updatedAt'>): Record<string, string | null>;
}

export const venues: ContentKind<Venue> = {
	type: 'venues',
	idPrefix: 'ven',
	schema: venue,
	input: venueInput,
	publicStatuses: ['published'],
	columns: (v) => ({ kind: v.kind })
};

export const events: ContentKind<Event> = {
	type: 'events',
	idPrefix: 'evt',
	schema: event,
	input: eventInput,
	// Cancelled and postponed events stay visible so that visitors learn what changed.
	publicStatuses: ['published', 'cancelled', 'postponed'],
	columns: (e) => ({
		festival_id: e.festivalId ?? null,
		venue_id: e.venueId ?? null,
		starts_at: e.start
	})
};

export const festivals: ContentKind<Festival> = {
	type: 'festivals',
	idPrefix: 'fes',
	schema: festival,
	input: festivalInput,
	publicStatuses: ['published'],
	columns: () => ({})
};

export const tours: ContentKind<Tour> = {
	type: 'tours',
	idPrefix: 'tou',
	schema: tour,
	input: tourInput,
	publicStatuses: ['published'],
	columns: () => ({})
};

export const notices: ContentKind<Notice> = {
	type: 'notices',
	idPrefix: 'not',
	schema: notice,
	input: noticeInput,
	publicStatuses: ['published'],
	columns: (n) => ({ ends_at: n.end })
};

export const contentKinds = { venues, events, festivals, tours, notices } as const;
