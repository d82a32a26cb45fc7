/**
 * Every time in this app is an Asia/Shanghai wall-clock time, whatever the device's zone.
 * China has had no daylight saving since 1991, so Shanghai is always UTC+08:00 and a wall-clock
 * string converts to an instant with a fixed offset, no time-zone database needed.
 */
export const shanghaiZone = 'Asia/Shanghai';
export const shanghaiOffsetMinutes = 8 * 60;

export type LocalDate = string;
export type LocalDateTime = string;

/** The instant of a Shanghai wall-clock time. */
export function shanghaiToInstant(wallClock: LocalDateTime | LocalDate): Date {
	const [date, time = '00:00'] = wallClock.split('T');
	const [y, m, d] = date.split('-').map(Number);
	const [hh, mm] = time.split(':').map(Number);
	return new Date(Date.UTC(y, m - 1, d, hh, mm) - shanghaiOffsetMinutes * 60_000);
}

/** The Shanghai wall-clock time of an instant, `YYYY-MM-DDTHH:mm`. */
export function instantToShanghai(instant: Date): LocalDateTime {
	return new Date(instant.getTime() + shanghaiOffsetMinutes * 60_000).toISOString().slice(0, 16);
}

/** Today's date in Shanghai. */
export function shanghaiToday(now: Date = new Date()): LocalDate {
	return instantToShanghai(now).slice(0, 10);
}

/** `date` plus `days` days, as a calendar date. */
export function addDays(date: LocalDate, days: number): LocalDate {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Day of the week of a calendar date, 0 = Sunday … 6 = Saturday. */
export function weekday(date: LocalDate): number {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** Minutes between two wall-clock times (b − a). */
export function minutesBetween(a: LocalDateTime, b: LocalDateTime): number {
	return (shanghaiToInstant(b).getTime() - shanghaiToInstant(a).getTime()) / 60_000;
}

/** Wall-clock time plus minutes. */
export function addMinutes(t: LocalDateTime, minutes: number): LocalDateTime {
	return instantToShanghai(new Date(shanghaiToInstant(t).getTime() + minutes * 60_000));
}
