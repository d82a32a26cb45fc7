import { z } from '$lib/content/zod';
import { localizedShort, plainText } from './primitives';

/** Stable, URL-safe identifiers: a slug is what a visitor sees in a link, an id never changes. */
export const slug = z
	.string()
	.check(
		z.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens'),
		z.maxLength(80)
	);
export const id = z
	.string()
	.check(z.regex(/^[a-z]+_[A-Za-z0-9]{6,32}$/, 'must look like prefix_abc123'), z.maxLength(40));

export const httpUrl = z.string().check(
	z.trim(),
	z.url('must be a web address'),
	z.refine((value) => /^https?:\/\//i.test(value), 'must start with http:// or https://')
);

/** A processed photo: `src` is the image path without width; widths lists the renditions made. */
export const image = z.object({
	src: z.string().check(z.minLength(1), z.maxLength(300)),
	alt: localizedShort,
	width: z.number().check(z.int(), z.positive()),
	height: z.number().check(z.int(), z.positive()),
	widths: z._default(z.array(z.number().check(z.int(), z.positive())), [])
});
export type Image = z.infer<typeof image>;

/** Price: free, or a human text (a ticket table is rarely one number) plus an optional CNY amount. */
export const price = z.discriminatedUnion('free', [
	z.object({ free: z.literal(true) }),
	z.object({
		free: z.literal(false),
		text: localizedShort,
		/** Yuan; a typo like 1e308 is refused (no ticket here costs a million). */
		amountCny: z.optional(z.number().check(z.nonnegative(), z.lte(1_000_000)))
	})
]);
export type Price = z.infer<typeof price>;

/** Fields every stored record carries. `sample` marks seeded data that an editor must verify. */
export const recordBase = {
	id,
	slug,
	/** Revision of the last change (server-assigned). */
	revision: z.number().check(z.int(), z.nonnegative()),
	/** Edit version for optimistic concurrency (server-assigned). */
	version: z.number().check(z.int(), z.positive()),
	sample: z._default(z.boolean(), false),
	updatedAt: z.string()
};

export const publishStatus = z.enum(['draft', 'published']);
export type PublishStatus = z.infer<typeof publishStatus>;

/** Replaces server-assigned fields so one schema validates both stored records and editor input. */
export const serverAssigned = { revision: true, version: true, updatedAt: true } as const;

/** Free tags on a record: a few dozen at most, each short. */
export const tags = z._default(
	z.array(z.pipe(plainText(40), z.string().check(z.minLength(1)))).check(z.maxLength(30)),
	[]
);

/** Photos of one record. */
export const maxPhotos = 20;
