import { afterEach, describe, expect, it } from 'vitest';
import { openingHoursProblem } from '$lib/admin/opening-hours-problem';
import { problemText } from '$lib/admin/problem-text';
import { parseOpeningHours } from '$lib/content/opening-hours-rule';
import { venueInput } from '$lib/content/schemas';
import { setLanguage } from '$lib/i18n/locale.svelte';
import { dateTimeCellProblem } from '$lib/server/editing/cell-problems';

function libraryMessage(rule: string): string {
	const parsed = parseOpeningHours(rule);
	if (typeof parsed !== 'string') throw new Error(`${rule} is valid`);
	return parsed;
}

afterEach(() => setLanguage('zh'));

describe('an opening-hours problem in the console', () => {
	it('names the Chinese word at fault and its position, in Chinese, with an example', () => {
		setLanguage('zh');
		const text = openingHoursProblem(libraryMessage('08:00-18:00 周一闭馆'));
		expect(text).toContain('第 13 个字符处的“周一”无法识别');
		expect(text).toContain('星期请用英文缩写 Mo Tu We Th Fr Sa Su');
		expect(text).toContain('正确写法示例：Tu-Su 09:00-17:30');
		expect(text).not.toMatch(/Unexpected token|This means/);
	});

	it('says the same in English in the English console', () => {
		setLanguage('en');
		const text = openingHoursProblem(libraryMessage('08:00-18:00 周一闭馆'));
		expect(text).toBe(
			'“周一” at character 13 is not understood. Write weekdays as Mo Tu We Th Fr Sa Su and closed days as “off”. For example: Tu-Su 09:00-17:30; Mo off; PH 09:00-17:00'
		);
	});

	it('says a time with 99 minutes is not a time', () => {
		setLanguage('en');
		expect(openingHoursProblem(libraryMessage('Mo-Fr 25:99-26:00'))).toMatch(
			/^“25:99” at character 7 is not a time/
		);
	});

	it('says a time range that stops half way is not finished', () => {
		setLanguage('zh');
		expect(openingHoursProblem(libraryMessage('Mo-Fr 09:00-'))).toMatch(/时间段“09:00-”没有写完/);
	});

	it('says a rule too long to read is too long, in the console’s language', () => {
		setLanguage('zh');
		expect(openingHoursProblem(libraryMessage('Mo-Fr 09:00-17:00; '.repeat(40)))).toBe(
			'太长了（最多 500 个字符）'
		);
	});

	it('reaches the venue form through the schema’s message', () => {
		setLanguage('zh');
		const result = venueInput.safeParse({ openingHours: 'Mo-Fr 09:00-17:00 周末休息' });
		const issue = result.error!.issues.find((i) => i.path[0] === 'openingHours')!;
		const text = problemText(issue.message);
		expect(text).toMatch(/^开放时间：第 \d+ 个字符处的“周末”无法识别。/);
		expect(text).not.toContain('<---');
	});
});

describe('an imported time that is not a time, in the console', () => {
	it('says 25:99 is not a time, in Chinese and in English', () => {
		const message = dateTimeCellProblem('2027-02-10 25:99')!;
		setLanguage('zh');
		expect(problemText(message)).toBe('“25:99”不是有效的时间：小时为 00–23，分钟为 00–59');
		setLanguage('en');
		expect(problemText(message)).toBe(
			'“25:99” is not a time: hours go from 00 to 23 and minutes from 00 to 59'
		);
	});

	it('says 30 February is not a date, and a sentence is not written as a date and time', () => {
		setLanguage('en');
		expect(problemText(dateTimeCellProblem('2027-02-30 10:00')!)).toBe(
			'“2027-02-30” is not a date in the calendar'
		);
		expect(problemText(dateTimeCellProblem('next Friday')!)).toMatch(
			/^“next Friday” is not written as YYYY-MM-DD HH:MM/
		);
	});

	it('finds nothing wrong with a real date and time', () => {
		expect(dateTimeCellProblem('2027-02-10 9:05')).toBeUndefined();
		expect(dateTimeCellProblem('2027-02-10T19:30')).toBeUndefined();
	});
});
