import { afterEach, describe, expect, it, vi } from 'vitest';
import { registerNotificationClicks } from '$lib/sw/notifications';

/** A service worker's global, as far as a notification tap uses it. */
function fakeWorker(windows: { url: string }[]) {
	const listeners: ((event: unknown) => void)[] = [];
	const done: Promise<unknown>[] = [];
	const visited: string[] = [];
	const opened: string[] = [];
	const clients = windows.map((w) => ({
		...w,
		focus: vi.fn(async () => undefined),
		navigate: vi.fn(async (url: string) => {
			visited.push(url);
		})
	}));
	vi.stubGlobal('self', {
		location: { origin: 'https://guide.test' },
		addEventListener: (type: string, listener: (event: unknown) => void) => {
			if (type === 'notificationclick') listeners.push(listener);
		},
		clients: {
			matchAll: async () => clients,
			openWindow: async (url: string) => {
				opened.push(url);
			}
		}
	});
	registerNotificationClicks();
	return {
		clients,
		visited,
		opened,
		async tap(data: unknown) {
			const close = vi.fn();
			for (const listener of listeners)
				listener({
					notification: { data, close },
					waitUntil: (p: Promise<unknown>) => done.push(p)
				});
			await Promise.all(done);
			return close;
		}
	};
}

afterEach(() => vi.unstubAllGlobals());

describe('a tap on a reminder', () => {
	it('takes an open window of the guide to the item, and closes the notification', async () => {
		const worker = fakeWorker([{ url: 'https://guide.test/en' }]);
		const close = await worker.tap({ url: '/en/events/lantern-night' });
		expect(close).toHaveBeenCalled();
		expect(worker.clients[0].focus).toHaveBeenCalled();
		expect(worker.visited).toEqual(['https://guide.test/en/events/lantern-night']);
		expect(worker.opened).toEqual([]);
	});

	it('opens a new window on the item when none of the guide is open', async () => {
		const worker = fakeWorker([]);
		await worker.tap({ url: '/plan/2026-12-05' });
		expect(worker.opened).toEqual(['https://guide.test/plan/2026-12-05']);
	});

	it('never leads off the site, whatever the notification carries', async () => {
		const worker = fakeWorker([]);
		await worker.tap({ url: 'https://elsewhere.test/phish' });
		await worker.tap(null);
		expect(worker.opened).toEqual(['https://guide.test/', 'https://guide.test/']);
	});
});
