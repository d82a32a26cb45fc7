// Kept apart from the settings' schema (site-settings.ts): the footer is in every page's first
// script, which runs before the browser hooks tell zod not to try `new Function`, so it must not
// build a zod object (under the Content-Security-Policy that try is a reported violation).

/** The MIIT filing site, which an ICP filing number links to. */
export const icpFilingSite = 'https://beian.miit.gov.cn/';

/** The public security filing site's page for a record: the number's digits are its code. */
export function psbRecordUrl(record: string): string {
	const code = record.match(/\d{8,}/)?.[0] ?? '';
	return `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`;
}
