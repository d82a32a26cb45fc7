import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '$lib/admin/csv';
import {
	maxProgrammeRows,
	parseProgramme,
	programmeColumns,
	programmeTemplate
} from '$lib/server/editing/import-programme';
import { contentEditor } from '$lib/server/editing/content';
import { usersRepository, type User } from '$lib/server/auth/users';
import { auditRepository } from '$lib/server/audit/log';
import { currentRevision } from '$lib/server/content/revision';
import { seedIfEmpty } from '$lib/server/seed';
import type { Event, Festival, Venue } from '$lib/content/schemas';
import type { Store } from '$lib/server/store';
import { describeEachDialect } from '../helpers/store';

describeEachDialect((open) => {
	let store: Store;
	let user: User;
	let context: { festival: Festival; venues: Venue[]; existing: Event[] };

	beforeEach(async () => {
		store = await open();
		await seedIfEmpty(store, '2026-11-28');
		user = await usersRepository(store.db).create({
			email: 'importer@bureau.example',
			name: 'Importer',
			role: 'editor',
			password: 'importer passphrase'
		});
		context = {
			festival: (await store.festivals.listAll())[0],
			venues: await store.venues.listAll(),
			existing: await store.events.listAll()
		};
	});
	afterEach(async () => {
		await store.close();
	});

	const header = programmeColumns.join(',');
	const row = (cells: Partial<Record<(typeof programmeColumns)[number], string>>) =>
		programmeColumns.map((c) => cells[c] ?? '').join(',');
	const good = {
		title_zh: '开幕式',
		summary_zh: '灯会开幕。',
		venue: 'beihu-pavilion-square',
		start: '2027-02-10 19:00',
		end: '2027-02-10 20:30'
	};

	describe('CSV', () => {
		it('reads quotes, doubled quotes, commas and line breaks inside quotes, CRLF and a BOM', () => {
			const rows = parseCsv('\uFEFFa,b\r\n"x, ""y""","line\nbreak"\r\n\r\nlast,');
			expect(rows).toEqual([
				{ line: 1, cells: ['a', 'b'] },
				{ line: 2, cells: ['x, "y"', 'line\nbreak'] },
				{ line: 5, cells: ['last', ''] }
			]);
		});
	});

	describe('importing a festival programme', () => {
		it('offers a template with the exact columns whose example row is valid', () => {
			const parsed = parseProgramme(programmeTemplate(), context);
			expect(parsed.ok && parsed.rows.map((r) => r.problems)).toEqual([[]]);
			expect(parseCsv(programmeTemplate())[0].cells).toEqual([...programmeColumns]);
		});

		it('reads a calendar file too: times in China time, venues by name, repeats and cancelled dates', () => {
			const ics = [
				'BEGIN:VCALENDAR',
				'VERSION:2.0',
				'BEGIN:VEVENT',
				'UID:a@bureau',
				'SUMMARY:灯谜会',
				'DESCRIPTION:猜灯谜\\, 赢花灯。\\n第二段。',
				'LOCATION:济宁市图书馆',
				'DTSTART;TZID=Asia/Shanghai:20270210T190000',
				'DTEND;TZID=Asia/Shanghai:20270210T203000',
				'RRULE:FREQ=WEEKLY;COUNT=3',
				'EXDATE;TZID=Asia/Shanghai:20270217T190000',
				'CATEGORIES:灯谜,亲子',
				'END:VEVENT',
				'BEGIN:VEVENT',
				'SUMMARY:晨跑',
				'DESCRIPTION:沿湖慢跑',
				'LOCATION:Beihu Pavilion Square',
				'DTSTART:20270211T233000Z',
				'DTEND:20270212T003000Z',
				'END:VEVENT',
				'BEGIN:VEVENT',
				'SUMMARY:纽约时间',
				'DESCRIPTION:时区不对',
				'LOCATION:beihu-pavilion-square',
				'DTSTART;TZID=America/New_York:20270210T190000',
				'DTEND;TZID=America/New_York:20270210T200000',
				'END:VEVENT',
				'BEGIN:VEVENT',
				'SUMMARY:找不到场馆',
				'DESCRIPTION:简介',
				'LOCATION:月球剧场',
				'DTSTART:20270210T190000',
				'DTEND:20270210T200000',
				'END:VEVENT',
				'END:VCALENDAR'
			].join('\r\n');
			const parsed = parseProgramme(ics, context);
			if (!parsed.ok) throw new Error(parsed.problem);
			expect(parsed.rows.map((r) => r.problems.map((p) => `${p.path}: ${p.message}`))).toEqual([
				[],
				[],
				[
					'start: unsupported time zone America/New_York',
					'end: unsupported time zone America/New_York'
				],
				['venue: unknown venue']
			]);
			expect(parsed.rows[0].input).toMatchObject({
				title: { zh: '灯谜会' },
				summary: { zh: '猜灯谜, 赢花灯。' },
				description: { zh: '猜灯谜, 赢花灯。\n第二段。' },
				start: '2027-02-10T19:00',
				rrule: 'FREQ=WEEKLY;COUNT=3',
				exdates: ['2027-02-17T19:00'],
				tags: ['灯谜', '亲子']
			});
			// 23:30 UTC is 07:30 the next morning in Shanghai.
			expect(parsed.rows[1].input).toMatchObject({
				start: '2027-02-12T07:30',
				end: '2027-02-12T08:30'
			});
			expect(parseProgramme('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x', context)).toEqual({
				ok: false,
				problem: 'not a complete calendar'
			});
		});

		it('refuses a calendar event whose repeat rule would freeze the server, at the rule, and keeps the others', () => {
			const event = (uid: string, rule: string) => [
				'BEGIN:VEVENT',
				`UID:${uid}`,
				'SUMMARY:晨练',
				'DESCRIPTION:沿湖慢跑',
				'LOCATION:beihu-pavilion-square',
				'DTSTART;TZID=Asia/Shanghai:20270210T070000',
				'DTEND;TZID=Asia/Shanghai:20270210T080000',
				`RRULE:${rule}`,
				'END:VEVENT'
			];
			const ics = [
				'BEGIN:VCALENDAR',
				'VERSION:2.0',
				...event('bad@bureau', 'FREQ=DAILY;INTERVAL=-1;COUNT=3'),
				...event('never@bureau', 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'),
				...event('good@bureau', 'FREQ=DAILY;COUNT=3'),
				'END:VCALENDAR'
			].join('\r\n');
			const parsed = parseProgramme(ics, context);
			if (!parsed.ok) throw new Error(parsed.problem);
			expect(parsed.rows.map((r) => r.problems.map((p) => `${p.path}: ${p.message}`))).toEqual([
				['rrule: INTERVAL must be a whole number from 1 to 100'],
				['rrule: the rule yields no date in its first 10 years'],
				[]
			]);
		});

		it('reports every bad row with its problems by column and keeps the good rows', () => {
			const csv = [
				header,
				row({ ...good, slug: 'opening-ceremony', title_en: 'Opening ceremony' }),
				row({ ...good, title_zh: '', title_en: 'No Chinese title' }),
				row({ ...good, start: '2027-02-31 19:00' }),
				row({ ...good, venue: 'nowhere-hall' }),
				row({ ...good, slug: 'opening-ceremony' }),
				row({ ...good, end: '2027-02-10 18:00', free: 'no', price_zh: '¥30', price_cny: '30' }),
				row({ ...good, start: '2027-02-10 25:99' }),
				row({ ...good, end: 'tomorrow 7pm' })
			].join('\n');
			const parsed = parseProgramme(csv, context);
			if (!parsed.ok) throw new Error(parsed.problem);
			expect(
				parsed.rows.map((r) => [r.line, r.problems.map((p) => `${p.path}: ${p.message}`)])
			).toEqual([
				[2, []],
				[3, ['title_zh: Chinese text is required']],
				[4, ['start: "2027-02-31" is not a date']],
				[5, ['venue: unknown venue']],
				[6, ['slug: "opening-ceremony" is already used']],
				[7, ['end: must be after the start']],
				[8, ['start: "25:99" is not a time of day']],
				[9, ['end: "tomorrow 7pm" is not written as YYYY-MM-DD HH:MM']]
			]);
			expect(parsed.rows[0].input).toMatchObject({
				status: 'draft',
				festivalId: context.festival.id,
				start: '2027-02-10T19:00',
				description: { zh: '灯会开幕。' }
			});
		});

		it('refuses a malformed file whole, saying why', () => {
			const refused = (csv: string) => {
				const parsed = parseProgramme(csv, context);
				return parsed.ok ? 'accepted' : parsed.problem;
			};
			expect(refused(`${header}\n${row(good)}\n"unclosed,quote`)).toBe(
				'line 3: a quoted field is never closed'
			);
			expect(refused('title,when\n开幕式,明天')).toBe(
				'missing columns: title_zh, summary_zh, venue, start, end; unknown columns: title, when'
			);
			expect(refused(header)).toBe('the file has no rows');
			expect(refused('')).toBe('the file is empty');
			expect(refused('PK\u0003\u0004\u0000\u0000binary')).toBe('not a text file');
		});

		// Found by the reliability bench: a 1 MB calendar of 20,000 events held the server for a minute.
		it('refuses more rows than a programme has before checking any of them, CSV and ICS alike', () => {
			const many = Array.from({ length: maxProgrammeRows + 1 }, () => row(good)).join('\n');
			const csv = parseProgramme(`${header}\n${many}`, context);
			const event = 'BEGIN:VEVENT\r\nDTSTART:20270210T190000\r\nEND:VEVENT\r\n';
			const ics = parseProgramme(
				`BEGIN:VCALENDAR\r\n${event.repeat(20_000)}END:VCALENDAR\r\n`,
				context
			);
			expect(csv).toEqual({ ok: false, problem: `more than ${maxProgrammeRows} rows` });
			expect(ics).toEqual({ ok: false, problem: `more than ${maxProgrammeRows} rows` });
			expect(parseProgramme(`${header}\n${many.split('\n').slice(1).join('\n')}`, context).ok).toBe(
				true
			);
		});

		it('imports the valid rows as audited drafts in one transaction, or none of them', async () => {
			const csv = [header, row({ ...good, slug: 'a-one' }), row({ ...good, slug: 'a-two' })].join(
				'\n'
			);
			const parsed = parseProgramme(csv, context);
			if (!parsed.ok) throw new Error(parsed.problem);
			const inputs = parsed.rows.map((r) => r.input!);
			const before = await currentRevision(store.db);
			const created = await contentEditor(store, user).createMany('events', inputs);
			expect(created.map((e) => [e.slug, e.status])).toEqual([
				['a-one', 'draft'],
				['a-two', 'draft']
			]);
			expect(await currentRevision(store.db)).toBe(before + 2);
			expect(await auditRepository(store.db).count({ userId: user.id, action: 'create' })).toBe(2);
			// A clash discovered while writing (someone took a slug meanwhile) rolls the whole import back.
			const again = contentEditor(store, user).createMany('events', [
				{ ...inputs[0], slug: 'a-three' },
				inputs[1]
			]);
			await expect(again).rejects.toThrow(/already used/);
			expect((await store.events.listAll()).some((e) => e.slug === 'a-three')).toBe(false);
		});
	});
});
