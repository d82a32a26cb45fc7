import type { z } from '$lib/content/zod';

/** One problem with one field, addressed by its dotted path (`name.zh`, `stops.2.stayMinutes`). */
export interface FieldProblem {
	path: string;
	message: string;
}

export function problemsOf(error: z.core.$ZodError): FieldProblem[] {
	return error.issues.map((issue) => ({
		path: issue.path.map(String).join('.') || '(record)',
		message: issue.message
	}));
}

/** Thrown when input does not satisfy its schema; nothing has been written. */
export class ValidationError extends Error {
	constructor(readonly problems: FieldProblem[]) {
		super(problems.map((p) => `${p.path}: ${p.message}`).join('; '));
		this.name = 'ValidationError';
	}
}

/** Parses or throws a ValidationError that names every bad field. */
export function validate<S extends z.ZodMiniType>(schema: S, input: unknown): z.infer<S> {
	const result = schema.safeParse(input);
	if (!result.success) throw new ValidationError(problemsOf(result.error));
	return result.data;
}
