/// <reference lib="webworker" />
declare const self: ServiceWorkerGlobalScope;

/**
 * A tap on a reminder or an emergency notice opens what it is about: an open window of the guide
 * is focused and taken there, otherwise a new one opens. Only addresses on this site are followed,
 * so a notification's data can never send the visitor elsewhere.
 */
export function registerNotificationClicks(): void {
	self.addEventListener('notificationclick', (event) => {
		event.notification.close();
		const wanted = (event.notification.data as { url?: unknown } | null)?.url;
		const target = new URL(typeof wanted === 'string' ? wanted : '/', self.location.origin);
		const url = target.origin === self.location.origin ? target.href : `${self.location.origin}/`;
		event.waitUntil(open(url));
	});
}

async function open(url: string): Promise<void> {
	const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const client = windows[0];
	if (client) {
		await client.focus();
		await client.navigate(url);
		return;
	}
	await self.clients.openWindow(url);
}
