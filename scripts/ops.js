// `npm run backup -- FILE [--force]`, `npm run restore -- FILE [--force]` and `npm run verify`
// (see README, Backups).
//
// The work is done by the server's own TypeScript modules (src/lib/server/ops), so the command
// validates DATABASE_URL with the same config.ts and checks snapshots with the same queries as the
// server.
import { loadEnv, serverModule } from './server-module.js';

loadEnv();
const { runOperation } = await serverModule('src/lib/server/ops/cli.ts');
const [command, ...args] = process.argv.slice(2);
process.exitCode = await runOperation(command, args);
