import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { Role } from '$lib/admin/types';
import { config, ConfigError } from '../config';
import { openDatabase, sqlitePath, type Db } from '../db/connect';
import { dialectOfUrl } from '../db/dialect';
import { isEmail, normalizeEmail, roles } from './accounts.js';
import { minPasswordLength } from './password.js';
import { usersRepository } from './users';

const usage =
	'usage: npm run admin -- create|password|disable|enable|unlock|list [--email E] [--name N] [--role admin|editor] [--password-stdin]';

/** A refusal: one line on stderr and exit code 1, never a stack trace. */
class Refusal extends Error {}

/** Reads a line from stdin; when prompting on a terminal the typed characters are not echoed. */
function readLine(prompt: string, fromStdin: boolean): Promise<string> {
	if (fromStdin || !process.stdin.isTTY) {
		return new Promise((resolve) => {
			let data = '';
			process.stdin.setEncoding('utf8');
			process.stdin.on('data', (chunk) => (data += chunk));
			process.stdin.on('end', () => resolve(data.replace(/\r?\n$/, '')));
		});
	}
	return new Promise((resolve) => {
		const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
		// Hide the password: write the prompt once, then swallow the echo of every keystroke.
		(rl as unknown as { _writeToOutput(text: string): void })._writeToOutput = (text) => {
			if (text.includes(prompt)) process.stdout.write(prompt);
		};
		rl.question(prompt, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
	});
}

async function newPassword(fromStdin: boolean): Promise<string> {
	const password = await readLine('Password: ', fromStdin);
	if (password.length < minPasswordLength) {
		throw new Refusal(`the password needs at least ${minPasswordLength} characters`);
	}
	if (!fromStdin && process.stdin.isTTY) {
		if ((await readLine('Password again: ', false)) !== password) {
			throw new Refusal('the passwords differ');
		}
	}
	return password;
}

/** The database the server uses; it must exist and be migrated (the server does both at start). */
async function openAccounts(url: string): Promise<Db> {
	if (dialectOfUrl(url) === 'sqlite') {
		const path = sqlitePath(url);
		if (path === ':memory:' || !existsSync(path)) {
			throw new Refusal(
				`no database at ${path}. Start the server once (npm start) so it is created and migrated.`
			);
		}
	}
	const db = openDatabase(url, { poolSize: 1 });
	let tables: string[];
	try {
		tables = (await db.introspection.getTables()).map((t) => t.name);
	} catch (error) {
		await db.destroy();
		if (dialectOfUrl(url) === 'sqlite') throw error;
		throw new Refusal(
			`cannot reach PostgreSQL: ${error instanceof Error ? error.message : String(error)}`
		);
	}
	if (!tables.includes('users')) {
		await db.destroy();
		throw new Refusal(
			'the database has no accounts table yet. Start the server once so migrations run.'
		);
	}
	return db;
}

/**
 * `npm run admin` (run by scripts/admin.js): accounts on the server, for the first admin and for
 * emergencies, through the same account code as the console (users.ts). Returns the exit code.
 */
export async function runAdmin(argv: string[]): Promise<number> {
	let db: Db | undefined;
	try {
		const { positionals, values } = parseArgs({
			args: argv,
			allowPositionals: true,
			options: {
				email: { type: 'string' },
				name: { type: 'string' },
				role: { type: 'string', default: 'editor' },
				'password-stdin': { type: 'boolean', default: false }
			}
		});
		const [command] = positionals;
		if (!['create', 'password', 'disable', 'enable', 'unlock', 'list'].includes(command)) {
			throw new Refusal(usage);
		}
		db = await openAccounts(config().DATABASE_URL);
		const users = usersRepository(db);
		const fromStdin = values['password-stdin'];

		/** The account named by --email. */
		const account = async () => {
			if (!values.email) throw new Refusal('--email is required');
			const row = await users.findForLogin(values.email);
			if (!row) throw new Refusal(`no account with the email ${values.email}`);
			return row;
		};

		if (command === 'create') {
			const email = normalizeEmail(values.email ?? '');
			if (!isEmail(email)) throw new Refusal('--email must be an email address');
			const name = (values.name ?? '').trim();
			if (!name) throw new Refusal('--name is required');
			const role = values.role as Role;
			if (!roles.includes(role)) throw new Refusal(`--role must be one of ${roles.join(', ')}`);
			if (await users.emailTaken(email)) {
				throw new Refusal(`an account with the email ${email} already exists`);
			}
			await users.create({ email, name, role, password: await newPassword(fromStdin) });
			console.log(`Created ${role} ${email}.`);
		} else if (command === 'password') {
			const user = await account();
			// No console account does it: the audit log shows the server's command (no user).
			await users.setPassword(user.id, await newPassword(fromStdin), { unlockedBy: null });
			console.log(
				`Changed the password of ${user.email}; their sessions have ended and their login locks are lifted.`
			);
		} else if (command === 'disable' || command === 'enable') {
			const user = await account();
			await users.setDisabled(user.id, command === 'disable', { unlockedBy: null });
			console.log(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${user.email}.`);
		} else if (command === 'unlock') {
			const user = await account();
			const until = await users.unlock(user.id, null);
			console.log(
				until
					? `Lifted the login locks of ${user.email} (locked until ${until.toISOString()}).`
					: `${user.email} had no login lock; its failed logins are forgotten.`
			);
		} else {
			for (const row of await users.list()) {
				console.log(
					`${row.email}\t${row.role}\t${row.disabled ? 'disabled' : 'active'}\t${row.name}`
				);
			}
		}
		return 0;
	} catch (error) {
		if (error instanceof Refusal || error instanceof ConfigError) {
			console.error(`admin: ${error.message}`);
			return 1;
		}
		if (error instanceof TypeError && 'code' in error) {
			// parseArgs: an unknown option.
			console.error(`admin: ${error.message}\n${usage}`);
			return 1;
		}
		throw error;
	} finally {
		await db?.destroy();
	}
}
