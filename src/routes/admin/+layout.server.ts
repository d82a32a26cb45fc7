import { consoleLanguage, consoleLanguageCookie } from '$lib/admin/language';
import { publicMapSettings } from '$lib/server/config';
import type { LayoutServerLoad } from './$types';

// Access is checked once, in hooks/auth.ts, before any load or action here runs.
export const load = (({ locals, cookies }) => ({
	user: locals.user,
	lang: consoleLanguage(cookies.get(consoleLanguageCookie)),
	// The venue and tour editors draw on the same basemap visitors see.
	mapSettings: publicMapSettings()
})) satisfies LayoutServerLoad;
