import { districtBounds } from '../map-settings';
import type { Snapshot } from '../snapshot';
import type { ViewContext, ViewParams } from './context';

/**
 * The settings page: the basemap as configured (whether its terms allow an offline download) and
 * the area such a download covers. Everything else on the page is about this phone, not content.
 */
export function settingsView(snap: Snapshot, _params: ViewParams, _ctx: ViewContext) {
	return { map: snap.settings.map, bounds: { ...districtBounds } };
}

export type SettingsView = ReturnType<typeof settingsView>;
