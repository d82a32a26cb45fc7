import { describe, expect, it } from 'vitest';
import { districtBounds } from '$lib/content/map-settings';
import { settingsView } from '$lib/content/views/settings';
import { loadConfig, publicMapSettings } from '$lib/server/config';
import { sampleSnapshot } from '../helpers/snapshot';

describe('settings view', () => {
	it('passes on the map settings and the district the offline map covers', () => {
		const view = settingsView(sampleSnapshot(), {}, { lang: 'en', now: '2026-11-28T10:00' });
		expect(view.map).toMatchObject({ source: 'osm', bulkDownload: false });
		expect(view.bounds).toEqual(districtBounds);
	});
});

describe('which tile sources offer an offline download', () => {
	it('never offers OpenStreetMap for bulk download, even when the operator says yes', () => {
		expect(publicMapSettings(loadConfig({})).bulkDownload).toBe(false);
		expect(
			publicMapSettings(loadConfig({ TILE_SOURCE: 'osm', TILE_BULK_DOWNLOAD: 'true' }))
		).toMatchObject({ source: 'osm', bulkDownload: false });
	});

	it('offers an operator’s own tile server or Tianditu only when configured to', () => {
		const xyz = {
			TILE_SOURCE: 'xyz',
			TILE_URL: 'https://tiles.example.test/{z}/{x}/{y}.png',
			TILE_ATTRIBUTION: '© Example tiles'
		};
		expect(publicMapSettings(loadConfig(xyz)).bulkDownload).toBe(false);
		expect(publicMapSettings(loadConfig({ ...xyz, TILE_BULK_DOWNLOAD: 'true' }))).toMatchObject({
			source: 'xyz',
			template: xyz.TILE_URL,
			bulkDownload: true
		});
		expect(
			publicMapSettings(
				loadConfig({ TILE_SOURCE: 'tianditu', TIANDITU_KEY: 'k', TILE_BULK_DOWNLOAD: 'true' })
			).bulkDownload
		).toBe(true);
	});
});
