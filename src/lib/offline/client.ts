import type { Commands, Queries } from './ops';
import { SyncError } from './sync-error';

export type CommandResult<N extends keyof Commands> = Awaited<ReturnType<Commands[N]>>;
export type QueryValue<N extends keyof Queries> =
	ReturnType<Queries[N]> extends { subscribe(next: (value: infer V) => void): unknown } ? V : never;

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

let worker: Worker | undefined;
let nextId = 1;
const listeners = new Map<number, (reply: MirrorReply) => void>();

/** The mirror's worker, started on first use; undefined where the browser has no module workers. */
function mirrorWorker(): Worker | undefined {
	if (typeof Worker === 'undefined') return undefined;
	if (!worker) {
		worker = new Worker(new URL('./mirror.worker.ts', import.meta.url), { type: 'module' });
		worker.addEventListener('message', (event: MessageEvent<MirrorReply>) =>
			listeners.get(event.data.id)?.(event.data)
		);
	}
	return worker;
}

function post(request: MirrorRequest) {
	mirrorWorker()?.postMessage(request);
}

/** Rebuilds the error the worker caught, so callers see the same SyncError the sync threw. */
function rebuild(failure: MirrorFailure): SyncError {
	const error = new SyncError(failure.message, failure.retryable);
	if (failure.quota) error.name = 'QuotaExceededError';
	return error;
}

/**
 * Runs a command (a sync, saving a favourite) in the mirror's worker, or in the page where
 * workers are unavailable. A sync already running is shared by the worker, never doubled.
 */
export function command<N extends keyof Commands>(
	name: N,
	argument?: Parameters<Commands[N]>[0]
): Promise<CommandResult<N>> {
	if (!mirrorWorker()) {
		return import('./ops').then(({ commands }) =>
			(commands[name] as (a: unknown) => Promise<CommandResult<N>>)(argument)
		);
	}
	const id = nextId++;
	return new Promise((resolve, reject) => {
		listeners.set(id, (reply) => {
			listeners.delete(id);
			if (reply.ok) resolve(reply.value as CommandResult<N>);
			else reject(rebuild(reply.failure));
		});
		post({ id, kind: 'command', name, argument });
	});
}

/** Follows a live query; `onValue` runs now and after every change. Returns the unsubscribe. */
export function watch<N extends keyof Queries>(
	name: N,
	argument: Parameters<Queries[N]>[0],
	onValue: (value: QueryValue<N>) => void
): () => void {
	if (!mirrorWorker()) {
		let unsubscribe: (() => void) | undefined;
		let stopped = false;
		void import('./ops').then(({ queries }) => {
			if (stopped) return;
			const query = queries[name] as (a: unknown) => {
				subscribe(next: (value: QueryValue<N>) => void): { unsubscribe(): void };
			};
			const subscription = query(argument).subscribe(onValue);
			unsubscribe = () => subscription.unsubscribe();
		});
		return () => {
			stopped = true;
			unsubscribe?.();
		};
	}
	const id = nextId++;
	listeners.set(id, (reply) => {
		if (reply.ok) onValue(reply.value as QueryValue<N>);
	});
	post({ id, kind: 'watch', name, argument });
	return () => {
		listeners.delete(id);
		post({ id, kind: 'unwatch' });
	};
}
