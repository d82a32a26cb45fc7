import { expectedCapabilities } from './in-app';

/**
 * Whether this browser will refuse a file download (an .ics): in-app browsers do, silently. Asked
 * in the browser only; the server renders every page as if downloads work.
 */
export function downloadsBlocked(): boolean {
	return typeof navigator !== 'undefined' && !expectedCapabilities(navigator.userAgent).downloads;
}
