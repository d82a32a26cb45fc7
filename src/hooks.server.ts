import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { consoleAccess, startApp } from '$lib/server/app';
import { ConfigError } from '$lib/server/config';
import { earlyContent } from '$lib/server/feed/content-response';
import { earlyDoor, openEarlyDoor } from '$lib/server/http/early-door';
import { earlyPages } from '$lib/server/http/early-pages';
import { auth } from '$lib/server/hooks/auth';
import { compressHtml } from '$lib/server/hooks/compress-html';
import { formBody } from '$lib/server/hooks/form-body';
import { language } from '$lib/server/hooks/language';
import { observe } from '$lib/server/hooks/observe';
import { pageCache } from '$lib/server/hooks/page-cache';
import { scriptPriority } from '$lib/server/hooks/script-priority';
import { securityHeaders } from '$lib/server/hooks/security-headers';
import { sharedPagePolicy } from '$lib/server/hooks/shared-page-policy';
import { startOperations } from '$lib/server/lifecycle';
import { errorLine, writeLine } from '$lib/server/observability/request-log';

export const init: ServerInit = async () => {
	// Writing the offline shell at build time starts the server too: a build never opens a database.
	if (building) return;
	try {
		const store = await startApp();
		openEarlyDoor(earlyDoor([earlyContent(store), ...earlyPages(store)]));
		await startOperations(store);
		// `npm start` (scripts/start.js) serves in this process and prints how to get into the
		// console from this; under any other runner nobody listens and nothing happens.
		(process as NodeJS.EventEmitter).emit('taibai:started', await consoleAccess(store));
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
	sharedPagePolicy,
	scriptPriority,
	language,
	auth,
	formBody
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
