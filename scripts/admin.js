// Account administration on the server, for the first admin and for emergencies:
//
//   npm run admin -- create --email a@b.cn --name 张三 --role admin     (prompts for the password)
//   npm run admin -- password --email a@b.cn                             (new password, ends sessions)
//   npm run admin -- disable --email a@b.cn | enable --email a@b.cn
//   npm run admin -- unlock --email a@b.cn                               (lifts its login locks)
//   npm run admin -- list
//
// `--password-stdin` reads the password from standard input instead of prompting (for scripts).
// DATABASE_URL selects SQLite or PostgreSQL, as for the server. The database must exist: start the
// server once (`npm start`) so migrations have run. The password hashing is the server's own
// (src/lib/server/auth/password.js), not a copy.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { isEmail, newUserId, normalizeEmail, roles } from '../src/lib/server/auth/accounts.js';
import { liftAccountLocks, recordUnlock } from '../src/lib/server/auth/account-locks.js';
import { hashPassword, minPasswordLength } from '../src/lib/server/auth/password.js';
import { openSqlClient } from './sql-client.js';

const root = new URL('..', import.meta.url).pathname;
if (existsSync(join(root, '.env'))) process.loadEnvFile(join(root, '.env'));

function fail(message) {
	console.error(`admin: ${message}`);
	process.exit(1);
}

const { positionals, values } = parseArgs({
	allowPositionals: true,
	options: {
		email: { type: 'string' },
		name: { type: 'string' },
		role: { type: 'string', default: 'editor' },
		'password-stdin': { type: 'boolean', default: false }
	}
});
const [command] = positionals;

const url = process.env.DATABASE_URL || 'file:data/taibai.sqlite';
// SQLite or PostgreSQL, whichever DATABASE_URL names, as for the server.
const db = await openSqlClient(url, fail);
if (!(await db.hasTable('users'))) {
	fail('the database has no accounts table yet. Start the server once so migrations run.');
}

/** Reads a line from stdin; when prompting on a terminal the typed characters are not echoed. */
function readPassword(prompt) {
	if (values['password-stdin'] || !process.stdin.isTTY) {
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
		rl._writeToOutput = (text) => {
			if (text.includes(prompt)) process.stdout.write(prompt);
		};
		rl.question(prompt, (answer) => {
			rl.close();
			process.stdout.write('\n');
			resolve(answer);
		});
	});
}

async function newPassword() {
	const password = await readPassword('Password: ');
	if (password.length < minPasswordLength) {
		fail(`the password needs at least ${minPasswordLength} characters`);
	}
	if (!values['password-stdin'] && process.stdin.isTTY) {
		const again = await readPassword('Password again: ');
		if (again !== password) fail('the passwords differ');
	}
	return hashPassword(password);
}

async function account(email) {
	if (!email) fail('--email is required');
	const row = await db.get(
		'select id, email, role from users where email = ?',
		normalizeEmail(email)
	);
	if (!row) fail(`no account with the email ${email}`);
	return row;
}

switch (command) {
	case 'create': {
		const email = normalizeEmail(values.email ?? '');
		if (!isEmail(email)) fail('--email must be an email address');
		const name = (values.name ?? '').trim();
		if (!name) fail('--name is required');
		if (!roles.includes(values.role)) fail(`--role must be one of ${roles.join(', ')}`);
		if (await db.get('select 1 from users where email = ?', email)) {
			fail(`an account with the email ${email} already exists`);
		}
		const hash = await newPassword();
		await db.run(
			`insert into users (id, email, name, role, password_hash, created_at, disabled)
			 values (?, ?, ?, ?, ?, ?, 0)`,
			newUserId(),
			email,
			name,
			values.role,
			hash,
			new Date().toISOString()
		);
		console.log(`Created ${values.role} ${email}.`);
		break;
	}
	case 'password': {
		const user = await account(values.email);
		const hash = await newPassword();
		await db.transaction(async () => {
			await db.run('update users set password_hash = ? where id = ?', hash, user.id);
			await db.run('delete from sessions where user_id = ?', user.id);
			const until = await liftAccountLocks(db, user.email);
			if (until) await recordUnlock(db, user, until);
		});
		console.log(
			`Changed the password of ${user.email}; their sessions have ended and their login locks are lifted.`
		);
		break;
	}
	case 'disable':
	case 'enable': {
		const user = await account(values.email);
		await db.transaction(async () => {
			await db.run(
				'update users set disabled = ? where id = ?',
				command === 'disable' ? 1 : 0,
				user.id
			);
			if (command === 'disable') await db.run('delete from sessions where user_id = ?', user.id);
			const until = command === 'enable' && (await liftAccountLocks(db, user.email));
			if (until) await recordUnlock(db, user, until);
		});
		console.log(`${command === 'disable' ? 'Disabled' : 'Enabled'} ${user.email}.`);
		break;
	}
	case 'unlock': {
		const user = await account(values.email);
		let until;
		await db.transaction(async () => {
			until = await liftAccountLocks(db, user.email);
			await recordUnlock(db, user, until);
		});
		console.log(
			until
				? `Lifted the login locks of ${user.email} (locked until ${until}).`
				: `${user.email} had no login lock; its failed logins are forgotten.`
		);
		break;
	}
	case 'list': {
		for (const row of await db.all(
			'select email, name, role, disabled from users order by email'
		)) {
			console.log(
				`${row.email}\t${row.role}\t${row.disabled ? 'disabled' : 'active'}\t${row.name}`
			);
		}
		break;
	}
	default:
		fail(
			'usage: npm run admin -- create|password|disable|enable|unlock|list [--email E] [--name N] [--role admin|editor] [--password-stdin]'
		);
}
await db.close();
