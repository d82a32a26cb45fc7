import { z } from 'zod';
import type { MapSettings } from '$lib/content/map-settings';
import type { SiteSettings } from '$lib/content/site-settings';

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
	/**
	 * Photos in an S3-compatible bucket instead of a directory (AWS S3, Aliyun OSS, Tencent COS,
	 * MinIO), so app servers on several machines share them. Setting the bucket selects this store.
	 */
	MEDIA_S3_BUCKET: z
		.string()
		.trim()
		.regex(
			/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
			'must be a bucket name: 3 to 63 lowercase letters, digits, dots and hyphens'
		)
		.optional(),
	/** The bucket's region, which requests are signed for (`us-east-1` for most MinIO setups). */
	MEDIA_S3_REGION: z.string().trim().min(1).optional(),
	/** The service's address when it is not AWS, e.g. `https://oss-cn-hangzhou.aliyuncs.com`. */
	MEDIA_S3_ENDPOINT: z
		.string()
		.trim()
		.regex(/^https?:\/\/[^/]+/i, 'must be an http:// or https:// address')
		.optional(),
	/** `true`: bucket in the path (`host/bucket/key`, MinIO's default) rather than in the host name. */
	MEDIA_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).optional(),
	/** Both or neither; without them the SDK's own chain (AWS_* variables, instance role) is used. */
	MEDIA_S3_ACCESS_KEY_ID: z.string().trim().min(1).optional(),
	MEDIA_S3_SECRET_ACCESS_KEY: z.string().trim().min(1).optional(),
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
	/**
	 * The map approval number (审图号) that a map published in China must show, e.g. Tianditu's
	 * `GS(2024)0568号`; shown on every map when set.
	 */
	MAP_APPROVAL_NUMBER: z.string().trim().max(60).optional(),
	/** The site's ICP filing number (ICP备案号), shown in the footer and linked to MIIT's site. */
	ICP_LICENSE: z.string().trim().max(60).optional(),
	/** The public security filing number (公安备案号), shown in the footer when the site has one. */
	PSB_RECORD: z
		.string()
		.trim()
		.max(60)
		.regex(/\d{8,}/, 'must contain the record number, e.g. 鲁公网安备37080202000123号')
		.optional(),
	/** Browser tests edit content through /api/test/…; never in production. */
	ENABLE_TEST_ROUTES: z.enum(['true', 'false']).default('false'),
	/** Public address of the site, for absolute links in feeds and the sitemap. */
	PUBLIC_ORIGIN: z
		.string()
		.trim()
		.url('must be an absolute URL such as https://guide.example.cn')
		.optional(),
	/**
	 * adapter-node's own setting, read here as well because the early door (http/early-door.ts)
	 * must know page URLs exactly as adapter-node makes them; without it pages go through SvelteKit.
	 */
	ORIGIN: z.string().optional(),
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

/** The bucket settings that mean nothing without MEDIA_S3_BUCKET. */
const s3Settings = [
	'MEDIA_S3_REGION',
	'MEDIA_S3_ENDPOINT',
	'MEDIA_S3_FORCE_PATH_STYLE',
	'MEDIA_S3_ACCESS_KEY_ID',
	'MEDIA_S3_SECRET_ACCESS_KEY'
] as const;

/**
 * A half-configured bucket is refused at start-up rather than at the first upload, and photos are
 * never split between a directory and a bucket.
 */
function checkMediaStore(value: z.infer<typeof schema>, ctx: z.RefinementCtx): void {
	const issue = (path: string, message: string) =>
		ctx.addIssue({ code: 'custom', path: [path], message });
	if (!value.MEDIA_S3_BUCKET) {
		const stray = s3Settings.filter((name) => value[name] !== undefined);
		if (stray.length) issue('MEDIA_S3_BUCKET', `is required when ${stray.join(', ')} is set`);
		return;
	}
	if (value.MEDIA_DIR) {
		issue('MEDIA_DIR', 'must not be set with MEDIA_S3_BUCKET (photos go to one place)');
	}
	if (!value.MEDIA_S3_REGION) issue('MEDIA_S3_REGION', 'is required when MEDIA_S3_BUCKET is set');
	if (value.MEDIA_S3_ACCESS_KEY_ID && !value.MEDIA_S3_SECRET_ACCESS_KEY) {
		issue('MEDIA_S3_SECRET_ACCESS_KEY', 'is required when MEDIA_S3_ACCESS_KEY_ID is set');
	}
	if (value.MEDIA_S3_SECRET_ACCESS_KEY && !value.MEDIA_S3_ACCESS_KEY_ID) {
		issue('MEDIA_S3_ACCESS_KEY_ID', 'is required when MEDIA_S3_SECRET_ACCESS_KEY is set');
	}
}

const checked = schema.superRefine((value, ctx) => {
	checkMediaStore(value, ctx);
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
		bulkDownload: cfg.TILE_SOURCE !== 'osm' && cfg.TILE_BULK_DOWNLOAD === 'true',
		...(cfg.MAP_APPROVAL_NUMBER ? { approval: cfg.MAP_APPROVAL_NUMBER } : {})
	};
}

/** The site's filing numbers, which phones receive with the content for the footer. */
export function publicSiteSettings(cfg: Config = config()): SiteSettings {
	return {
		...(cfg.ICP_LICENSE ? { icp: cfg.ICP_LICENSE } : {}),
		...(cfg.PSB_RECORD ? { psb: cfg.PSB_RECORD } : {})
	};
}
