/**
 * Every content table has the same shape: the validated record as JSON in `data`, plus the columns
 * that queries filter on. `public` says whether the row is in the feed now; `ever_public` whether a
 * phone may hold it, so that unpublishing or deleting it must send a tombstone.
 */
export interface ContentRow {
	id: string;
	slug: string;
	status: string;
	data: string;
	revision: number;
	version: number;
	public: number;
	ever_public: number;
	deleted_at: string | null;
	created_at: string;
	updated_at: string;
}

export interface EventRow extends ContentRow {
	festival_id: string | null;
	venue_id: string | null;
	starts_at: string;
}

export interface VenueRow extends ContentRow {
	kind: string;
}

export interface MetaRow {
	key: string;
	value: number;
}

export interface HolidayYearRow {
	year: number;
	data: string;
	revision: number;
	version: number;
	updated_at: string;
}

export interface Database {
	meta: MetaRow;
	venues: VenueRow;
	events: EventRow;
	festivals: ContentRow;
	tours: ContentRow;
	holiday_years: HolidayYearRow;
}

export type ContentTable = 'venues' | 'events' | 'festivals' | 'tours';
