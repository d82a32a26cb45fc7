import { z } from 'zod';
import type { MapSettings } from '$lib/content/map-settings';

/**
 * The one place that reads the server's environment. Everything else asks this module, so a typo in
 * a variable name is a compile error and a bad value stops start-up with a message naming it.
 * Every variable is listed, with its default, in `.env.example`.
 */
const schema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
	/** `file:path/to.sqlite`, a plain path, `:memory:`, or `postgres://user:pass@host:port/db`. */
	DATABASE_URL: z
		.string()
		.trim()
		.min(1)
		.default('file:data/taibai.sqlite')
		.refine(
			(value) =>
				value === ':memory:' ||
				value.startsWith('file:') ||
				/^postgres(ql)?:\/\/[^/]+/i.test(value) ||
				!/^[a-z]+:\/\//i.test(value),
			'must be file:PATH, a path, :memory:, or postgres://USER:PASSWORD@HOST:PORT/DATABASE'
		),
	/**
	 * Connections each app server keeps open to PostgreSQL (ignored for SQLite). At least two:
	 * start-up holds one for its lock while it seeds through another.
	 */
	DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
	/** Directory of photo renditions; default `media` beside the SQLite file (`data/media` otherwise). */
	MEDIA_DIR: z.string().trim().min(1).optional(),
	/** `auto` seeds the sample content into an empty database; `never` leaves it empty. */
	SEED: z.enum(['auto', 'never']).default('auto'),
	/** How long deletion tombstones are kept; a phone that last synced before that gets a full snapshot. */
	TOMBSTONE_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(180),
	/** Seconds a CDN or browser may reuse a feed response without asking again. */
	FEED_MAX_AGE: z.coerce.number().int().min(0).max(3600).default(30),
	/** Basemap: osm (development default), tianditu (needs TIANDITU_KEY) or xyz (needs TILE_URL). */
	TILE_SOURCE: z.enum(['osm', 'tianditu', 'xyz']).default('osm'),
	TIANDITU_KEY: z.string().trim().optional(),
	/** `{z}/{x}/{y}` template of an operator's own tile server. */
	TILE_URL: z
		.string()
		.trim()
		.regex(/\{z\}.*\{x\}.*\{y\}|\{z\}.*\{y\}.*\{x\}/, 'must contain {z}, {x} and {y}')
		.optional(),
	TILE_ATTRIBUTION: z.string().trim().optional(),
	/** Whether the tile source's terms allow visitors to download an area for offline use. */
	TILE_BULK_DOWNLOAD: z.enum(['true', 'false']).default('false'),
	/** Browser tests edit content through /api/test/…; never in production. */
	ENABLE_TEST_ROUTES: z.enum(['true', 'false']).default('false'),
	/** Public address of the site, for absolute links in feeds and the sitemap. */
	PUBLIC_ORIGIN: z
		.string()
		.trim()
		.url('must be an absolute URL such as https://guide.example.cn')
		.optional(),
	/**
	 * Port of the Prometheus endpoint (/metrics). Off when unset: metrics tell an outsider how busy
	 * the site is and which routes exist, so they get their own listener rather than a public path.
	 */
	METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
	/** Address the metrics listener binds to; loopback by default, so only the machine's operator sees it. */
	METRICS_HOST: z.string().trim().min(1).default('127.0.0.1'),
	/** `json`: one JSON line per request on stdout (for the log shipper); `off`: none. */
	REQUEST_LOG: z.enum(['json', 'off']).default('json'),
	/** pg_dump and pg_restore for backups of a PostgreSQL store; found on PATH unless set. */
	PG_DUMP: z.string().trim().min(1).default('pg_dump'),
	PG_RESTORE: z.string().trim().min(1).default('pg_restore')
});

const checked = schema.superRefine((value, ctx) => {
	if (value.TILE_SOURCE === 'tianditu' && !value.TIANDITU_KEY) {
		ctx.addIssue({
			code: 'custom',
			path: ['TIANDITU_KEY'],
			message: 'is required when TILE_SOURCE=tianditu'
		});
	}
	if (value.ENABLE_TEST_ROUTES === 'true' && value.NODE_ENV === 'production') {
		ctx.addIssue({
			code: 'custom',
			path: ['ENABLE_TEST_ROUTES'],
			message: 'must not be true when NODE_ENV=production'
		});
	}
	if (value.TILE_SOURCE === 'xyz' && !value.TILE_ATTRIBUTION) {
		ctx.addIssue({
			code: 'custom',
			path: ['TILE_ATTRIBUTION'],
			message: 'is required when TILE_SOURCE=xyz (tile licences require credit)'
		});
	}
	if (value.TILE_SOURCE === 'xyz' && !value.TILE_URL) {
		ctx.addIssue({
			code: 'custom',
			path: ['TILE_URL'],
			message: 'is required when TILE_SOURCE=xyz'
		});
	}
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {}

/** Validates an environment; throws a ConfigError naming each bad variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
	// An empty value means "not set", as in most .env tooling.
	const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
	const result = checked.safeParse(present);
	if (!result.success) {
		const problems = result.error.issues.map(
			(issue) => `${issue.path.join('.')}: ${issue.message}`
		);
		throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
	}
	return result.data;
}

let current: Config | undefined;

/** The configuration of this process, read once. */
export function config(): Config {
	current ??= loadConfig(process.env);
	return current;
}

/** The map settings phones receive with the content. */
export function publicMapSettings(cfg: Config = config()): MapSettings {
	const osm = '© OpenStreetMap contributors';
	return {
		source: cfg.TILE_SOURCE,
		tiandituKey: cfg.TILE_SOURCE === 'tianditu' ? cfg.TIANDITU_KEY : undefined,
		template: cfg.TILE_SOURCE === 'xyz' ? cfg.TILE_URL : undefined,
		attribution:
			cfg.TILE_ATTRIBUTION ?? (cfg.TILE_SOURCE === 'tianditu' ? '© 天地图 Tianditu' : osm),
		// OpenStreetMap's tile usage policy forbids bulk download, whatever the setting says.
		bulkDownload: cfg.TILE_SOURCE !== 'osm' && cfg.TILE_BULK_DOWNLOAD === 'true'
	};
}
