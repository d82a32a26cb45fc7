import type { VenueKind } from '$lib/content/schemas';
import type { VenueView } from '$lib/content/views/venue';

// The most specific schema.org type for each kind, where there is one.
const types: Partial<Record<VenueKind, string>> = {
	museum: 'Museum',
	library: 'Library',
	gallery: 'ArtGallery',
	theatre: 'PerformingArtsTheater',
	park: 'Park',
	shopping_street: 'ShoppingCenter',
	visitor_centre: 'TouristInformationCenter',
	parking: 'ParkingFacility',
	toilet: 'PublicToilet'
};

/**
 * schema.org TouristAttraction (a Place) for a place to visit; a practical point is only a Place of
 * its kind. `openingHours` carries the OSM rule as text: its simple forms are the schema.org syntax,
 * and its seasonal forms still read correctly to a person.
 */
export function venueJsonLd(view: VenueView, url: string): Record<string, unknown> {
	const specific = types[view.kind] ?? 'Place';
	return {
		'@context': 'https://schema.org',
		'@type': view.practical ? specific : ['TouristAttraction', specific],
		name: view.name,
		description: view.summary,
		url,
		geo: {
			'@type': 'GeoCoordinates',
			latitude: view.position.lat,
			longitude: view.position.lon
		},
		address: {
			'@type': 'PostalAddress',
			streetAddress: view.address,
			addressLocality: 'Jining',
			addressRegion: 'Shandong',
			addressCountry: 'CN'
		},
		...(view.openingHours ? { openingHours: view.openingHours } : {}),
		...(view.price ? { isAccessibleForFree: view.price.free } : {}),
		publicAccess: true,
		...(view.phone ? { telephone: view.phone } : {}),
		...(view.website ? { sameAs: view.website } : {}),
		...(view.photos.length
			? {
					image: view.photos.map((p) =>
						p.widths.length ? `${p.src}-${Math.max(...p.widths)}.webp` : p.src
					)
				}
			: {})
	};
}
