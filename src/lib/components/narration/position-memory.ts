import { command } from '$lib/offline';

/**
 * Where a visitor stopped listening, per item and language, kept in the phone's database with the
 * other visitor data (through the facade), so a downloaded tour resumes after a browser restart
 * too. Where the database is unavailable (storage blocked in some in-app browsers, private modes),
 * listening starts from the beginning.
 */
export async function rememberedPosition(key: string): Promise<number> {
	try {
		return await command('listeningPosition', key);
	} catch {
		return 0;
	}
}

export function rememberPosition(key: string, position: number): void {
	command('rememberListening', { key, position }).catch(() => {
		// Nothing to remember with: the next visit starts from the beginning.
	});
}
