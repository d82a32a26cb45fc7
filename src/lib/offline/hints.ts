import { guideDb, liveQuery, type Observable } from './db';

/**
 * One-time hints the visitor has dismissed on this phone (the way out of an in-app browser), kept
 * in the mirror with the rest of what is theirs, so a dismissal holds after a reload and offline.
 */
async function dismissedHints(): Promise<string[]> {
	return ((await guideDb().meta.get('dismissedHints'))?.value as string[] | undefined) ?? [];
}

export function hintDismissed(hint: string): Observable<boolean> {
	return liveQuery(async () => (await dismissedHints()).includes(hint));
}

export async function dismissHint(hint: string): Promise<void> {
	const db = guideDb();
	await db.transaction('rw', db.meta, async () => {
		const hints = await dismissedHints();
		if (!hints.includes(hint))
			await db.meta.put({ key: 'dismissedHints', value: [...hints, hint] });
	});
}
