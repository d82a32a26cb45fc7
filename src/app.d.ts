// See https://svelte.dev/docs/kit/types#app.d.ts
import type { User } from '$lib/admin/types';

declare global {
	namespace App {
		interface Error {
			message: string;
		}
		interface Locals {
			/** The signed-in editor or admin on console paths (set by hooks/auth.ts), else null. */
			user: User | null;
			/** This request's id, in its log line and any error line (set by hooks/observe.ts). */
			requestId: string;
		}
	}
}

export {};
