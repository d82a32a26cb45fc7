import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '$lib/server/config';

describe('configuration', () => {
	it('selects PostgreSQL by a postgres:// or postgresql:// URL', () => {
		for (const url of ['postgres://u:p@db:5432/taibai', 'postgresql://db/taibai']) {
			expect(loadConfig({ DATABASE_URL: url }).DATABASE_URL).toBe(url);
		}
		expect(loadConfig({ DATABASE_POOL_SIZE: '25' }).DATABASE_POOL_SIZE).toBe(25);
	});

	it('has working defaults for a fresh machine', () => {
		expect(loadConfig({})).toMatchObject({
			DATABASE_URL: 'file:data/taibai.sqlite',
			SEED: 'auto',
			FEED_MAX_AGE: 30
		});
	});

	it('stops with a message naming each bad variable', () => {
		expect(() => loadConfig({ SEED: 'sometimes', FEED_MAX_AGE: 'soon' })).toThrow(ConfigError);
		expect(() => loadConfig({ SEED: 'sometimes', FEED_MAX_AGE: 'soon' })).toThrow(
			/SEED:.*\n.*FEED_MAX_AGE:/
		);
	});

	it('refuses a database address it cannot use', () => {
		expect(() => loadConfig({ DATABASE_URL: 'mysql://db/taibai' })).toThrow(/DATABASE_URL/);
		expect(() => loadConfig({ DATABASE_URL: 'postgres://' })).toThrow(/DATABASE_URL/);
		expect(() => loadConfig({ DATABASE_POOL_SIZE: '1' })).toThrow(/DATABASE_POOL_SIZE/);
		expect(loadConfig({ DATABASE_URL: '/var/lib/taibai.sqlite' }).DATABASE_URL).toBe(
			'/var/lib/taibai.sqlite'
		);
	});

	it('requires what each tile source needs, naming the variable', () => {
		expect(() => loadConfig({ TILE_SOURCE: 'tianditu' })).toThrow(/TIANDITU_KEY: is required/);
		expect(() => loadConfig({ TILE_SOURCE: 'xyz', TILE_ATTRIBUTION: 'x' })).toThrow(/TILE_URL/);
		expect(() =>
			loadConfig({ TILE_SOURCE: 'xyz', TILE_URL: 'https://t.example/{z}/{x}/{y}.png' })
		).toThrow(/TILE_ATTRIBUTION/);
		expect(() =>
			loadConfig({ TILE_SOURCE: 'xyz', TILE_URL: 'https://t.example/tiles', TILE_ATTRIBUTION: 'x' })
		).toThrow(/TILE_URL: must contain \{z\}/);
	});

	it('refuses test routes in production', () => {
		expect(() => loadConfig({ ENABLE_TEST_ROUTES: 'true' })).toThrow(/ENABLE_TEST_ROUTES/);
		expect(loadConfig({ ENABLE_TEST_ROUTES: 'true', NODE_ENV: 'test' }).ENABLE_TEST_ROUTES).toBe(
			'true'
		);
	});

	it('treats an empty variable as unset', () => {
		expect(loadConfig({ SEED: '' }).SEED).toBe('auto');
	});

	it('keeps metrics off unless a port is given, and on loopback by default', () => {
		expect(loadConfig({}).METRICS_PORT).toBeUndefined();
		expect(loadConfig({ METRICS_PORT: '9464' })).toMatchObject({
			METRICS_PORT: 9464,
			METRICS_HOST: '127.0.0.1',
			REQUEST_LOG: 'json'
		});
		expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/METRICS_PORT/);
		expect(() => loadConfig({ REQUEST_LOG: 'verbose' })).toThrow(/REQUEST_LOG/);
	});

	it('takes photos to a bucket only when it is fully described, naming what is missing', () => {
		const bucket = {
			MEDIA_S3_BUCKET: 'taibai-photos',
			MEDIA_S3_REGION: 'oss-cn-hangzhou',
			MEDIA_S3_ENDPOINT: 'https://oss-cn-hangzhou.example.com'
		};
		expect(loadConfig(bucket)).toMatchObject(bucket);
		expect(() => loadConfig({ MEDIA_S3_BUCKET: 'taibai-photos' })).toThrow(
			/MEDIA_S3_REGION: is required when MEDIA_S3_BUCKET is set/
		);
		expect(() => loadConfig({ MEDIA_S3_ENDPOINT: 'http://minio.internal:9000' })).toThrow(
			/MEDIA_S3_BUCKET: is required when MEDIA_S3_ENDPOINT is set/
		);
		expect(() => loadConfig({ ...bucket, MEDIA_S3_ACCESS_KEY_ID: 'AK' })).toThrow(
			/MEDIA_S3_SECRET_ACCESS_KEY: is required when MEDIA_S3_ACCESS_KEY_ID is set/
		);
		expect(() => loadConfig({ ...bucket, MEDIA_S3_SECRET_ACCESS_KEY: 'SK' })).toThrow(
			/MEDIA_S3_ACCESS_KEY_ID: is required/
		);
		expect(() => loadConfig({ ...bucket, MEDIA_DIR: '/var/photos' })).toThrow(
			/MEDIA_DIR: must not be set with MEDIA_S3_BUCKET/
		);
		expect(() => loadConfig({ ...bucket, MEDIA_S3_BUCKET: 'Taibai_Photos' })).toThrow(
			/MEDIA_S3_BUCKET: must be a bucket name/
		);
		expect(() => loadConfig({ ...bucket, MEDIA_S3_ENDPOINT: 'oss-cn-hangzhou' })).toThrow(
			/MEDIA_S3_ENDPOINT: must be an http/
		);
		expect(() => loadConfig({ ...bucket, MEDIA_S3_FORCE_PATH_STYLE: 'yes' })).toThrow(
			/MEDIA_S3_FORCE_PATH_STYLE/
		);
	});
});
