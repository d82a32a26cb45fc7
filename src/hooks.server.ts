import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { startApp } from '$lib/server/app';
import { ConfigError } from '$lib/server/config';
import { earlyContent } from '$lib/server/feed/content-response';
import { earlyDoor, openEarlyDoor } from '$lib/server/http/early-door';
import { earlyPages } from '$lib/server/http/early-pages';
import { auth } from '$lib/server/hooks/auth';
import { compressHtml } from '$lib/server/hooks/compress-html';
import { language } from '$lib/server/hooks/language';
import { observe } from '$lib/server/hooks/observe';
import { pageCache } from '$lib/server/hooks/page-cache';
import { scriptPriority } from '$lib/server/hooks/script-priority';
import { securityHeaders } from '$lib/server/hooks/security-headers';
import { startOperations } from '$lib/server/lifecycle';
import { errorLine, writeLine } from '$lib/server/observability/request-log';

export const init: ServerInit = async () => {
	// Writing the offline shell at build time starts the server too: a build never opens a database.
	if (building) return;
	try {
		const store = await startApp();
		openEarlyDoor(earlyDoor([earlyContent(store), ...earlyPages(store)]));
		await startOperations(store);
	} catch (error) {
		// A configuration mistake is the operator's to fix: say which variable, without a stack trace.
		if (error instanceof ConfigError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
};

export const handle: Handle = sequence(
	observe,
	pageCache,
	compressHtml,
	securityHeaders,
	scriptPriority,
	language,
	auth
);

/** Unexpected errors become one JSON line carrying the request id; a 404 is not an error. */
export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (status >= 500) {
		writeLine(
			errorLine(error, {
				requestId: event.locals.requestId,
				route: event.route.id,
				url: event.url,
				status
			})
		);
	}
	return { message };
};
