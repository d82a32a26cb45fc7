import type { Reroute } from '@sveltejs/kit';
import { rerouteLanguageQuery } from '$lib/i18n/paths';

export const reroute: Reroute = ({ url }) => rerouteLanguageQuery(url);
