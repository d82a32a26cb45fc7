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

/** One field both editors changed, differently (see $lib/server/editing/merge.ts). */
export interface FieldConflict {
	path: string;
	base?: unknown;
	theirs?: unknown;
	mine?: unknown;
}

/** Whose value an editor keeps for a field both changed. */
export type Choice = 'mine' | 'theirs';

/** What the form shows after a refused write: someone else's newer version, field by field. */
export interface ConflictReport {
	/** The newest version: the one whose changes the editor is now shown. */
	version: number;
	changes: FieldChange[];
	by: { name: string; at: string; action: string; version: number | null }[];
	/** Fields both changed differently, each waiting for a choice (a save only). */
	conflicts: FieldConflict[];
	/** Choices already made that still stand, sent again with the next save. */
	choices: Record<string, Choice>;
	/** A save that goes through only once the editor has seen their changes, and why. */
	review?: 'status' | 'overwrite';
	/** A refused save keeps the form's input; a refused status change or deletion does not merge. */
	kind: 'save' | 'strict';
}

/** What the page says after a save that was merged with newer changes by others. */
export interface MergeNotice {
	/** Who saved between the version the form was opened at and the merge. */
	names: string[];
	/** Their changed fields the merge kept (dotted paths). */
	kept: string[];
}

/** The notice at the top of an edit page after a create or a save (`?created`, `?saved`). */
export type SaveNotice = { kind: 'created' } | { kind: 'saved'; merged?: MergeNotice };

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
