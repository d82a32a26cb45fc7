import { holidayYear, type HolidayYear } from '$lib/content/holidays';
import { validate } from '$lib/content/validation';
import { nextRevision } from '../content/revision';
import { ConflictError } from '../content/errors';
import type { Db } from '../db/connect';

export interface StoredHolidayYear extends HolidayYear {
	version: number;
	revision: number;
	updatedAt: string;
}

/**
 * The holiday calendar, one row per year. Publishing a year bumps the global revision like any
 * content change, so phones pick it up with their next sync.
 */
export function holidayRepository(db: Db) {
	return {
		async list(): Promise<StoredHolidayYear[]> {
			const rows = await db.selectFrom('holiday_years').selectAll().orderBy('year').execute();
			return rows.map((r) => ({
				...(JSON.parse(r.data) as HolidayYear),
				version: r.version,
				revision: r.revision,
				updatedAt: r.updated_at
			}));
		},

		/** Adds or replaces a year; `expectedVersion` is 0 for a new year. */
		async save(input: unknown, expectedVersion: number): Promise<StoredHolidayYear> {
			const year = validate(holidayYear, input);
			const work = async (trx: Db) => {
				const existing = await trx
					.selectFrom('holiday_years')
					.selectAll()
					.where('year', '=', year.year)
					.executeTakeFirst();
				if ((existing?.version ?? 0) !== expectedVersion) {
					throw new ConflictError(existing ? JSON.parse(existing.data) : null);
				}
				const revision = await nextRevision(trx);
				const row = {
					year: year.year,
					data: JSON.stringify(year),
					revision,
					version: expectedVersion + 1,
					updated_at: new Date().toISOString()
				};
				// Guarded like content saves: another server may have saved this year since the read.
				const written = existing
					? (
							await trx
								.updateTable('holiday_years')
								.set(row)
								.where('year', '=', year.year)
								.where('version', '=', expectedVersion)
								.executeTakeFirst()
						).numUpdatedRows
					: (
							await trx
								.insertInto('holiday_years')
								.values(row)
								.onConflict((oc) => oc.column('year').doNothing())
								.executeTakeFirst()
						).numInsertedOrUpdatedRows;
				if (Number(written) === 0) {
					const current = await trx
						.selectFrom('holiday_years')
						.select('data')
						.where('year', '=', year.year)
						.executeTakeFirst();
					throw new ConflictError(current ? JSON.parse(current.data) : null);
				}
				return { ...year, version: row.version, revision, updatedAt: row.updated_at };
			};
			return db.isTransaction ? work(db) : db.transaction().execute(work);
		}
	};
}

/** The calendar without editor metadata, as it goes into the feed and the views. */
export async function publishedHolidays(db: Db): Promise<HolidayYear[]> {
	return (await holidayRepository(db).list()).map(({ year, holidays, workdays }) => ({
		year,
		holidays,
		workdays
	}));
}
