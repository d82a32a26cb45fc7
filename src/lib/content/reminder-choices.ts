/**
 * Lead times a visitor may choose for a reminder, in minutes before a start: the same few
 * everywhere (calendar feed, festival subscription, saved events), so a reminder means the same
 * thing on every route. Kept apart from the ICS writer so a page can offer them without loading it.
 */
export const alarmChoices = [10, 30, 60] as const;

export type AlarmChoice = (typeof alarmChoices)[number];

/** A lead time in minutes before the start; 0 is off. */
export type LeadTime = 0 | AlarmChoice;

/** The lead time a saved event or planned stop gets until the visitor chooses one. */
export const defaultLeadTime: LeadTime = 30;
