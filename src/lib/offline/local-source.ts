import type { LocalSource } from '$lib/content-source';
import { instantToShanghai } from '$lib/content/time';
import { guideDb } from './db';
import { localSnapshot } from './local-snapshot';

/**
 * Page data computed on the phone from its mirror with the same views the server runs. Returns
 * undefined (ask the network) until a first full snapshot has been stored.
 */
export const localSource: LocalSource = async (name, lang, params) => {
	const snapshot = await localSnapshot(guideDb());
	if (!snapshot) return undefined;
	const { views } = await import('$lib/content/views/registry');
	return views[name](snapshot, params, { lang, now: instantToShanghai(new Date()) });
};
