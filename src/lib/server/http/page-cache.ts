import { languageCookie } from '$lib/i18n/preference';
import { negotiateEncoding } from './encoded';

/** A rendered page as sent: the route that made it, its headers and its (compressed) bytes. */
export interface KeptPage {
	route: string;
	headers: Record<string, string>;
	body: Buffer;
}

/** Everything a visitor page's bytes depend on, as both doors read it from the request. */
export interface PageInputs {
	revision: number;
	/** Milliseconds since the epoch. */
	now: number;
	href: string;
	acceptEncoding: string | null | undefined;
	cookie: string | null | undefined;
}

/** One cookie's value from a Cookie header (the first of that name, as SvelteKit reads it). */
export function cookieValue(header: string | null | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const pair of header.split(';')) {
		const at = pair.indexOf('=');
		if (at > 0 && pair.slice(0, at).trim() === name) {
			const raw = pair.slice(at + 1).trim();
			try {
				return decodeURIComponent(raw);
			} catch {
				return raw;
			}
		}
	}
	return undefined;
}

/**
 * The key of a visitor page: the content revision, the minute (what is on now, what opens soon),
 * the full URL (origin, language path, query), the encoding the browser accepts, and the language
 * cookie (the bare `/` sends an English visitor to `/en`, see hooks/language.ts). Both doors build
 * it with this one function from the same raw inputs, so they can never disagree about a page.
 */
export function pageKey(inputs: PageInputs): string {
	return [
		inputs.revision,
		Math.floor(inputs.now / 60_000),
		negotiateEncoding(inputs.acceptEncoding ?? null),
		cookieValue(inputs.cookie, languageCookie) ?? '',
		inputs.href
	].join(' ');
}

/** Only a plain, successful, shareable HTML page is kept: never one that sets a cookie. */
function keepable(response: Response): boolean {
	return (
		response.status === 200 &&
		(response.headers.get('content-type') ?? '').startsWith('text/html') &&
		!response.headers.has('set-cookie') &&
		!/no-store/.test(response.headers.get('cache-control') ?? '')
	);
}

// Sent per response by the hooks outside the cache, never kept.
const perResponse = new Set(['x-request-id', 'set-cookie']);

/**
 * Rendered pages by key, the least recently used dropped first, bounded both in entries and in
 * bytes so that URLs a crawler invents cannot grow it. Which responses may be kept at all is the
 * SvelteKit hook's decision (hooks/page-cache.ts, by route id); this class keeps bytes and makes
 * concurrent misses of one key share one render.
 */
export class PageCache {
	private readonly pages = new Map<string, KeptPage>();
	private readonly rendering = new Map<string, Promise<KeptPage | null>>();
	private bytes = 0;

	constructor(
		private readonly maxBytes = 16 * 1024 * 1024,
		private readonly maxEntries = 2000
	) {}

	/** The kept page for `key`, if any. */
	get(key: string): KeptPage | undefined {
		const page = this.pages.get(key);
		if (page) {
			this.pages.delete(key);
			this.pages.set(key, page);
		}
		return page;
	}

	/**
	 * The page for `key`: from memory, from a render already under way, or from `render`. A
	 * response that is not kept (an error, a redirect, a cookie) goes back as it is, and requests
	 * that waited for it render their own.
	 */
	async serve(
		key: string,
		route: string,
		render: () => Response | Promise<Response>
	): Promise<Response> {
		const kept = this.get(key);
		if (kept) return toResponse(kept);
		const pending = this.rendering.get(key);
		if (pending) {
			const page = await pending;
			return page ? toResponse(page) : render();
		}
		let settle: (page: KeptPage | null) => void = () => undefined;
		this.rendering.set(key, new Promise((resolve) => (settle = resolve)));
		try {
			const response = await render();
			if (!keepable(response)) {
				settle(null);
				return response;
			}
			const page: KeptPage = {
				route,
				headers: Object.fromEntries(
					[...response.headers].filter(([name]) => !perResponse.has(name))
				),
				body: Buffer.from(await response.arrayBuffer())
			};
			this.set(key, page);
			settle(page);
			return toResponse(page);
		} catch (error) {
			settle(null);
			throw error;
		} finally {
			this.rendering.delete(key);
		}
	}

	get size(): { entries: number; bytes: number } {
		return { entries: this.pages.size, bytes: this.bytes };
	}

	private set(key: string, page: KeptPage): void {
		if (page.body.length > this.maxBytes) return;
		this.drop(key);
		this.pages.set(key, page);
		this.bytes += page.body.length;
		while (this.bytes > this.maxBytes || this.pages.size > this.maxEntries) {
			this.drop(this.pages.keys().next().value as string);
		}
	}

	private drop(key: string): void {
		const page = this.pages.get(key);
		if (!page) return;
		this.pages.delete(key);
		this.bytes -= page.body.length;
	}
}

/**
 * A fresh Response from kept bytes. SvelteKit still turns it into a 304 when the browser sends the
 * page's ETag, as it does for a page it has just rendered.
 */
function toResponse(page: KeptPage): Response {
	return new Response(new Uint8Array(page.body), { status: 200, headers: page.headers });
}

/** The pages of this process, shared by the SvelteKit hook and the early door. */
export const keptPages = new PageCache();
