import { building } from '$app/environment';
import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { startApp } from '$lib/server/app';
import { ConfigError } from '$lib/server/config';
import { auth } from '$lib/server/hooks/auth';
import { compressHtml } from '$lib/server/hooks/compress-html';
import { language } from '$lib/server/hooks/language';
import { securityHeaders } from '$lib/server/hooks/security-headers';

export const init: ServerInit = async () => {
	// Writing the offline shell at build time starts the server too: a build never opens a database.
	if (building) return;
	try {
		await startApp();
	} catch (error) {
		// A configuration mistake is the operator's to fix: say which variable, without a stack trace.
		if (error instanceof ConfigError) {
			console.error(error.message);
			process.exit(1);
		}
		throw error;
	}
};

export const handle: Handle = sequence(compressHtml, securityHeaders, language, auth);
