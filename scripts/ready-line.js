// The one plain line `npm start` prints once the server answers: where it serves and how to get
// into the editor console.

/**
 * @param {{ origin: string, facts?: { accounts: number, demo?: { email: string, password: string } } }} state
 * @returns {string}
 */
export function readyLine({ origin, facts }) {
	const base = origin.replace(/\/$/, '');
	const serving = `Taibai Lake Guide is serving ${base}/ · editor console ${base}/admin`;
	if (!facts) return serving;
	if (facts.demo) return `${serving} (demo login: ${facts.demo.email} / ${facts.demo.password})`;
	if (facts.accounts === 0) {
		return `${serving} · no account yet, create the first one with: npm run admin -- create --email you@example.cn --name "Your Name" --role admin`;
	}
	return serving;
}
