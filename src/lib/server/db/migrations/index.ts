import type { Migration } from 'kysely';
import * as m001 from './001-content';
import * as m002 from './002-accounts';
import * as m003 from './003-holidays';
import * as m004 from './004-login-locks';
import * as m005 from './005-notices';
import * as m006 from './006-narration';

/** Ordered migrations, bundled with the server so the built app needs no migration folder at run time. */
export const migrations: Record<string, Migration> = {
	'001-content': m001,
	'002-accounts': m002,
	'003-holidays': m003,
	'004-login-locks': m004,
	'005-notices': m005,
	'006-narration': m006
};
