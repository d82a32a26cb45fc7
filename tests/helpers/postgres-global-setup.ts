import pg from 'pg';

/**
 * Runs once before the unit suites. With TEST_DATABASE_URL_PG set, PostgreSQL must answer, or
 * nothing runs. Without it the PostgreSQL suites are reported as not run, loudly, and where
 * PostgreSQL is required (CI=true or REQUIRE_POSTGRES=true, which .ci/run sets) that is a failure.
 */
export default async function setup(): Promise<void> {
	const url = process.env.TEST_DATABASE_URL_PG;
	const required = process.env.CI === 'true' || process.env.REQUIRE_POSTGRES === 'true';
	if (!url) {
		if (required) {
			throw new Error(
				'PostgreSQL is required here (CI or REQUIRE_POSTGRES) but TEST_DATABASE_URL_PG is not set'
			);
		}
		console.warn(
			'\n*** The PostgreSQL test suites were NOT RUN: TEST_DATABASE_URL_PG is not set. ' +
				'Only SQLite was tested. See README, "Tests on PostgreSQL". ***\n'
		);
		return;
	}
	const client = new pg.Client({ connectionString: url });
	try {
		await client.connect();
		await client.query('select 1');
	} catch (error) {
		throw new Error(
			`TEST_DATABASE_URL_PG is set but PostgreSQL does not answer: ${(error as Error).message}`,
			{ cause: error }
		);
	} finally {
		await client.end().catch(() => undefined);
	}
}
