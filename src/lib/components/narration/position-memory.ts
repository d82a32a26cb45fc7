/**
 * Where a visitor stopped listening, per item and language, for this browsing session.
 * For now this is sessionStorage; it belongs in the phone's database with the other visitor
 * data once the offline layer's facade (`$lib/offline`) offers a place for it, so that a
 * downloaded tour resumes after a browser restart too.
 */
const prefix = 'taibai:narration:';

export function rememberedPosition(key: string): number {
	try {
		const value = Number(sessionStorage.getItem(prefix + key));
		return Number.isFinite(value) && value > 0 ? value : 0;
	} catch {
		// Storage blocked (some in-app browsers, private modes): start from the beginning.
		return 0;
	}
}

export function rememberPosition(key: string, position: number): void {
	try {
		sessionStorage.setItem(prefix + key, String(Math.max(0, Math.round(position * 10) / 10)));
	} catch {
		// Nothing to remember with: the next visit starts from the beginning.
	}
}
