import { z } from '$lib/content/zod';

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
	tiandituKey: z.optional(z.string()),
	template: z.optional(z.string()),
	attribution: z.string(),
	/** The operator's tile terms allow downloading an area for offline use. */
	bulkDownload: z.boolean(),
	/** The map approval number (审图号) every map shows when set, as maps published in China must. */
	approval: z.optional(z.string().check(z.maxLength(60)))
});
export type MapSettings = z.infer<typeof mapSettings>;
