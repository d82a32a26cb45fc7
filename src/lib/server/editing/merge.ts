import type { Choice, FieldConflict } from '$lib/admin/types';
import { diffRecords, type FieldChange } from '../audit/diff';

/**
 * A three-way merge of one record, field by field, on the audit log's dotted paths (arrays are
 * whole values, see audit/diff.ts). `base` is the record as the editor's form was opened, `mine`
 * what the editor submitted, `theirs` what others changed since `base`:
 * a field only I changed takes mine, a field only they changed keeps theirs, a field both changed
 * to the same value is fine, and a field both changed differently is a conflict unless the editor
 * has chosen for it.
 */

export type { Choice, FieldConflict };

export interface MergeOutcome<T> {
	/** The newest record with my changes applied (valid only when `conflicts` is empty). */
	merged: T;
	/** My changes that went into `merged`. */
	applied: FieldChange[];
	/** Fields both changed differently that have no choice yet. */
	conflicts: FieldConflict[];
	/** Their changed fields that the merge keeps. */
	kept: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const unsafe = new Set(['__proto__', 'prototype', 'constructor']);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** A deep copy of `record` with the value at a dotted `path` set, or removed when undefined. */
function withPath<T>(record: T, path: string, value: unknown): T {
	const keys = path.split('.');
	if (keys.some((k) => !k || unsafe.has(k))) throw new Error(`Not a field path: ${path}`);
	const set = (node: unknown, i: number): unknown => {
		const object = isPlainObject(node) ? { ...node } : {};
		const key = keys[i];
		const child = i === keys.length - 1 ? value : set(object[key], i + 1);
		// An object left with no fields was an object that only held the removed field.
		const empty = isPlainObject(child) && Object.keys(child).length === 0;
		if (child === undefined || empty) delete object[key];
		else object[key] = child;
		return object;
	};
	return set(record, 0) as T;
}

/** `record` with every change applied forwards (its `after`) or backwards (its `before`). */
export function applyChanges<T>(record: T, changes: FieldChange[], direction: 'after' | 'before') {
	return changes.reduce((r, change) => withPath(r, change.path, change[direction]), record);
}

/**
 * Merges my submitted input over the newest record. `baseInput` is what the form would have
 * submitted unchanged at the base version (the same form code run on the base record), so the
 * form's own normalising and the fields it does not edit never count as mine.
 */
export function threeWayMerge<T>(args: {
	baseInput: object;
	mineInput: object;
	current: T;
	theirs: FieldChange[];
	choices?: ReadonlyMap<string, Choice>;
}): MergeOutcome<T> {
	const theirs = new Map(args.theirs.map((c) => [c.path, c]));
	const applied: FieldChange[] = [];
	const conflicts: FieldConflict[] = [];
	const overridden = new Set<string>();
	for (const change of diffRecords(args.baseInput, args.mineInput)) {
		const their = theirs.get(change.path);
		if (!their) {
			applied.push(change);
			continue;
		}
		if (same(their.after, change.after)) continue;
		const choice = args.choices?.get(change.path);
		if (choice === 'theirs') continue;
		if (choice === 'mine') {
			applied.push(change);
			overridden.add(change.path);
			continue;
		}
		conflicts.push({
			path: change.path,
			...('before' in their ? { base: their.before } : {}),
			...('after' in their ? { theirs: their.after } : {}),
			...('after' in change ? { mine: change.after } : {})
		});
	}
	return {
		merged: applyChanges(args.current, applied, 'after'),
		applied,
		conflicts,
		kept: [...theirs.keys()].filter((path) => !overridden.has(path))
	};
}
