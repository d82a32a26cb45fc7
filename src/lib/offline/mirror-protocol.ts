import type { Commands, Queries } from './mirror-ops';

/** A message from the page to the mirror's worker. */
export type MirrorRequest =
	| { id: number; kind: 'command'; name: keyof Commands; argument?: unknown }
	| { id: number; kind: 'watch'; name: keyof Queries; argument?: unknown }
	| { id: number; kind: 'unwatch' };

/** An error crossing the worker boundary: enough to rebuild a SyncError on the page. */
export interface MirrorFailure {
	message: string;
	retryable: boolean;
	quota: boolean;
}

/** The worker's answer to a command (once) or a query (every time its data changes). */
export type MirrorReply =
	{ id: number; ok: true; value: unknown } | { id: number; ok: false; failure: MirrorFailure };
