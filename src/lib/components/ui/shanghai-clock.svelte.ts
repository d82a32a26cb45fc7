import { createSubscriber } from 'svelte/reactivity';
import { instantToShanghai, type LocalDateTime } from '$lib/content/time';

/**
 * The device's clock as a Shanghai wall-clock time, ticking once a minute (at the turn of the
 * minute) while something on the page reads it, and at once when the page becomes visible again
 * (a phone's timers sleep while the screen is off). Whatever the device's zone: Shanghai has a
 * fixed offset.
 */
let now: LocalDateTime = instantToShanghai(new Date());

const subscribe = createSubscriber((update) => {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const tick = () => {
		now = instantToShanghai(new Date());
		update();
		// Just after the next minute starts, so "closes 17:30" turns at 17:30, not up to a minute late.
		timer = setTimeout(tick, 60_000 - (Date.now() % 60_000) + 50);
	};
	const visible = () => {
		if (document.visibilityState !== 'visible') return;
		clearTimeout(timer);
		tick();
	};
	tick();
	document.addEventListener('visibilitychange', visible);
	return () => {
		clearTimeout(timer);
		document.removeEventListener('visibilitychange', visible);
	};
});

/** The current Shanghai time; reading it in an effect or a template keeps it ticking. */
export function shanghaiNow(): LocalDateTime {
	subscribe();
	return now;
}
