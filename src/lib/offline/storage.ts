/**
 * Asks the browser to keep this site's storage under pressure (content mirror, plans), so the
 * offline copy is not evicted silently. Browsers may grant it quietly, prompt, or refuse.
 */
export async function requestPersistence(): Promise<boolean> {
	if (!navigator.storage?.persist) return false;
	if (await navigator.storage.persisted()) return true;
	return navigator.storage.persist();
}

export interface StorageUse {
	usage: number;
	quota: number;
}

export async function storageUse(): Promise<StorageUse | undefined> {
	const estimate = await navigator.storage?.estimate?.();
	if (!estimate) return undefined;
	return { usage: estimate.usage ?? 0, quota: estimate.quota ?? 0 };
}

/** IndexedDB and Cache Storage report a full disk differently; both mean "quota exceeded". */
export function isQuotaError(error: unknown): boolean {
	const name = (error as { name?: string; inner?: { name?: string } })?.name;
	const inner = (error as { inner?: { name?: string } })?.inner?.name;
	return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}
