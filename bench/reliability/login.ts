// login: password guessing against the console's login form, as an attacker would send it: one
// address on one account, many addresses on one account, one address across many accounts. The
// server runs behind a proxy that names the visitor's address (ADDRESS_HEADER), as the README
// tells operators to set it, so the probe can speak from many addresses. It reports after how many
// wrong guesses an account is locked, whether the lock holds against the right password, and
// whether the answers (their text, their lock, their timing) tell a real account from an unknown one.
import { createAccount, type Account, type Target } from './target';
import { send, urlencoded } from './http';

export interface LoginFigures {
	guesses: number;
	lockedAfter: number | 'never';
	enumeration: boolean;
	details: string[];
}

interface Attempt {
	status: number;
	/** What the form's answer says, with the typed email taken out. */
	shape: string;
	ms: number;
}

let addresses = 0;
/** A new documentation-range address (RFC 5737) for every call. */
const newAddress = () => {
	const n = addresses++;
	return `198.51.${100 + (n >> 8)}.${n & 255}`;
};

export async function login(t: Target): Promise<LoginFigures> {
	const details: string[] = [];
	let guesses = 0;
	const stamp = Date.now().toString(36);
	const account = (name: string): Account => ({
		email: `guess-${name}-${stamp}@bureau.example`,
		password: `the right password of ${name}`,
		role: 'editor'
	});
	const target = account('a');
	const crowd = account('b');
	createAccount(t.databaseUrl, target);
	createAccount(t.databaseUrl, crowd);
	await t.restart({ ADDRESS_HEADER: 'x-forwarded-for', XFF_DEPTH: '1' });

	const attempt = async (email: string, password: string, address: string): Promise<Attempt> => {
		guesses++;
		const started = performance.now();
		const answer = await send(t.origin, {
			method: 'POST',
			path: '/admin/login',
			headers: {
				origin: t.origin,
				'x-forwarded-for': address,
				// The form's own submission from the page (SvelteKit's enhanced form): a JSON answer.
				'x-sveltekit-action': 'true',
				accept: 'application/json',
				'content-type': 'application/x-www-form-urlencoded'
			},
			body: urlencoded([
				['email', email],
				['password', password],
				['next', '/admin']
			])
		});
		const ms = performance.now() - started;
		const text = answer.text().split(email).join('<email>');
		// A lock's answer names the minutes left, which differ by a minute at most between two.
		return { status: answer.status, shape: text.replace(/"minutes":\d+|,\d+\]/g, '<minutes>'), ms };
	};
	const refused = (a: Attempt) => a.shape.includes('throttled') || a.status === 429;
	const accepted = (a: Attempt) => /"type":"redirect"/.test(a.shape) || a.status === 303;

	try {
		// 1. One address guessing one account's password: after how many guesses is it locked?
		const guesser = newAddress();
		let lockedAfter: number | 'never' = 'never';
		for (let i = 1; i <= 30; i++) {
			const a = await attempt(target.email, `wrong guess ${i}`, guesser);
			if (accepted(a)) details.push(`a wrong guess was accepted: ${a.shape.slice(0, 200)}`);
			if (refused(a)) {
				lockedAfter = i;
				break;
			}
		}
		// The lock holds against the right password from that address…
		const right = await attempt(target.email, target.password, guesser);
		if (!refused(right)) {
			lockedAfter = 'never';
			details.push(
				`the right password got through a lock from the guessing address (${right.status})`
			);
		}
		// …while the editor, from their own address, is not locked out by a stranger.
		const own = await attempt(target.email, target.password, newAddress());
		if (!accepted(own)) {
			details.push(`the editor was locked out by a stranger's guesses (${own.status})`);
		}
		details.push(`one address on one account: locked after ${lockedAfter} wrong guesses`);

		// 2. Many addresses on one account, one guess each: the account-wide lock.
		let accountLock: number | 'never' = 'never';
		for (let i = 1; i <= 80; i++) {
			const a = await attempt(crowd.email, `crowd guess ${i}`, newAddress());
			if (refused(a)) {
				accountLock = i;
				break;
			}
		}
		const afterCrowd = await attempt(crowd.email, crowd.password, newAddress());
		if (accountLock !== 'never' && !refused(afterCrowd)) {
			details.push('the right password got through the account-wide lock from a new address');
		}
		details.push(`many addresses on one account: locked after ${accountLock} wrong guesses`);

		// 3. One address across many accounts (real and unknown): the address lock.
		const sprayer = newAddress();
		let addressLock: number | 'never' = 'never';
		for (let i = 1; i <= 40; i++) {
			// A different account each time (never four on one, which the pair's lock would catch first).
			const email = i === 1 ? t.accounts.editor.email : `nobody-${i}-${stamp}@bureau.example`;
			const a = await attempt(email, `spray ${i}`, sprayer);
			if (refused(a)) {
				addressLock = i;
				break;
			}
		}
		details.push(`one address across accounts: locked after ${addressLock} wrong guesses`);

		// 4. Does anything tell a real account from an unknown one? The same wrong guesses, from
		// fresh addresses, interleaved: their answers and their locks must be the same, and their
		// times within the noise (every path costs one password hash).
		const unknown = `nobody-${stamp}@bureau.example`;
		const shapes = { known: new Set<string>(), unknown: new Set<string>() };
		const times = { known: [] as number[], unknown: [] as number[] };
		const lockAt = { known: 0, unknown: 0 };
		for (const [kind, email] of [
			['known', t.accounts.admin.email],
			['unknown', unknown]
		] as const) {
			const address = newAddress();
			for (let i = 1; i <= 10 && !lockAt[kind]; i++) {
				const a = await attempt(email, `pair ${i}`, address);
				if (refused(a)) lockAt[kind] = i;
			}
		}
		for (let i = 0; i < 15; i++) {
			for (const [kind, email] of [
				['known', target.email],
				['unknown', unknown]
			] as const) {
				const a = await attempt(email, `probe ${i}`, newAddress());
				shapes[kind].add(`${a.status} ${a.shape}`);
				times[kind].push(a.ms);
			}
		}
		const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
		const mKnown = median(times.known);
		const mUnknown = median(times.unknown);
		const sameAnswers =
			shapes.known.size === 1 &&
			shapes.unknown.size === 1 &&
			[...shapes.known][0] === [...shapes.unknown][0];
		const timingTells =
			Math.abs(mKnown - mUnknown) > Math.max(10, 0.3 * Math.max(mKnown, mUnknown));
		const enumeration = !sameAnswers || lockAt.known !== lockAt.unknown || timingTells;
		details.push(
			`real vs unknown account: answers ${sameAnswers ? 'identical' : `differ (${[...shapes.known][0]?.slice(0, 120)} / ${[...shapes.unknown][0]?.slice(0, 120)})`}, ` +
				`locked after ${lockAt.known} / ${lockAt.unknown}, median ${mKnown.toFixed(0)} / ${mUnknown.toFixed(0)} ms`
		);
		return { guesses, lockedAfter, enumeration, details };
	} finally {
		await t.restart();
	}
}
