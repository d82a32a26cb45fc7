import { guideDb, liveQuery, type Observable } from './db';

/**
 * What happens when a visitor on a tour walk reaches a stop: its narration starts at once
 * (`start`, an audio guide in the pocket), or the page offers it first (`offer`, for a visitor
 * who would rather not be spoken to unasked). The visitor's choice, kept on this phone with the
 * rest of what is theirs.
 */
export type WalkUpMode = 'start' | 'offer';

export const defaultWalkUpMode: WalkUpMode = 'start';

async function read(): Promise<WalkUpMode> {
	const value = (await guideDb().meta.get('walkUp'))?.value;
	return value === 'offer' || value === 'start' ? value : defaultWalkUpMode;
}

export function walkUpMode(): Observable<WalkUpMode> {
	return liveQuery(read);
}

export async function setWalkUpMode(mode: WalkUpMode): Promise<WalkUpMode> {
	await guideDb().meta.put({ key: 'walkUp', value: mode });
	return mode;
}
