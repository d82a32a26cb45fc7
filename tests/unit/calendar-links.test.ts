import { describe, expect, it } from 'vitest';
import { calendarPath } from '$lib/content/calendar-links';

describe('a calendar address', () => {
	it('carries the chosen reminder after the subject and the language', () => {
		expect(calendarPath({ festival: 'spring-lantern-fair' }, 'en', 30)).toBe(
			'/api/v1/events.ics?festival=spring-lantern-fair&lang=en&alarm=30'
		);
		expect(calendarPath({ event: 'a b' }, 'zh', 10)).toBe(
			'/api/v1/events.ics?event=a%20b&alarm=10'
		);
	});

	it('has no reminder when none is chosen, and says off when the visitor turned it off', () => {
		expect(calendarPath({ festival: 'f' }, 'zh')).toBe('/api/v1/events.ics?festival=f');
		expect(calendarPath({ event: 'e' }, 'zh', 'off')).toBe('/api/v1/events.ics?event=e&alarm=off');
	});

	it('carries the chosen reminder on a plan’s calendar too', () => {
		expect(calendarPath({ plan: 'CODE' }, 'en', 60)).toBe(
			'/api/v1/plan.ics?plan=CODE&lang=en&alarm=60'
		);
	});
});
