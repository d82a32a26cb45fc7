import { facilities, type Venue, type VenueInput } from '$lib/content/schemas';
import type { FieldProblem } from '$lib/content/validation';
import {
	recordingInput,
	recordingValues,
	recordingValuesFrom,
	type RecordingValue
} from './narration';
import {
	all,
	checked,
	emptyText,
	localizedFrom,
	numberInput,
	optionalTextInput,
	slugFrom,
	str,
	tagsInput,
	textInput,
	textValue,
	type LocalizedValue
} from './values';

/** The venue form, named by the schema's paths like every console form (see event.ts). */
export interface VenueFormValues {
	slug: string;
	status: string;
	kind: string;
	name: LocalizedValue;
	summary: LocalizedValue;
	description: LocalizedValue;
	lat: string;
	lon: string;
	positionApproximate: boolean;
	address: LocalizedValue;
	openingHours: string;
	hoursNote: LocalizedValue;
	/** none: no price shown; free; paid with a text. */
	price: 'none' | 'free' | 'paid';
	priceText: LocalizedValue;
	amountCny: string;
	phone: string;
	website: string;
	facilities: string[];
	accessibility: LocalizedValue;
	visitMinutes: string;
	tags: string;
	sample: boolean;
	/** Recordings uploaded on the page; their transcripts are edited here. */
	narration: RecordingValue[];
}

export function newVenueValues(): VenueFormValues {
	return {
		slug: '',
		status: 'draft',
		kind: 'scenic_area',
		name: emptyText(),
		summary: emptyText(),
		description: emptyText(),
		lat: '',
		lon: '',
		positionApproximate: false,
		address: emptyText(),
		openingHours: '',
		hoursNote: emptyText(),
		price: 'none',
		priceText: emptyText(),
		amountCny: '',
		phone: '',
		website: '',
		facilities: [],
		accessibility: emptyText(),
		visitMinutes: '',
		tags: '',
		sample: false,
		narration: []
	};
}

export function venueValues(venue: Venue): VenueFormValues {
	const price = venue.price;
	return {
		slug: venue.slug,
		status: venue.status,
		kind: venue.kind,
		name: textValue(venue.name),
		summary: textValue(venue.summary),
		description: textValue(venue.description),
		lat: String(venue.position.lat),
		lon: String(venue.position.lon),
		positionApproximate: venue.positionApproximate,
		address: textValue(venue.address),
		openingHours: venue.openingHours ?? '',
		hoursNote: textValue(venue.hoursNote),
		price: !price ? 'none' : price.free ? 'free' : 'paid',
		priceText: textValue(price && !price.free ? price.text : undefined),
		amountCny: price && !price.free && price.amountCny !== undefined ? String(price.amountCny) : '',
		phone: venue.phone ?? '',
		website: venue.website ?? '',
		facilities: [...venue.facilities],
		accessibility: textValue(venue.accessibility),
		visitMinutes: venue.visitMinutes !== undefined ? String(venue.visitMinutes) : '',
		tags: venue.tags.join(', '),
		sample: venue.sample,
		narration: recordingValues(venue.narration)
	};
}

export function venueValuesFrom(form: FormData): VenueFormValues {
	const price = str(form, 'price');
	return {
		slug: str(form, 'slug').trim(),
		status: str(form, 'status'),
		kind: str(form, 'kind'),
		name: localizedFrom(form, 'name'),
		summary: localizedFrom(form, 'summary'),
		description: localizedFrom(form, 'description'),
		lat: str(form, 'position.lat'),
		lon: str(form, 'position.lon'),
		positionApproximate: checked(form, 'positionApproximate'),
		address: localizedFrom(form, 'address'),
		openingHours: str(form, 'openingHours'),
		hoursNote: localizedFrom(form, 'hoursNote'),
		price: price === 'free' || price === 'paid' ? price : 'none',
		priceText: localizedFrom(form, 'price.text'),
		amountCny: str(form, 'price.amountCny'),
		phone: str(form, 'phone'),
		website: str(form, 'website'),
		facilities: all(form, 'facilities').filter((f) =>
			(facilities as readonly string[]).includes(f)
		),
		accessibility: localizedFrom(form, 'accessibility'),
		visitMinutes: str(form, 'visitMinutes'),
		tags: str(form, 'tags'),
		sample: checked(form, 'sample'),
		narration: recordingValuesFrom(form, 'narration')
	};
}

export function venueInputOf(
	values: VenueFormValues,
	base: Partial<Venue> = {}
): { input: Omit<VenueInput, 'id'> & { id?: string }; problems: FieldProblem[] } {
	return {
		problems: [],
		input: {
			...(base.id ? { id: base.id } : {}),
			photos: base.photos ?? [],
			narration: recordingInput(values.narration, base.narration ?? []),
			slug: values.slug || slugFrom(values.name.en) || '',
			status: values.status as VenueInput['status'],
			kind: values.kind as VenueInput['kind'],
			name: textInput(values.name),
			summary: textInput(values.summary),
			description: textInput(values.description),
			position: {
				lat: numberInput(values.lat),
				lon: numberInput(values.lon)
			} as VenueInput['position'],
			positionApproximate: values.positionApproximate,
			address: textInput(values.address),
			openingHours: values.openingHours.trim() || undefined,
			hoursNote: optionalTextInput(values.hoursNote),
			price:
				values.price === 'none'
					? undefined
					: values.price === 'free'
						? { free: true as const }
						: {
								free: false as const,
								text: textInput(values.priceText),
								amountCny: numberInput(values.amountCny) as number | undefined
							},
			phone: values.phone.trim() || undefined,
			website: values.website.trim() || undefined,
			facilities: values.facilities as VenueInput['facilities'],
			accessibility: optionalTextInput(values.accessibility),
			visitMinutes: numberInput(values.visitMinutes) as number | undefined,
			tags: tagsInput(values.tags),
			sample: values.sample
		}
	};
}
