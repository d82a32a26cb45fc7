import { describe, expect, it } from 'vitest';
import { afterFirstPaint, scriptPriority } from '$lib/server/hooks/script-priority';

// SvelteKit's start-up script as the built server writes it into every page.
const page = `<!doctype html><html><body><main>太白湖</main><script>
	{
		__sveltekit_x = { base: new URL(".", location).pathname.slice(0, -1) };
		const element = document.currentScript.parentElement;
		Promise.all([
			import("./_app/immutable/entry/start.A.js"),
			import("./_app/immutable/entry/app.B.js")
		]).then(([kit, app]) => { kit.start(app, element, {}); });
	}
</script></body></html>`;
const link =
	'<./_app/immutable/entry/start.A.js>; rel="modulepreload"; nopush, ' +
	'<./_app/immutable/chunks/C.js>; rel="modulepreload"; nopush';

async function served(html: string, headers: Record<string, string>) {
	const response = await scriptPriority({
		event: {} as never,
		resolve: async () => new Response(html, { headers })
	});
	return {
		body: await response.text(),
		link: response.headers.get('link'),
		length: response.headers.get('content-length')
	};
}

describe('content first', () => {
	it('starts the app only after a painted frame, preloading its modules then', () => {
		const rewritten = afterFirstPaint(page, ['./a.js', './b.js']);
		expect(rewritten).toContain('requestAnimationFrame');
		expect(rewritten).toContain('["./a.js","./b.js"]');
		expect(rewritten).toContain('import("./_app/immutable/entry/start.A.js")');
		expect(rewritten.indexOf('requestAnimationFrame')).toBeLessThan(
			rewritten.indexOf('import("./_app/immutable/entry/start.A.js")')
		);
		// Still a script that parses.
		const script = rewritten.slice(
			rewritten.indexOf('<script>') + 8,
			rewritten.indexOf('</script>')
		);
		expect(() => new Function(script)).not.toThrow();
	});

	it('moves the modulepreload header into the page, keeping any other links', async () => {
		const {
			body,
			link: left,
			length
		} = await served(page, {
			'content-type': 'text/html',
			'content-length': String(page.length),
			link: `${link}, </og.png>; rel="preload"; as="image"`
		});
		expect(left).toBe('</og.png>; rel="preload"; as="image"');
		expect(length).toBeNull();
		expect(body).toContain('["./_app/immutable/entry/start.A.js","./_app/immutable/chunks/C.js"]');
	});

	it('leaves pages without the start-up script, and other responses, untouched', async () => {
		const plain = await served('<p>no app here</p>', { 'content-type': 'text/html', link });
		expect(plain).toEqual({ body: '<p>no app here</p>', link, length: null });
		const json = await served('{"a":1}', { 'content-type': 'application/json', link });
		expect(json).toEqual({ body: '{"a":1}', link, length: null });
	});

	it('keeps the nonce and the policy that let the rewritten start-up script run', async () => {
		const policy = "script-src 'self' 'nonce-r4nd0m'";
		const withNonce = page.replace('<script>', '<script nonce="r4nd0m">');
		const response = await scriptPriority({
			event: {} as never,
			resolve: async () =>
				new Response(withNonce, {
					headers: { 'content-type': 'text/html', 'content-security-policy': policy, link }
				})
		});
		const body = await response.text();
		expect(body).toContain('requestAnimationFrame');
		// The nonce sits on the script element, so rewriting the script's text keeps it valid; a hash
		// would not survive, which is why only server-rendered pages (nonces) are rewritten.
		expect(body).toMatch(/<script nonce="r4nd0m">[^<]*requestAnimationFrame/);
		expect(response.headers.get('content-security-policy')).toBe(policy);
	});
});
