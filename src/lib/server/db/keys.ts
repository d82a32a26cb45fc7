/**
 * Whether a key from a request (a path, a form) could be in the database at all: PostgreSQL's text
 * cannot hold a NUL, and asking for one is an error (a 500) rather than "not found".
 */
export const storableKey = (key: string) => !key.includes('\u0000');
