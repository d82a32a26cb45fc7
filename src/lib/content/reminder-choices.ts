/**
 * Lead times a visitor may choose for a reminder, in minutes before a start: the same few
 * everywhere (calendar feed, festival subscription, saved events), so a reminder means the same
 * thing on every route. Kept apart from the ICS writer so a page can offer them without loading it.
 */
export const alarmChoices = [10, 30, 60] as const;

export type AlarmChoice = (typeof alarmChoices)[number];
