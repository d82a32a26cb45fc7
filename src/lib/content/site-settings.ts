import { z } from '$lib/content/zod';

/**
 * What a site served in mainland China must show in its footer: the ICP filing number (linked to
 * the MIIT filing site) and, where it has one, the public security filing number. Configured by
 * the operator (ICP_LICENSE, PSB_RECORD), they travel to phones with the content like the map
 * settings, so the footer is right offline too; absent when unset.
 */
export const siteSettings = z.object({
	icp: z.string().max(60).optional(),
	psb: z.string().max(60).optional()
});
export type SiteSettings = z.infer<typeof siteSettings>;

export const icpFilingSite = 'https://beian.miit.gov.cn/';

/** The public security filing site's page for a record: the number's digits are its code. */
export function psbRecordUrl(record: string): string {
	const code = record.match(/\d{8,}/)?.[0] ?? '';
	return `https://beian.mps.gov.cn/#/query/webSearch?code=${code}`;
}
