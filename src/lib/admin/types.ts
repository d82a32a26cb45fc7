import type { Localized } from '$lib/content/localized';
import type { Position } from '$lib/content/geo';
import type { Festival, Venue } from '$lib/content/schemas';

// What the console's pages receive from the server: built by $lib/server, shown by the pages and
// components. Defined here, outside $lib/server, because client code imports nothing from there.

export type Role = 'admin' | 'editor';

/** A signed-in person, as pages and hooks see them: never the password hash. */
export interface User {
	id: string;
	email: string;
	name: string;
	role: Role;
}

/** One field of a record that a save changed, by its dotted path (`title.zh`, `stops.2.venueId`). */
export interface FieldChange {
	path: string;
	before?: unknown;
	after?: unknown;
}

/** What the form shows after a refused save: someone else's newer version, field by field. */
export interface ConflictReport {
	version: number;
	changes: FieldChange[];
	by: { name: string; at: string; action: string; version: number | null }[];
}

/** One entry of a record's history, with the name of who made it. */
export interface HistoryEntry {
	id: number;
	at: string;
	userId: string | null;
	userName: string;
	action: string;
	entityType: string;
	entityId: string;
	version: number | null;
	changes: FieldChange[];
}

/** Choices for the pickers in the forms: every live venue and festival, drafts included. */
export interface PickerOptions {
	venues: {
		id: string;
		name: Localized;
		kind: Venue['kind'];
		status: Venue['status'];
		position: Position;
	}[];
	festivals: {
		id: string;
		name: Localized;
		startDate: string;
		endDate: string;
		status: Festival['status'];
	}[];
}
