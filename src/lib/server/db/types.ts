import type { Generated } from 'kysely';
import type { Role } from '$lib/admin/types';

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

export type { Role };

export interface UserRow {
	id: string;
	email: string;
	name: string;
	role: Role;
	/** `scrypt$N$r$p$salt$hash` (see auth/password.js). */
	password_hash: string;
	created_at: string;
	disabled: number;
}

export interface SessionRow {
	/** SHA-256 of the cookie's token, hex. */
	token_hash: string;
	user_id: string;
	created_at: string;
	last_seen_at: string;
	expires_at: string;
}

export interface LoginAttemptRow {
	key: string;
	count: number;
	window_start: string;
	locked_until: string | null;
	/** The account (normalized email) a pair or account row counts against; null for an address. */
	account: string | null;
}

export interface AuditRow {
	id: Generated<number>;
	at: string;
	user_id: string | null;
	action: string;
	entity_type: string;
	entity_id: string;
	version: number | null;
	/** JSON array of field changes (see audit/diff.ts). */
	diff: string;
}

export interface Database {
	meta: MetaRow;
	venues: VenueRow;
	events: EventRow;
	festivals: ContentRow;
	tours: ContentRow;
	holiday_years: HolidayYearRow;
	users: UserRow;
	sessions: SessionRow;
	login_attempts: LoginAttemptRow;
	audit_log: AuditRow;
}

export type ContentTable = 'venues' | 'events' | 'festivals' | 'tours';
