/// <reference lib="webworker" />
// Syncs in a worker thread: downloading, validating and writing the mirror never blocks the page.
// Dexie tells the page's live queries about the new revision through its own cross-context channel.
import { isQuotaError } from './storage';
import { SyncError, syncExclusive } from './sync';

export interface SyncReply {
	ok: boolean;
	result?: Awaited<ReturnType<typeof syncExclusive>>;
	message?: string;
	retryable?: boolean;
	quota?: boolean;
}

self.addEventListener('message', async () => {
	let reply: SyncReply;
	try {
		reply = { ok: true, result: await syncExclusive() };
	} catch (error) {
		reply = {
			ok: false,
			message: error instanceof Error ? error.message : String(error),
			retryable: error instanceof SyncError ? error.retryable : true,
			quota: isQuotaError(error)
		};
	}
	self.postMessage(reply);
});
