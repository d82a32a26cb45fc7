import type { Component } from 'svelte';
import type { Language, Localized } from '$lib/content/localized';
import type { ContentType, Image, Recording } from '$lib/content/schemas';
import type { FieldProblem } from '$lib/content/validation';
import type { ConflictReport, HistoryEntry, SaveNotice } from './types';

/** What every record form takes, whatever the type (the values are the type's own). */
export interface FormProps<V> {
	initial: V;
	problems: FieldProblem[] | undefined;
	/** The version the form was loaded at; undefined for a new record. */
	version: number | undefined;
	conflict: ConflictReport | undefined;
	action: string;
	submitLabel: string;
	reloadHref: string;
}

/**
 * The console's pages of one record type, described once: the edit and create pages of every type
 * are built from this (RecordEditPage, RecordNewPage), as the server's loads and actions are built
 * from the type's form mapping ($lib/server/editing/pages.ts).
 */
export interface RecordKind<V, D, X> {
	type: ContentType;
	/** The list's title ("Events"), the way back from a record. */
	title: () => string;
	/** "New event". */
	newTitle: () => string;
	Form: Component<FormProps<V> & X>;
	/** What else the form needs from the page's data (pickers, holidays, map settings). */
	extra: (data: D) => X;
	/** Venues have several photos; the other types one picture. */
	multipleImages: boolean;
	/**
	 * The narration panel of an edit page, for the types that are narrated (venues, tour stops);
	 * undefined where the page's data carries no recordings (a new record has none to list).
	 */
	narration?: (data: D, lang: Language) => NarrationPanel | undefined;
}

/** What the console's narration panel lists and offers to upload to. */
export interface NarrationPanel {
	/** The recordings by stop index (a venue has one entry, index undefined). */
	items: { stop?: number; label?: string; recordings: Recording[] }[];
	/** The stops a recording can be uploaded to (a tour); none for a venue. */
	stops?: { index: number; label: string }[];
}

/** What the server's record loads send every edit page (see record-page.ts). */
export interface EditPageData<V> {
	title: Localized;
	record: { id: string; slug: string; status: string; version: number };
	values: V;
	history: HistoryEntry[];
	notice: SaveNotice | undefined;
	images: Image[];
}

/** A refused save as the page's action data brings it back: what was typed, and why not. */
export interface RefusedSave<V> {
	values: V;
	version?: number;
	problems?: FieldProblem[];
	conflict?: ConflictReport;
}

/** The page's action data when it is a refused save (other actions answer other things). */
export function refusedSave<V>(form: unknown): RefusedSave<V> | undefined {
	return form && typeof form === 'object' && 'values' in form
		? (form as RefusedSave<V>)
		: undefined;
}

/**
 * The newer version the page's action data reports, if any: a refused save brings it with the
 * form's values, a refused status change or deletion without them.
 */
export function conflictOf(form: unknown): ConflictReport | undefined {
	return form && typeof form === 'object' && 'conflict' in form
		? (form.conflict as ConflictReport)
		: undefined;
}

/** Whether the page's action data says `flag` (`deleteProblem`, `cancelProblem`). */
export const says = (form: unknown, flag: string): boolean =>
	!!form && typeof form === 'object' && flag in form;
