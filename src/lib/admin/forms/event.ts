import type { Event, EventInput } from '$lib/content/schemas';
import type { FieldProblem } from '$lib/content/validation';
import { recurrenceRule } from '$lib/content/recurrence';
import {
	choiceOf,
	previewStarts,
	ruleOf,
	weekdayCodes,
	type RepeatChoice,
	type WeekdayCode
} from '../recurrence-builder';
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

/**
 * The event form as the editor sees it: strings, booleans and lists, kept verbatim so a refused
 * save shows exactly what was typed. Input names are the schema's paths (`title.zh`,
 * `price.text.en`), so every problem the schema reports lands next to its own field.
 */
export interface EventFormValues {
	slug: string;
	title: LocalizedValue;
	summary: LocalizedValue;
	description: LocalizedValue;
	category: string;
	venueId: string;
	lat: string;
	lon: string;
	festivalId: string;
	start: string;
	end: string;
	allDay: boolean;
	repeat: RepeatChoice;
	exdates: string[];
	status: string;
	statusReason: LocalizedValue;
	previousStart: string;
	free: boolean;
	priceText: LocalizedValue;
	amountCny: string;
	bookingUrl: string;
	tags: string;
	sample: boolean;
}

/** A new event: tomorrow evening, a draft. */
export function newEventValues(tomorrow: string): EventFormValues {
	return {
		slug: '',
		title: emptyText(),
		summary: emptyText(),
		description: emptyText(),
		category: 'performance',
		venueId: '',
		lat: '',
		lon: '',
		festivalId: '',
		start: `${tomorrow}T19:30`,
		end: `${tomorrow}T21:00`,
		allDay: false,
		repeat: choiceOf(undefined),
		exdates: [],
		status: 'draft',
		statusReason: emptyText(),
		previousStart: '',
		free: true,
		priceText: emptyText(),
		amountCny: '',
		bookingUrl: '',
		tags: '',
		sample: false
	};
}

export function eventValues(event: Event): EventFormValues {
	return {
		slug: event.slug,
		title: textValue(event.title),
		summary: textValue(event.summary),
		description: textValue(event.description),
		category: event.category,
		venueId: event.venueId ?? '',
		lat: event.position ? String(event.position.lat) : '',
		lon: event.position ? String(event.position.lon) : '',
		festivalId: event.festivalId ?? '',
		start: event.start,
		end: event.end,
		allDay: event.allDay,
		repeat: choiceOf(event.rrule),
		exdates: [...event.exdates],
		status: event.status,
		statusReason: textValue(event.statusReason),
		previousStart: event.previousStart ?? '',
		free: event.price.free,
		priceText: textValue(event.price.free ? undefined : event.price.text),
		amountCny:
			!event.price.free && event.price.amountCny !== undefined ? String(event.price.amountCny) : '',
		bookingUrl: event.bookingUrl ?? '',
		tags: event.tags.join(', '),
		sample: event.sample
	};
}

export function eventValuesFrom(form: FormData): EventFormValues {
	return {
		slug: str(form, 'slug').trim(),
		title: localizedFrom(form, 'title'),
		summary: localizedFrom(form, 'summary'),
		description: localizedFrom(form, 'description'),
		category: str(form, 'category'),
		venueId: str(form, 'venueId'),
		lat: str(form, 'position.lat'),
		lon: str(form, 'position.lon'),
		festivalId: str(form, 'festivalId'),
		start: str(form, 'start'),
		end: str(form, 'end'),
		allDay: checked(form, 'allDay'),
		repeat: {
			repeat:
				(['none', 'weekly', 'custom'] as const).find((r) => r === str(form, 'repeat')) ?? 'none',
			days: all(form, 'repeat.days').filter((d): d is WeekdayCode =>
				(weekdayCodes as readonly string[]).includes(d)
			),
			ends:
				(['count', 'until', 'never'] as const).find((e) => e === str(form, 'repeat.ends')) ??
				'count',
			count: str(form, 'repeat.count'),
			until: str(form, 'repeat.until'),
			custom: str(form, 'rrule')
		},
		exdates: all(form, 'exdates'),
		status: str(form, 'status'),
		statusReason: localizedFrom(form, 'statusReason'),
		previousStart: str(form, 'previousStart'),
		free: checked(form, 'price.free'),
		priceText: localizedFrom(form, 'price.text'),
		amountCny: str(form, 'price.amountCny'),
		bookingUrl: str(form, 'bookingUrl'),
		tags: str(form, 'tags'),
		sample: checked(form, 'sample')
	};
}

/**
 * The schema's input for the form, plus problems only the form can have (an unreadable
 * recurrence choice). The schema then checks everything else; `base` keeps stored fields the form
 * does not edit (the image).
 */
export function eventInputOf(
	values: EventFormValues,
	base: Partial<Event> = {}
): { input: Omit<EventInput, 'id'> & { id?: string }; problems: FieldProblem[] } {
	const problems: FieldProblem[] = [];
	const rule = ruleOf(values.repeat, values.start);
	if ('problem' in rule) problems.push({ path: 'rrule', message: rule.problem });
	const rrule = 'rule' in rule ? rule.rule : undefined;
	// A rule the schema would refuse is refused here, before the version is compared: a stale
	// page's save must say what is wrong with its rule, not only that someone else saved meanwhile.
	const ruleChecked = rrule === undefined ? undefined : recurrenceRule.safeParse(rrule);
	for (const issue of ruleChecked?.error?.issues ?? []) {
		problems.push({ path: 'rrule', message: issue.message });
	}
	// A cancelled date that is no longer an occurrence of the rule would cancel nothing.
	const starts = new Set(previewStarts(values.start, values.end, rrule));
	const lat = numberInput(values.lat);
	const lon = numberInput(values.lon);
	const input = {
		...(base.id ? { id: base.id } : {}),
		...(base.image ? { image: base.image } : {}),
		slug:
			values.slug || slugFrom(values.title.en) || slugFrom(`event ${values.start.slice(0, 10)}`),
		status: values.status as EventInput['status'],
		statusReason: optionalTextInput(values.statusReason),
		title: textInput(values.title),
		summary: textInput(values.summary),
		description: textInput(values.description),
		venueId: values.venueId || undefined,
		position:
			lat !== undefined || lon !== undefined
				? ({ lat, lon } as { lat: number; lon: number })
				: undefined,
		festivalId: values.festivalId || undefined,
		start: values.start,
		end: values.end,
		allDay: values.allDay,
		rrule,
		exdates: rrule ? values.exdates.filter((d) => starts.has(d)).sort() : [],
		previousStart:
			values.status === 'postponed' && values.previousStart ? values.previousStart : undefined,
		category: values.category as EventInput['category'],
		price: values.free
			? { free: true as const }
			: {
					free: false as const,
					text: textInput(values.priceText),
					amountCny: numberInput(values.amountCny) as number | undefined
				},
		bookingUrl: values.bookingUrl.trim() || undefined,
		tags: tagsInput(values.tags),
		sample: values.sample
	};
	return { input, problems };
}
