import type { facilities } from '$lib/content/schemas';
import * as m from '$lib/paraglide/messages';

export type Facility = (typeof facilities)[number];

/** One label per facility; a new facility is a type error here until it has words. */
const labels: Record<Facility, () => string> = {
	toilet: m.venues_facility_toilet,
	parking: m.venues_facility_parking,
	wheelchair: m.venues_facility_wheelchair,
	baby_care: m.venues_facility_baby_care,
	lockers: m.venues_facility_lockers,
	wifi: m.venues_facility_wifi,
	cafe: m.venues_facility_cafe,
	restaurant: m.venues_facility_restaurant,
	shop: m.venues_facility_shop,
	audio_guide: m.venues_facility_audio_guide,
	guided_tours: m.venues_facility_guided_tours,
	charging: m.venues_facility_charging,
	bike_rental: m.venues_facility_bike_rental,
	boat_pier: m.venues_facility_boat_pier
};

export const facilityLabel = (facility: Facility) => labels[facility]();
