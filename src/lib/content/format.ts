import type { Language } from './localized';
import { shanghaiToInstant, shanghaiZone, type LocalDate, type LocalDateTime } from './time';

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

/** 12月5日周六 / Sat 5 Dec */
export function formatDay(d: LocalDate | LocalDateTime, lang: Language): string {
	return formatter(lang, { weekday: 'short', month: 'short', day: 'numeric' }).format(
		shanghaiToInstant(d.slice(0, 10))
	);
}

/** 周六 / Sat */
export function formatWeekday(
	d: LocalDate | LocalDateTime,
	lang: Language,
	style: 'short' | 'long' = 'short'
): string {
	return formatter(lang, { weekday: style }).format(shanghaiToInstant(d.slice(0, 10)));
}

/** 2026年12月5日 / 5 December 2026 */
export function formatLongDate(d: LocalDate | LocalDateTime, lang: Language): string {
	return formatter(lang, { year: 'numeric', month: 'long', day: 'numeric' }).format(
		shanghaiToInstant(d.slice(0, 10))
	);
}

/** 12月5日 – 1月2日 / 5 Dec – 2 Jan; with years when the range crosses one. */
export function formatDateRange(from: LocalDate, to: LocalDate, lang: Language): string {
	if (from.slice(0, 4) !== to.slice(0, 4)) {
		// Chinese formatRange falls back to 2026/11/21 across years; write both ends in full instead.
		const f = formatter(lang, {
			year: 'numeric',
			month: lang === 'en' ? 'short' : 'long',
			day: 'numeric'
		});
		return `${f.format(shanghaiToInstant(from))} – ${f.format(shanghaiToInstant(to))}`;
	}
	return formatter(lang, { month: 'short', day: 'numeric' }).formatRange(
		shanghaiToInstant(from),
		shanghaiToInstant(to)
	);
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
