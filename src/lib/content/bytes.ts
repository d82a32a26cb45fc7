import type { Language } from '$lib/content/localized';

/** A storage size for people: kB below a megabyte, then MB, then GB (decimal units, as phones show). */
export function formatBytes(bytes: number, lang: Language): string {
	const [unit, divisor, digits] =
		bytes >= 1e9
			? (['gigabyte', 1e9, 1] as const)
			: bytes >= 1e6
				? (['megabyte', 1e6, 1] as const)
				: (['kilobyte', 1e3, 0] as const);
	return new Intl.NumberFormat(lang === 'en' ? 'en' : 'zh-CN', {
		style: 'unit',
		unit,
		maximumFractionDigits: digits
	}).format(bytes / divisor);
}
