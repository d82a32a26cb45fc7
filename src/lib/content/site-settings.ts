import { z } from '$lib/content/zod';

/**
 * What a site served in mainland China must show in its footer: the ICP filing number (linked to
 * the MIIT filing site) and, where it has one, the public security filing number. Configured by
 * the operator (ICP_LICENSE, PSB_RECORD), they travel to phones with the content like the map
 * settings, so the footer is right offline too; absent when unset.
 */
export const siteSettings = z.object({
	icp: z.optional(z.string().check(z.maxLength(60))),
	psb: z.optional(z.string().check(z.maxLength(60)))
});
export type SiteSettings = z.infer<typeof siteSettings>;
