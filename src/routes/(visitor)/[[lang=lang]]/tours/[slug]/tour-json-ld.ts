import type { TourView } from '$lib/content/views/tour';
import { htmlLang, localizedPath } from '$lib/i18n/paths';
import type { Language } from '$lib/content/localized';

/** schema.org TouristTrip (https://schema.org/TouristTrip): the stops as an ordered ItemList of places. */
export function tourJsonLd(view: TourView, origin: string, lang: Language) {
	const { tour, stops } = view;
	return {
		'@context': 'https://schema.org',
		'@type': 'TouristTrip',
		name: tour.name,
		description: tour.description,
		touristType: tour.theme,
		inLanguage: htmlLang(lang),
		url: origin + localizedPath(`/tours/${tour.slug}`, lang),
		itinerary: {
			'@type': 'ItemList',
			numberOfItems: stops.length,
			itemListOrder: 'https://schema.org/ItemListOrderAscending',
			itemListElement: stops.map((stop) => ({
				'@type': 'ListItem',
				position: stop.number,
				item: {
					'@type': stop.venue ? 'TouristAttraction' : 'Place',
					name: stop.name,
					...(stop.venue && {
						url: origin + localizedPath(`/venues/${stop.venue.slug}`, lang)
					}),
					geo: {
						'@type': 'GeoCoordinates',
						latitude: stop.position.lat,
						longitude: stop.position.lon
					}
				}
			}))
		}
	};
}
