import type { EventCategory, TourMode, VenueKind } from '$lib/content/schemas';
import * as m from '$lib/paraglide/messages';

/** Enum values to UI words; one table per enum so a new value is a type error until labelled. */
const kinds: Record<VenueKind, () => string> = {
	scenic_area: m.kind_scenic_area,
	museum: m.kind_museum,
	library: m.kind_library,
	gallery: m.kind_gallery,
	theatre: m.kind_theatre,
	park: m.kind_park,
	shopping_street: m.kind_shopping_street,
	restaurant_area: m.kind_restaurant_area,
	visitor_centre: m.kind_visitor_centre,
	parking: m.kind_parking,
	toilet: m.kind_toilet,
	first_aid: m.kind_first_aid
};

const categories: Record<EventCategory, () => string> = {
	performance: m.category_performance,
	exhibition: m.category_exhibition,
	festival: m.category_festival,
	market: m.category_market,
	sport: m.category_sport,
	tour: m.category_tour,
	workshop: m.category_workshop,
	family: m.category_family,
	food: m.category_food,
	ceremony: m.category_ceremony
};

const modes: Record<TourMode, () => string> = {
	walk: m.mode_walk,
	bike: m.mode_bike,
	boat: m.mode_boat,
	bus: m.mode_bus
};

export const kindLabel = (kind: VenueKind) => kinds[kind]();
export const categoryLabel = (category: EventCategory) => categories[category]();
export const modeLabel = (mode: TourMode) => modes[mode]();
