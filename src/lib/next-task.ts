/**
 * Gives the browser a turn (input, paint) before going on, so start-up work made of several steps
 * runs as short tasks rather than one long one that would hold back a tap.
 */
export function nextTask(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Waits until the browser has drawn a frame, so style and layout work that is already due (a new
 * stylesheet, say) happens on its own rather than inside the next step.
 */
export function afterPaint(): Promise<void> {
	if (document.visibilityState === 'hidden') return nextTask();
	return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
