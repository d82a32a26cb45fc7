import type { Config } from '../config';
import type { Db } from '../db/connect';
import { demoEmail } from './accounts.js';
import { usersRepository } from './users';

/** The demo account's password, printed in the README: it must never guard real content. */
export const demoPassword = 'taibai-demo-2026';

/**
 * The seeded demo gets an admin account so the console can be tried at once. In production the
 * server refuses to keep it: a password printed in a README is no password.
 */
export async function applyDemoAccountPolicy(
	db: Db,
	cfg: Pick<Config, 'NODE_ENV' | 'SEED'>
): Promise<'created' | 'removed' | 'unchanged'> {
	const users = usersRepository(db);
	if (cfg.NODE_ENV === 'production') {
		// Sessions go with it (ON DELETE CASCADE); audit entries keep the id.
		const result = await db.deleteFrom('users').where('email', '=', demoEmail).executeTakeFirst();
		if (Number(result.numDeletedRows) > 0) {
			console.warn(`Removed the demo account ${demoEmail}: it is not allowed in production.`);
			return 'removed';
		}
		return 'unchanged';
	}
	if (cfg.SEED === 'auto' && (await users.count()) === 0) {
		await users.create({
			email: demoEmail,
			name: '演示管理员 Demo',
			role: 'admin',
			password: demoPassword
		});
		return 'created';
	}
	return 'unchanged';
}
