// How every tool in this repo starts Chromium: Debian's binary by default (CHROMIUM_PATH overrides;
// an empty CHROMIUM_PATH means Playwright's own browser), with the flags a closed network needs.
import { existsSync } from 'node:fs';

export const chromiumPath =
	process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '');

// Without these, Chromium tries to reach Google's services at start and, on a closed network,
// floods the logs with refused connections.
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

export const launchOptions = { executablePath: chromiumPath || undefined, args: chromiumArgs };
