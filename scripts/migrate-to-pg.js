// One-way move of a SQLite database into an empty PostgreSQL database:
//
//   npm run migrate-to-pg -- --from file:data/taibai.sqlite --to postgres://USER:PASSWORD@HOST:5432/taibai
//
// Copies every table (content with revisions and tombstones, holidays, accounts, sessions, login
// throttling, the audit log) in one transaction, refuses a target that already holds data, and
// checks that the public feed built from PostgreSQL equals the one built from SQLite before it
// commits. Stop the app servers first, so nothing is written to SQLite during the copy.
// The copy itself is the server's code (src/lib/server/db/copy.ts), loaded through Vite.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createServer } from 'vite';

const root = new URL('..', import.meta.url).pathname;

function fail(message) {
	console.error(`migrate-to-pg: ${message}`);
	process.exit(1);
}

const { values } = parseArgs({
	options: { from: { type: 'string' }, to: { type: 'string' } }
});
if (!values.from) fail('--from is required: the SQLite database, e.g. file:data/taibai.sqlite');
if (!values.to) fail('--to is required: the PostgreSQL database, postgres://USER:PASSWORD@HOST/DB');
if (!/^postgres(ql)?:\/\//i.test(values.to)) fail('--to must be a postgres:// URL');
const fromPath = values.from.startsWith('file:') ? values.from.slice('file:'.length) : values.from;
if (/^[a-z]+:\/\//i.test(values.from) || fromPath === ':memory:' || !existsSync(fromPath)) {
	fail(`--from: no SQLite database at ${values.from}`);
}

const vite = await createServer({
	configFile: false,
	root,
	logLevel: 'error',
	appType: 'custom',
	server: { middlewareMode: true, hmr: false, ws: false },
	resolve: { alias: { $lib: join(root, 'src/lib') } },
	// As in vite.config.ts: rrule ships ESM only through a field Node ignores.
	ssr: { noExternal: ['rrule'] },
	optimizeDeps: { noDiscovery: true, include: [] }
});
let failed = false;
try {
	const { openDatabase } = await vite.ssrLoadModule('/src/lib/server/db/connect.ts');
	const { copyDatabase } = await vite.ssrLoadModule('/src/lib/server/db/copy.ts');
	const from = openDatabase(values.from);
	const to = openDatabase(values.to);
	try {
		const copied = await copyDatabase(from, to);
		for (const [table, rows] of Object.entries(copied)) console.log(`${table}: ${rows} rows`);
		console.log('Copied and verified: both databases serve the same feed.');
		console.log('Now set DATABASE_URL to the PostgreSQL URL and start the app servers.');
	} finally {
		await from.destroy();
		await to.destroy();
	}
} catch (error) {
	failed = true;
	console.error(`migrate-to-pg: ${error instanceof Error ? error.message : error}`);
} finally {
	await vite.close();
}
process.exit(failed ? 1 : 0);
