/// <reference lib="webworker" />
// The mirror's worker: syncing (download, validation, writes), the views pages render from and
// every read and write of the visitor's data run here, so neither Dexie nor a sync ever blocks the
// page. Dexie's own cross-context channel tells this worker's live queries about writes made in
// any tab.
import type { MirrorFailure, MirrorReply, MirrorRequest } from './client';
import { commands, queries } from './ops';
import { isQuotaError } from './storage';
import { SyncError } from './sync-error';

const watches = new Map<number, { unsubscribe(): void }>();

function failure(error: unknown): MirrorFailure {
	return {
		message: error instanceof Error ? error.message : String(error),
		retryable: error instanceof SyncError ? error.retryable : true,
		quota: isQuotaError(error)
	};
}

const reply = (message: MirrorReply) => self.postMessage(message);

self.addEventListener('message', async (event: MessageEvent<MirrorRequest>) => {
	const request = event.data;
	if (request.kind === 'unwatch') {
		watches.get(request.id)?.unsubscribe();
		watches.delete(request.id);
		return;
	}
	if (request.kind === 'watch') {
		const query = queries[request.name] as (argument: unknown) => ReturnType<typeof queries.status>;
		const subscription = query(request.argument).subscribe({
			next: (value: unknown) => reply({ id: request.id, ok: true, value }),
			error: (error: unknown) => reply({ id: request.id, ok: false, failure: failure(error) })
		});
		watches.set(request.id, subscription);
		return;
	}
	try {
		const command = commands[request.name] as (argument: unknown) => Promise<unknown>;
		reply({ id: request.id, ok: true, value: await command(request.argument) });
	} catch (error) {
		reply({ id: request.id, ok: false, failure: failure(error) });
	}
});
