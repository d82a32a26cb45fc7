import { pathLengthM } from '$lib/content/geo';
import { defaultRadiusM, tourModes, type Tour, type TourInput } from '$lib/content/schemas';
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
	textInput,
	textValue,
	type LocalizedValue
} from './values';

export interface StopValues {
	/** A stop is a venue, or a free point with its own name and position. */
	kind: 'venue' | 'point';
	venueId: string;
	pointName: LocalizedValue;
	lat: string;
	lon: string;
	stayMinutes: string;
	note: LocalizedValue;
	/** Metres: how close a visitor comes before the stop counts as reached. */
	radiusM: string;
	/** Recordings move with their stop when stops are reordered. */
	narration: RecordingValue[];
}

/** The tour form, named by the schema's paths like every console form (see event.ts). */
export interface TourFormValues {
	slug: string;
	status: string;
	name: LocalizedValue;
	theme: LocalizedValue;
	summary: LocalizedValue;
	description: LocalizedValue;
	modes: string[];
	stops: StopValues[];
	/** The drawn path's [lon, lat] pairs as JSON (GeoJSON order). */
	path: string;
	durationMinutes: string;
	featured: boolean;
	sample: boolean;
}

export const emptyStop = (): StopValues => ({
	kind: 'venue',
	venueId: '',
	pointName: emptyText(),
	lat: '',
	lon: '',
	stayMinutes: '30',
	note: emptyText(),
	radiusM: String(defaultRadiusM),
	narration: []
});

export function newTourValues(): TourFormValues {
	return {
		slug: '',
		status: 'draft',
		name: emptyText(),
		theme: emptyText(),
		summary: emptyText(),
		description: emptyText(),
		modes: ['walk'],
		stops: [emptyStop(), emptyStop()],
		path: '[]',
		durationMinutes: '120',
		featured: false,
		sample: false
	};
}

export function tourValues(tour: Tour): TourFormValues {
	return {
		slug: tour.slug,
		status: tour.status,
		name: textValue(tour.name),
		theme: textValue(tour.theme),
		summary: textValue(tour.summary),
		description: textValue(tour.description),
		modes: [...tour.modes],
		stops: tour.stops.map((stop) => ({
			kind: stop.venueId ? 'venue' : 'point',
			venueId: stop.venueId ?? '',
			pointName: textValue(stop.point?.name),
			lat: stop.point ? String(stop.point.position.lat) : '',
			lon: stop.point ? String(stop.point.position.lon) : '',
			stayMinutes: String(stop.stayMinutes),
			note: textValue(stop.note),
			radiusM: String(stop.radiusM),
			narration: recordingValues(stop.narration)
		})),
		path: JSON.stringify(tour.path.coordinates),
		durationMinutes: String(tour.durationMinutes),
		featured: tour.featured,
		sample: tour.sample
	};
}

export function tourValuesFrom(form: FormData): TourFormValues {
	const indexes = [
		...new Set(
			[...form.keys()]
				.map((key) => /^stops\.(\d+)\./.exec(key)?.[1])
				.filter((i): i is string => i !== undefined)
				.map(Number)
		)
	].sort((a, b) => a - b);
	return {
		slug: str(form, 'slug').trim(),
		status: str(form, 'status'),
		name: localizedFrom(form, 'name'),
		theme: localizedFrom(form, 'theme'),
		summary: localizedFrom(form, 'summary'),
		description: localizedFrom(form, 'description'),
		modes: all(form, 'modes').filter((m) => (tourModes as readonly string[]).includes(m)),
		stops: indexes.map((i) => ({
			kind: str(form, `stops.${i}.kind`) === 'point' ? 'point' : 'venue',
			venueId: str(form, `stops.${i}.venueId`),
			pointName: localizedFrom(form, `stops.${i}.point.name`),
			lat: str(form, `stops.${i}.point.position.lat`),
			lon: str(form, `stops.${i}.point.position.lon`),
			stayMinutes: str(form, `stops.${i}.stayMinutes`),
			note: localizedFrom(form, `stops.${i}.note`),
			radiusM: str(form, `stops.${i}.radiusM`),
			narration: recordingValuesFrom(form, `stops.${i}.narration`)
		})),
		path: str(form, 'path'),
		durationMinutes: str(form, 'durationMinutes'),
		featured: checked(form, 'featured'),
		sample: checked(form, 'sample')
	};
}

function parsePath(text: string): [number, number][] | undefined {
	try {
		const value: unknown = JSON.parse(text || '[]');
		return Array.isArray(value) ? (value as [number, number][]) : undefined;
	} catch {
		return undefined;
	}
}

/** The schema input; the distance is always measured from the path, never typed. */
export function tourInputOf(
	values: TourFormValues,
	base: Partial<Tour> = {}
): { input: Omit<TourInput, 'id'> & { id?: string }; problems: FieldProblem[] } {
	const problems: FieldProblem[] = [];
	const coordinates = parsePath(values.path);
	if (!coordinates) problems.push({ path: 'path', message: 'Invalid input' });
	const path = { type: 'LineString' as const, coordinates: coordinates ?? [] };
	// A path the schema will refuse (fewer than two points, bad numbers) measures as nothing.
	const measured = coordinates && coordinates.length > 1 ? pathLengthM(path) : 0;
	const distanceM = Number.isFinite(measured) ? Math.round(measured) : 0;
	const recordings = (base.stops ?? []).flatMap((stop) => stop.narration ?? []);
	return {
		problems,
		input: {
			...(base.id ? { id: base.id } : {}),
			...(base.image ? { image: base.image } : {}),
			slug: values.slug || slugFrom(values.name.en) || '',
			status: values.status as TourInput['status'],
			name: textInput(values.name),
			theme: textInput(values.theme),
			summary: textInput(values.summary),
			description: textInput(values.description),
			modes: values.modes as TourInput['modes'],
			stops: values.stops.map((stop) => ({
				...(stop.kind === 'venue'
					? { venueId: stop.venueId || undefined }
					: {
							point: {
								name: textInput(stop.pointName),
								position: { lat: numberInput(stop.lat), lon: numberInput(stop.lon) }
							}
						}),
				stayMinutes: numberInput(stop.stayMinutes),
				note: optionalTextInput(stop.note),
				// Empty is the default radius; anything else the schema bounds.
				radiusM: numberInput(stop.radiusM),
				narration: recordingInput(stop.narration, recordings)
			})) as TourInput['stops'],
			path,
			distanceM,
			durationMinutes: numberInput(values.durationMinutes) as number,
			featured: values.featured,
			sample: values.sample
		}
	};
}
