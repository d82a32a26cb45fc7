import { z } from '$lib/content/zod';
import type { Language } from './localized';

/**
 * Which basemap the maps show. It travels to phones with the content (the feed's `settings`), so an
 * operator can change it without a new app build and it is known offline.
 * - osm: OpenStreetMap's public tiles, for development; its usage policy forbids bulk download.
 * - tianditu: 天地图, the official service (WGS-84 data in Web Mercator tiles, key required), with a
 *   Chinese or English label layer following the UI language.
 * - xyz: any `{z}/{x}/{y}` template an operator runs.
 */
export const mapSettings = z.object({
	source: z.enum(['osm', 'tianditu', 'xyz']),
	tiandituKey: z.string().optional(),
	template: z.string().optional(),
	attribution: z.string(),
	/** The operator's tile terms allow downloading an area for offline use. */
	bulkDownload: z.boolean(),
	/** The map approval number (审图号) every map shows when set, as maps published in China must. */
	approval: z.string().max(60).optional()
});
export type MapSettings = z.infer<typeof mapSettings>;

export interface TileLayer {
	url: string;
	subdomains?: string;
	attribution: string;
}

/** The tile layers to stack for a language: a base layer, plus labels for Tianditu. */
export function tileLayers(settings: MapSettings, lang: Language): TileLayer[] {
	if (settings.source === 'tianditu') {
		const wmts = (layer: string) =>
			`https://t{s}.tianditu.gov.cn/${layer}_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=${layer}&STYLE=default&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=${settings.tiandituKey ?? ''}`;
		return [
			{ url: wmts('vec'), subdomains: '01234567', attribution: settings.attribution },
			{ url: wmts(lang === 'en' ? 'eva' : 'cva'), subdomains: '01234567', attribution: '' }
		];
	}
	if (settings.source === 'xyz' && settings.template) {
		return [{ url: settings.template, attribution: settings.attribution }];
	}
	return [
		{ url: 'https://tile.openstreetmap.org/{z}/{x}/{y}.png', attribution: settings.attribution }
	];
}

/** The district's bounds (content facts), for the default view and the offline area. */
export const districtBounds = { south: 35.28, west: 116.52, north: 35.42, east: 116.7 } as const;
