/** Set by vite.config.ts: an identifier of this build. */
declare const __BUILD_ID__: string;
