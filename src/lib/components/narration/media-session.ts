import type { NarrationView } from '$lib/content/views/narration';

/** Controls the lock screen and headphones may send; absent where the browser has none. */
export interface SessionControls {
	play(): void;
	pause(): void;
	back(): void;
	seekTo?(seconds: number): void;
}

const actions = ['play', 'pause', 'seekbackward', 'seekto', 'stop'] as const;

/**
 * Media Session: the title, tour and picture on the lock screen and in the notification, and its
 * buttons wired to this player. Browsers without it (older WebViews, some in-app browsers) just
 * show nothing; a handler the browser does not know is skipped rather than thrown.
 */
export function claimMediaSession(view: NarrationView, site: string, controls: SessionControls) {
	if (typeof navigator === 'undefined' || !('mediaSession' in navigator)) return;
	const session = navigator.mediaSession;
	if (typeof MediaMetadata !== 'undefined') {
		session.metadata = new MediaMetadata({
			title: view.title,
			artist: site,
			album: view.album ?? site,
			artwork: view.artwork
				? [
						{
							src: view.artwork.src,
							sizes: `${view.artwork.width}x${view.artwork.height}`,
							type: 'image/webp'
						}
					]
				: []
		});
	}
	const handlers: Record<(typeof actions)[number], MediaSessionActionHandler | null> = {
		play: () => controls.play(),
		pause: () => controls.pause(),
		stop: () => controls.pause(),
		seekbackward: () => controls.back(),
		seekto: controls.seekTo ? (details) => controls.seekTo?.(details.seekTime ?? 0) : null
	};
	for (const action of actions) {
		try {
			session.setActionHandler(action, handlers[action]);
		} catch {
			// Not supported by this browser.
		}
	}
}

export function setPlaybackState(state: 'playing' | 'paused' | 'none') {
	if (typeof navigator !== 'undefined' && 'mediaSession' in navigator) {
		navigator.mediaSession.playbackState = state;
	}
}
