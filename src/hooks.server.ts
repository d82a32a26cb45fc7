import { sequence } from '@sveltejs/kit/hooks';
import type { Handle, ServerInit } from '@sveltejs/kit';
import { startApp } from '$lib/server/app';
import { auth } from '$lib/server/hooks/auth';
import { language } from '$lib/server/hooks/language';
import { securityHeaders } from '$lib/server/hooks/security-headers';

export const init: ServerInit = async () => {
	await startApp();
};

export const handle: Handle = sequence(securityHeaders, language, auth);
