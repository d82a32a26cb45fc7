import type { Festival, FestivalInput } from '$lib/content/schemas';
import type { FieldProblem } from '$lib/content/validation';
import {
	checked,
	emptyText,
	localizedFrom,
	slugFrom,
	str,
	textInput,
	textValue,
	type LocalizedValue
} from './values';

/** The festival form, named by the schema's paths like every console form (see event.ts). */
export interface FestivalFormValues {
	slug: string;
	status: string;
	name: LocalizedValue;
	summary: LocalizedValue;
	description: LocalizedValue;
	startDate: string;
	endDate: string;
	sample: boolean;
}

export function newFestivalValues(today: string): FestivalFormValues {
	return {
		slug: '',
		status: 'draft',
		name: emptyText(),
		summary: emptyText(),
		description: emptyText(),
		startDate: today,
		endDate: today,
		sample: false
	};
}

export function festivalValues(festival: Festival): FestivalFormValues {
	return {
		slug: festival.slug,
		status: festival.status,
		name: textValue(festival.name),
		summary: textValue(festival.summary),
		description: textValue(festival.description),
		startDate: festival.startDate,
		endDate: festival.endDate,
		sample: festival.sample
	};
}

export function festivalValuesFrom(form: FormData): FestivalFormValues {
	return {
		slug: str(form, 'slug').trim(),
		status: str(form, 'status'),
		name: localizedFrom(form, 'name'),
		summary: localizedFrom(form, 'summary'),
		description: localizedFrom(form, 'description'),
		startDate: str(form, 'startDate'),
		endDate: str(form, 'endDate'),
		sample: checked(form, 'sample')
	};
}

export function festivalInputOf(
	values: FestivalFormValues,
	base: Partial<Festival> = {}
): { input: Omit<FestivalInput, 'id'> & { id?: string }; problems: FieldProblem[] } {
	return {
		problems: [],
		input: {
			...(base.id ? { id: base.id } : {}),
			...(base.heroImage ? { heroImage: base.heroImage } : {}),
			slug: values.slug || slugFrom(values.name.en) || `festival-${values.startDate}`,
			status: values.status as FestivalInput['status'],
			name: textInput(values.name),
			summary: textInput(values.summary),
			description: textInput(values.description),
			startDate: values.startDate,
			endDate: values.endDate,
			sample: values.sample
		}
	};
}
