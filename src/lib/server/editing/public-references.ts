import type { ContentType } from '$lib/content/schemas';
import { ValidationError, type FieldProblem } from '$lib/content/validation';
import { contentKinds } from '../content/kinds';
import type { StoredRecord } from '../content/repository';
import type { Store } from '../store';

/** Said at the field, translated for editors in $lib/admin/problem-text. */
export const unpublishedReference = 'must be published before a public record can point to it';

const isPublic = (type: ContentType, status: string) =>
	contentKinds[type].publicStatuses.includes(status);

/** The venues and festivals a record points to, with the form field that names each. */
function references(type: ContentType, record: StoredRecord): [string, ContentType, string][] {
	const r = record as StoredRecord & {
		venueId?: string;
		festivalId?: string;
		stops?: { venueId?: string }[];
	};
	if (type === 'events') {
		return [
			...(r.venueId ? [['venueId', 'venues', r.venueId] as [string, ContentType, string]] : []),
			...(r.festivalId
				? [['festivalId', 'festivals', r.festivalId] as [string, ContentType, string]]
				: [])
		];
	}
	if (type === 'tours') {
		return (r.stops ?? []).flatMap((stop, i) =>
			stop.venueId
				? [[`stops.${i}.venueId`, 'venues', stop.venueId] as [string, ContentType, string]]
				: []
		);
	}
	return [];
}

/**
 * A public record may point only to public ones. Everything a published event or tour carries goes
 * to phones, so a link to a draft venue or festival would hand out the draft's id (and its name,
 * wherever a page shows what it links to) before the bureau has published it. Checked inside the
 * write's transaction, so a draft published meanwhile is seen as it is.
 */
export async function assertPublicReferences(
	store: Store,
	type: ContentType,
	record: StoredRecord
): Promise<void> {
	if (!isPublic(type, record.status)) return;
	const problems: FieldProblem[] = [];
	for (const [path, targetType, id] of references(type, record)) {
		const target = await store[targetType].getById(id);
		// A deleted draft's id is as secret as a draft's: a missing target is refused too.
		if (!target || !isPublic(targetType, target.status)) {
			problems.push({ path, message: unpublishedReference });
		}
	}
	if (problems.length) throw new ValidationError(problems);
}
