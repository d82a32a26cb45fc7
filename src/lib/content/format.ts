import type { Language } from './localized';
import {
	shanghaiToday,
	shanghaiToInstant,
	shanghaiZone,
	weekday,
	type LocalDate,
	type LocalDateTime
} from './time';

/**
 * Dates, times and numbers for people, always in Asia/Shanghai whatever the device's zone.
 * Formatters are cached: constructing Intl objects is the expensive part.
 */
const cache = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Language, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = lang + JSON.stringify(options);
	let f = cache.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'zh-CN', {
			timeZone: shanghaiZone,
			...options
		});
		cache.set(key, f);
	}
	return f;
}

/** 19:30 */
export function formatTime(t: LocalDateTime): string {
	return t.slice(11, 16);
}

/**
 * Dates are written the way each language writes them, not the way one locale's Intl happens to:
 * Chinese always with 月 and 日 (`12月5日`, never `12/5`) and the year in front when it is not this
 * year (`2027年2月5日`); English day-first in one order (`Sat 5 Dec`, `Mon 7 December 2026`).
 * Names of weekdays and months come from Intl; the order is ours.
 */
const zhWeekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const zhWeekdaysLong = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];

function parts(d: LocalDate | LocalDateTime) {
	const date = d.slice(0, 10);
	return {
		date,
		y: Number(date.slice(0, 4)),
		m: Number(date.slice(5, 7)),
		day: Number(date.slice(8, 10))
	};
}

const thisYear = (now?: Date) => Number(shanghaiToday(now).slice(0, 4));

function enMonth(date: LocalDate, style: 'short' | 'long'): string {
	return formatter('en', { month: style }).format(shanghaiToInstant(date));
}

/** `12月5日` or `2027年2月5日`; `5 Dec` or `5 Dec 2027` (the year only when it is not this year). */
function dayMonth(d: LocalDate, lang: Language, style: 'short' | 'long', now?: Date): string {
	const { y, m, day } = parts(d);
	const showYear = y !== thisYear(now);
	if (lang === 'zh') return `${showYear ? `${y}年` : ''}${m}月${day}日`;
	return `${day} ${enMonth(d, style)}${showYear ? ` ${y}` : ''}`;
}

/** 周六 / Sat (or 星期六 / Saturday). */
export function formatWeekday(
	d: LocalDate | LocalDateTime,
	lang: Language,
	style: 'short' | 'long' = 'short'
): string {
	const date = d.slice(0, 10);
	if (lang === 'zh') return (style === 'long' ? zhWeekdaysLong : zhWeekdays)[weekday(date)];
	return formatter('en', { weekday: style }).format(shanghaiToInstant(date));
}

/** 12月5日 周六 / Sat 5 Dec, with the year when it is not this year. */
export function formatDay(d: LocalDate | LocalDateTime, lang: Language, now?: Date): string {
	const date = d.slice(0, 10);
	const day = dayMonth(date, lang, 'short', now);
	return lang === 'zh'
		? `${day} ${formatWeekday(date, lang)}`
		: `${formatWeekday(date, lang)} ${day}`;
}

/** 2026年12月5日 / 5 December 2026: always with the year. */
export function formatLongDate(d: LocalDate | LocalDateTime, lang: Language): string {
	const { y, m, day, date } = parts(d);
	return lang === 'zh' ? `${y}年${m}月${day}日` : `${day} ${enMonth(date, 'long')} ${y}`;
}

/** 2026年12月7日 星期一 / Mon 7 December 2026: one day in full. */
export function formatFullDate(d: LocalDate | LocalDateTime, lang: Language): string {
	const date = d.slice(0, 10);
	return lang === 'zh'
		? `${formatLongDate(date, lang)} ${formatWeekday(date, lang, 'long')}`
		: `${formatWeekday(date, lang)} ${formatLongDate(date, lang)}`;
}

/**
 * 2月5日 – 4月6日 / 5 Feb – 6 Apr; the year written once when it is not this year
 * (2027年2月5日 – 4月6日 / 5 Feb – 6 Apr 2027), and at both ends when the range crosses one.
 */
export function formatDateRange(
	from: LocalDate,
	to: LocalDate,
	lang: Language,
	now?: Date
): string {
	const a = parts(from);
	const b = parts(to);
	if (a.date === b.date) return dayMonth(from, lang, 'short', now);
	if (a.y !== b.y) {
		if (lang === 'zh') return `${a.y}年${a.m}月${a.day}日 – ${b.y}年${b.m}月${b.day}日`;
		return `${a.day} ${enMonth(from, 'short')} ${a.y} – ${b.day} ${enMonth(to, 'short')} ${b.y}`;
	}
	const year = a.y !== thisYear(now) ? a.y : undefined;
	if (lang === 'zh') {
		const end = a.m === b.m ? `${b.day}日` : `${b.m}月${b.day}日`;
		return `${year ? `${year}年` : ''}${a.m}月${a.day}日 – ${end}`;
	}
	const start = a.m === b.m ? `${a.day}` : `${a.day} ${enMonth(from, 'short')}`;
	return `${start} – ${b.day} ${enMonth(to, 'short')}${year ? ` ${year}` : ''}`;
}

/** 12月5日 19:30 / 5 Dec 19:30 */
export function formatDayTime(t: LocalDateTime, lang: Language): string {
	return `${formatDay(t, lang)} ${formatTime(t)}`;
}

/** 1.2 公里 / 1.2 km, or metres under one kilometre. */
export function formatDistance(metres: number, lang: Language): string {
	if (metres < 1000) return lang === 'en' ? `${Math.round(metres)} m` : `${Math.round(metres)} 米`;
	// One decimal with a point is how both languages write it; Intl.NumberFormat would say the
	// same but costs a phone tens of milliseconds to create on first use, on every tour page.
	const km = String(Math.round(metres / 100) / 10);
	return lang === 'en' ? `${km} km` : `${km} 公里`;
}

/** 2 小时 30 分钟 / 2 h 30 min */
export function formatDuration(minutes: number, lang: Language): string {
	const h = Math.floor(minutes / 60);
	const m = Math.round(minutes % 60);
	if (lang === 'en') return h ? (m ? `${h} h ${m} min` : `${h} h`) : `${m} min`;
	return h ? (m ? `${h} 小时 ${m} 分钟` : `${h} 小时`) : `${m} 分钟`;
}

/** A position or length of audio as a player shows it: `m:ss`, or `h:mm:ss` past an hour. */
export function formatClock(seconds: number): string {
	const s = Math.max(0, Math.floor(Number.isFinite(seconds) ? seconds : 0));
	const two = (n: number) => String(n).padStart(2, '0');
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	return h ? `${h}:${two(m)}:${two(s % 60)}` : `${m}:${two(s % 60)}`;
}
