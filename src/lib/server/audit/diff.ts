import type { FieldChange } from '$lib/admin/types';

/** One field that differs between two versions of a record, addressed by its dotted path. */
export type { FieldChange };

/** Server-assigned bookkeeping that changes with every save and says nothing about the content. */
const ignored = new Set(['revision', 'version', 'updatedAt']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Leaves of a record by dotted path. Arrays are leaves: "the tags became [a, b]" reads better than
 * a change per index, and a reordered list of stops is one change, not many.
 */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()) {
	if (isPlainObject(value)) {
		for (const [key, child] of Object.entries(value)) {
			if (!prefix && ignored.has(key)) continue;
			flatten(child, prefix ? `${prefix}.${key}` : key, out);
		}
	} else if (value !== undefined) {
		out.set(prefix, value);
	}
	return out;
}

/** Field-level differences between two versions (either may be absent: created or deleted). */
export function diffRecords(before: unknown, after: unknown): FieldChange[] {
	const a = flatten(before);
	const b = flatten(after);
	const paths = [...new Set([...a.keys(), ...b.keys()])].sort();
	const changes: FieldChange[] = [];
	for (const path of paths) {
		const x = a.get(path);
		const y = b.get(path);
		if (JSON.stringify(x) === JSON.stringify(y)) continue;
		changes.push({
			path,
			...(x !== undefined ? { before: x } : {}),
			...(y !== undefined ? { after: y } : {})
		});
	}
	return changes;
}

/**
 * Folds consecutive changes into one per field: the first `before` and the last `after`. Used to
 * show "what changed since you opened it" across several saves by others.
 */
export function combineChanges(steps: FieldChange[][]): FieldChange[] {
	const byPath = new Map<string, FieldChange>();
	for (const step of steps) {
		for (const change of step) {
			// The first change of a field supplies the "before", the latest one the "after".
			const first = byPath.get(change.path) ?? change;
			const merged: FieldChange = { path: change.path };
			if ('before' in first) merged.before = first.before;
			if ('after' in change) merged.after = change.after;
			byPath.set(change.path, merged);
		}
	}
	return [...byPath.values()]
		.filter((c) => JSON.stringify(c.before) !== JSON.stringify(c.after))
		.sort((x, y) => x.path.localeCompare(y.path));
}
