import { parseArgs } from 'node:util';
import { config, ConfigError } from '../config';
import { backup, restore, verify } from './backup';
import { OperationError } from './errors';

const usage = `usage: npm run backup -- FILE [--force]
       npm run restore -- FILE [--force]
       npm run verify`;

/**
 * The operator's backup and restore commands (run by scripts/ops.js). Returns the exit code; a
 * refusal or a bad setting prints one line, never a stack trace.
 */
export async function runOperation(command: string, argv: string[]): Promise<number> {
	try {
		const { positionals, values } = parseArgs({
			args: argv,
			allowPositionals: true,
			options: { force: { type: 'boolean', default: false } }
		});
		const cfg = config();
		if (command === 'verify' && positionals.length === 0) {
			console.log(await verify(cfg.DATABASE_URL));
			return 0;
		}
		if (positionals.length !== 1 || (command !== 'backup' && command !== 'restore')) {
			console.error(usage);
			return 2;
		}
		const options = {
			url: cfg.DATABASE_URL,
			file: positionals[0],
			force: values.force,
			tools: { pgDump: cfg.PG_DUMP, pgRestore: cfg.PG_RESTORE }
		};
		console.log(command === 'backup' ? await backup(options) : await restore(options));
		return 0;
	} catch (error) {
		if (error instanceof OperationError || error instanceof ConfigError) {
			console.error(`${command}: ${error.message}`);
			return 1;
		}
		if (error instanceof TypeError && 'code' in error) {
			// parseArgs: an unknown option.
			console.error(`${command}: ${error.message}\n${usage}`);
			return 2;
		}
		throw error;
	}
}
