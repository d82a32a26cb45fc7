import type { Snapshot } from '../snapshot';
import type { ViewContext, ViewParams } from './context';
import { eventView } from './event';
import { eventsView } from './events';
import { festivalView } from './festival';
import { festivalsView } from './festivals';
import { homeView } from './home';
import { infoView } from './info';
import { mapView } from './map';
import { searchView } from './search';
import { settingsView } from './settings';
import { siteView } from './site';
import { tourView } from './tour';
import { toursView } from './tours';
import { venueView } from './venue';
import { venuesView } from './venues';

/**
 * Every page's data is a pure function of the content snapshot, its parameters and a context. The
 * server runs it for first paint; the browser runs the same function on its Dexie mirror, so a page
 * renders the same online, offline, and on a route the visitor never opened.
 */
export const views = {
	home: homeView,
	events: eventsView,
	event: eventView,
	festivals: festivalsView,
	festival: festivalView,
	venues: venuesView,
	venue: venueView,
	tours: toursView,
	tour: tourView,
	map: mapView,
	search: searchView,
	settings: settingsView,
	info: infoView,
	site: siteView
} satisfies Record<string, (snap: Snapshot, params: ViewParams, ctx: ViewContext) => unknown>;

export type Views = typeof views;
export type ViewName = keyof Views;
export type ViewData<N extends ViewName> = ReturnType<Views[N]>;

export function isViewName(name: string): name is ViewName {
	return Object.hasOwn(views, name);
}
