import { guideDb } from './db';

/**
 * Where a visitor stopped listening, per narration item and language, kept on this device with
 * the other visitor data so a downloaded tour resumes after a browser restart too. Positions are
 * few and tiny; only the most recent are kept, so walking many tours never grows the table unbounded.
 */
const keep = 500;

/** The remembered position in seconds, 0 where there is none. */
export async function listeningPosition(key: string): Promise<number> {
	const stored = await guideDb().listening.get(key);
	const position = stored?.position ?? 0;
	return Number.isFinite(position) && position > 0 ? position : 0;
}

/** Remembers where the visitor stopped (to a tenth of a second), forgetting the oldest beyond `keep`. */
export async function rememberListening(key: string, position: number): Promise<void> {
	const db = guideDb();
	const rounded = Number.isFinite(position) ? Math.max(0, Math.round(position * 10) / 10) : 0;
	await db.transaction('rw', db.listening, async () => {
		await db.listening.put({ key, position: rounded, at: new Date().toISOString() });
		const count = await db.listening.count();
		if (count > keep) {
			const oldest = await db.listening
				.orderBy('at')
				.limit(count - keep)
				.primaryKeys();
			await db.listening.bulkDelete(oldest);
		}
	});
}
