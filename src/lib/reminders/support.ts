import { expectedCapabilities } from '$lib/platform/in-app';

/**
 * Whether this browser can show the guide's reminders, asked in the page before anything is
 * tried. `ask`: it can, once the visitor allows notifications (asked only when they turn reminders
 * on); `denied`: the visitor or the browser blocked them; `unsupported`: no Notification API or no
 * service worker to show them with, an app's built-in browser (WeChat and the like), or Safari on
 * iPhone outside an installed app (it shows web notifications only from a home-screen app).
 */
export type ReminderSupport = 'granted' | 'ask' | 'denied' | 'unsupported';

function installed(): boolean {
	const standalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
	return standalone || matchMedia('(display-mode: standalone)').matches;
}

export function reminderSupport(): ReminderSupport {
	if (typeof Notification === 'undefined' || !('serviceWorker' in navigator)) return 'unsupported';
	const expected = expectedCapabilities(navigator.userAgent);
	if (expected.inApp || !expected.serviceWorker) return 'unsupported';
	if (expected.system === 'ios' && !installed()) return 'unsupported';
	if (Notification.permission === 'denied') return 'denied';
	return Notification.permission === 'granted' ? 'granted' : 'ask';
}

/**
 * Asks for permission to notify (the browser's own prompt); a prompt closed without an answer
 * counts as blocked. Never throws: an old browser's callback form or a refusal to ask reads as
 * unsupported.
 */
export async function askPermission(): Promise<ReminderSupport> {
	const now = reminderSupport();
	if (now !== 'ask') return now;
	try {
		const answer = await Notification.requestPermission();
		return answer === 'granted' ? 'granted' : 'denied';
	} catch {
		return 'unsupported';
	}
}
