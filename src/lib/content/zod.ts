import { config, z } from 'zod';

/**
 * The one way code that runs in the browser reaches zod (the linter holds browser, offline and
 * pure code to it). zod compiles object schemas with `new Function` when it may, and finds out by
 * trying as each object schema is built: under the Content-Security-Policy (no 'unsafe-eval') that
 * try is a reported violation, in the page and in the mirror's worker. Schemas are built as their
 * modules load, before any start-up hook could run, so this module turns compilation off first.
 * The interpreted path is fast enough for what the phone and the console parse.
 */
config({ jitless: true });

export { z };
