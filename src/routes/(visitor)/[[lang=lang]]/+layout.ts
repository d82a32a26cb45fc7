import { langFromParam } from '$lib/i18n/paths';
import type { LayoutLoad } from './$types';

export const load = (({ params }) => ({ lang: langFromParam(params.lang) })) satisfies LayoutLoad;
