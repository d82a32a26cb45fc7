// `npm run healthcheck -- --url http://10.0.0.11:3000/healthz [--timeout 5]`: exits 0 when the server
// answers its liveness check with 200 in time, 1 otherwise. For a process manager's watchdog: a
// server that is alive but no longer answers (a stuck event loop) is restarted (see the README).
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: {
		url: { type: 'string', default: 'http://127.0.0.1:3000/healthz' },
		timeout: { type: 'string', default: '5' }
	}
});
const seconds = Number(values.timeout);
if (!Number.isFinite(seconds) || seconds <= 0 || seconds > 300) {
	console.error('healthcheck: --timeout must be a number of seconds from 0 to 300');
	process.exit(2);
}

try {
	const response = await fetch(values.url, { signal: AbortSignal.timeout(seconds * 1000) });
	if (response.status !== 200) {
		console.error(`healthcheck: ${values.url} answered ${response.status}`);
		process.exit(1);
	}
	console.log(`healthcheck: ${values.url} is alive`);
} catch (error) {
	const reason =
		error instanceof Error && error.name === 'TimeoutError'
			? `no answer within ${seconds} s`
			: error instanceof Error
				? (error.cause?.code ?? error.cause?.message ?? error.message)
				: String(error);
	console.error(`healthcheck: ${values.url} is not answering: ${reason}`);
	process.exit(1);
}
