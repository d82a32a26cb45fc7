import type { Server } from 'node:http';
import { config } from './config';
import { currentRevision } from './content/revision';
import { ping } from './db/ping';
import { appMetrics } from './observability/instance';
import { startMetricsServer } from './observability/metrics';
import { errorLine, eventLine, writeLine } from './observability/request-log';
import type { Store } from './store';

let draining = false;

/** True from the first SIGTERM/SIGINT on: /readyz then tells the load balancer to stop sending. */
export const isDraining = () => draining;

/**
 * What /healthz answers: the process is alive, so always "ok". The revision is shown when the
 * database answers and null when it does not; a database outage is /readyz's business, and must not
 * make a process manager restart healthy processes in a loop.
 */
export async function liveness(store: Store): Promise<{ status: 'ok'; revision: number | null }> {
	const revision = await currentRevision(store.db).catch(() => null);
	return { status: 'ok', revision };
}

/** What /readyz answers: the database must answer a trivial query, and we must not be stopping. */
export async function readiness(store: Store): Promise<{ ready: boolean; reason?: string }> {
	if (draining) return { ready: false, reason: 'shutting down' };
	try {
		await ping(store.db);
		return { ready: true };
	} catch (error) {
		writeLine(errorLine(error));
		return { ready: false, reason: 'database unreachable' };
	}
}

/**
 * Runs once after start-up: the metrics listener (when METRICS_PORT is set) and the shutdown path.
 *
 * adapter-node already does the first half of a graceful stop on SIGTERM/SIGINT: it stops
 * accepting connections, closes idle keep-alive ones, lets in-flight requests finish (at most
 * SHUTDOWN_TIMEOUT seconds) and then emits `sveltekit:shutdown`. We do the rest there: close the
 * metrics listener and the database (SQLite checkpoints its WAL, PostgreSQL's pool ends its
 * connections), then exit 0. Nothing is written after the database is closed.
 */
export async function startOperations(store: Store): Promise<void> {
	const cfg = config();
	let metricsServer: Server | undefined;
	if (cfg.METRICS_PORT) {
		metricsServer = await startMetricsServer(appMetrics(), cfg.METRICS_PORT, cfg.METRICS_HOST);
		writeLine(eventLine('metrics listening', { host: cfg.METRICS_HOST, port: cfg.METRICS_PORT }));
	}
	// Only beside a handler that is already there (adapter-node's, registered right after start-up):
	// a listener of ours alone would take away Node's default of exiting on the signal, e.g. under
	// `vite dev` or the browser tests' server.
	setImmediate(() => {
		for (const signal of ['SIGTERM', 'SIGINT'] as const) {
			if (process.listenerCount(signal) === 0) continue;
			process.on(signal, () => {
				if (draining) return;
				draining = true;
				writeLine(eventLine('shutdown started', { signal }));
			});
		}
	});
	// A custom event of adapter-node's, hence the cast; it fires once the HTTP server has closed.
	(process as NodeJS.EventEmitter).once('sveltekit:shutdown', async (reason: string) => {
		try {
			await new Promise<void>((resolve) =>
				metricsServer ? metricsServer.close(() => resolve()) : resolve()
			);
			await store.close();
			writeLine(eventLine('shutdown complete', { reason }));
			process.exit(0);
		} catch (error) {
			writeLine(errorLine(error));
			process.exit(1);
		}
	});
}
