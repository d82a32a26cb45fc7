import { redirect, type Handle } from '@sveltejs/kit';
import { htmlLang, langFromParam, languageOf } from '$lib/i18n/paths';
import { languageCookie } from '$lib/i18n/preference';

/**
 * Sets `<html lang>` from the URL, and opens the bare start URL `/` in the language the visitor
 * chose last time (a shared link always keeps the language it carries).
 */
export const language: Handle = async ({ event, resolve }) => {
	if (
		event.url.pathname === '/' &&
		!event.url.search &&
		event.cookies.get(languageCookie) === 'en'
	) {
		redirect(307, '/en');
	}
	// A visitor page's language is its route's `lang` parameter: what the router decoded from the
	// path (`/%65n/events` is English too). Other pages (errors, the console) go by the URL.
	const lang = htmlLang(
		event.route.id?.includes('[[lang=lang]]')
			? langFromParam(event.params.lang)
			: languageOf(event.url)
	);
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('<html lang="zh-CN">', `<html lang="${lang}">`)
	});
};
