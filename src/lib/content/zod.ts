import * as z from 'zod/mini';

/**
 * The one way code that runs in the browser reaches zod (the linter holds browser, offline and
 * pure code to it). It is zod's mini build: the same checks and messages as the classic one (the
 * same core runs both), written as functions (`z.optional(s)`, `s.check(z.maxLength(9))`) instead
 * of methods, so a bundle carries only what its schemas use. The classic build's methods put all
 * of zod (about 25 KB gzip) into the phone's mirror worker and every page that parses a plan.
 *
 * - English messages: the mini build ships none by default ("Invalid input" for everything); the
 *   console translates zod's English messages (src/lib/admin/problem-text.ts), so they are loaded.
 * - No compilation: zod compiles object schemas with `new Function` when it may, and finds out by
 *   trying as each object schema is built: under the Content-Security-Policy (no 'unsafe-eval') that
 *   try is a reported violation, in the page and in the mirror's worker. Schemas are built as their
 *   modules load, before any start-up hook could run, so this module turns compilation off first.
 *   The interpreted path is fast enough for what the phone and the console parse.
 */
z.config({ jitless: true, ...z.locales.en() });

export { z };
