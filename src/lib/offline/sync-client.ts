import type { SyncResult } from './sync';
import { SyncError } from './sync-error';
import type { SyncReply } from './sync.worker';

let worker: Worker | undefined;
let pending: Promise<SyncResult> | undefined;

/**
 * Runs one sync in the sync worker (or in the page where workers are unavailable) and reports it
 * as the in-page sync would: the result, or a SyncError saying whether a retry makes sense.
 */
export function runSync(): Promise<SyncResult> {
	if (typeof Worker === 'undefined') {
		return import('./sync').then(({ syncExclusive }) => syncExclusive());
	}
	worker ??= new Worker(new URL('./sync.worker.ts', import.meta.url), { type: 'module' });
	const current = worker;
	pending ??= new Promise<SyncResult>((resolve, reject) => {
		current.addEventListener(
			'message',
			(event: MessageEvent<SyncReply>) => {
				pending = undefined;
				const reply = event.data;
				if (reply.ok && reply.result) resolve(reply.result);
				else {
					const error = new SyncError(reply.message ?? 'sync failed', reply.retryable ?? true);
					if (reply.quota) error.name = 'QuotaExceededError';
					reject(error);
				}
			},
			{ once: true }
		);
		current.postMessage('sync');
	});
	return pending;
}
