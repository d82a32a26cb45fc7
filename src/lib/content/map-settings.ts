import type { Language } from './localized';
import type { MapSettings } from './schemas/map-settings';

// No zod here: the maps drawn on visitor pages use these helpers, and the schema (with zod) is only
// needed where the feed is parsed (./schemas/map-settings.ts).
export type { MapSettings };

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
