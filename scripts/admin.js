// Account administration on the server, for the first admin and for emergencies:
//
//   npm run admin -- create --email a@b.cn --name 张三 --role admin     (prompts for the password)
//   npm run admin -- password --email a@b.cn                             (new password, ends sessions)
//   npm run admin -- disable --email a@b.cn | enable --email a@b.cn
//   npm run admin -- list
//
// `--password-stdin` reads the password from standard input instead of prompting (for scripts).
// DATABASE_URL selects SQLite or PostgreSQL, as for the server. The database must exist: start the
// server once (`npm start`) so migrations have run. The accounts are read and written by the
// server's own account code (src/lib/server/auth/users.ts, run by auth/cli.ts), not a copy.
import { loadEnv, serverModule } from './server-module.js';

loadEnv();
const { runAdmin } = await serverModule('src/lib/server/auth/cli.ts');
process.exitCode = await runAdmin(process.argv.slice(2));
