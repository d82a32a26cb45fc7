/**
 * Whether the visitor has dismissed the "open in your phone's browser" hint on this phone. Kept in
 * local storage beside the language choice: a one-bit display preference, read before the mirror
 * has started, and lost harmlessly (the hint shows again) where an in-app browser refuses storage.
 */
const storageKey = 'taibai-way-out-dismissed';

export function wayOutDismissed(): boolean {
	try {
		return localStorage.getItem(storageKey) === '1';
	} catch {
		return false;
	}
}

export function dismissWayOut(): void {
	try {
		localStorage.setItem(storageKey, '1');
	} catch {
		// Storage refused: the hint is hidden for this page and shows again on the next visit.
	}
}
