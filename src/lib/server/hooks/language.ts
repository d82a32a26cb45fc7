import { redirect, type Handle } from '@sveltejs/kit';
import { htmlLang, languageOf } from '$lib/i18n/paths';
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
	const lang = htmlLang(languageOf(event.url));
	return resolve(event, {
		transformPageChunk: ({ html }) => html.replace('<html lang="zh-CN">', `<html lang="${lang}">`)
	});
};
