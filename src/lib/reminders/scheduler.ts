import type { Language } from '$lib/content/localized';
import { command, watch, type NoticeToShow, type ReminderToShow } from '$lib/offline';
import { localizedPath } from '$lib/i18n/paths';
import * as m from '$lib/paraglide/messages';

/**
 * The in-app reminder route: while a page of the guide is open and reminders are on, shows each due
 * reminder (and each emergency bureau notice) once, as a notification from the service worker's
 * registration, so a tap opens the item (src/lib/sw/notifications.ts). Loaded only when reminders
 * are on, so no other visitor downloads it. What is due is asked of the mirror with the page's
 * clock; after showing, the ids are recorded there, so no tab and no later start shows them again
 * (a second tab racing this one shows the same notification under the same tag, which replaces it).
 */

/** How often the page looks, besides whenever the mirror or the settings change. */
const everyMs = 20_000;

let running: { stop: () => void; lang: Language } | undefined;

export function startReminders(lang: Language): void {
	if (running?.lang === lang) return;
	running?.stop();
	let busy = false;
	let again = false;
	const tick = async () => {
		if (busy) {
			again = true;
			return;
		}
		busy = true;
		try {
			await showDue(lang);
		} catch (problem) {
			// A reminder that cannot be shown must not break the page; the next tick tries again.
			console.warn('reminders', problem);
		} finally {
			busy = false;
			if (again) {
				again = false;
				void tick();
			}
		}
	};
	const timer = setInterval(() => void tick(), everyMs);
	const onVisible = () => void tick();
	document.addEventListener('visibilitychange', onVisible);
	const stops = [
		watch('status', undefined, () => void tick()),
		watch('favourites', undefined, () => void tick()),
		watch('plans', undefined, () => void tick()),
		watch('reminderSettings', undefined, () => void tick())
	];
	running = {
		lang,
		stop: () => {
			clearInterval(timer);
			document.removeEventListener('visibilitychange', onVisible);
			for (const stop of stops) stop();
		}
	};
	void tick();
}

export function stopReminders(): void {
	running?.stop();
	running = undefined;
}

async function showDue(lang: Language): Promise<void> {
	if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
	const registration = await navigator.serviceWorker?.getRegistration();
	if (!registration) return;
	const now = Date.now();
	const [{ due }, notices] = await Promise.all([
		command('remindersDue', { now, lang }),
		command('emergencyNoticesDue', { now, lang })
	]);
	if (!due.length && !notices.length) return;
	const shown: string[] = [];
	for (const reminder of due) {
		await registration.showNotification(...reminderNotification(reminder, lang));
		shown.push(reminder.id);
	}
	for (const notice of notices) {
		await registration.showNotification(...noticeNotification(notice, lang));
		shown.push(notice.id);
	}
	await command('markRemindersShown', { ids: shown, now });
}

function reminderNotification(r: ReminderToShow, lang: Language): [string, NotificationOptions] {
	const locale = { locale: lang };
	const title = r.missed
		? m.reminders_missed({ title: r.title }, locale)
		: m.reminders_soon({ minutes: r.minutes, title: r.title }, locale);
	// The start as written in Shanghai, e.g. 12-05 19:30: the visitor is there, or going there.
	const time = `${r.start.slice(5, 10)} ${r.start.slice(11, 16)}`;
	const body = r.venue
		? m.reminders_body({ time, venue: r.venue }, locale)
		: m.reminders_body_no_venue({ time }, locale);
	return [title, { body, tag: r.id, data: { url: localizedPath(r.path, lang) } }];
}

function noticeNotification(n: NoticeToShow, lang: Language): [string, NotificationOptions] {
	return [
		m.reminders_notice_title({}, { locale: lang }),
		{ body: n.message, tag: n.id, data: { url: localizedPath('/', lang) } }
	];
}
