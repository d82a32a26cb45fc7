import type { Language } from '../localized';
import type { LocalDateTime } from '../time';

/** What every view is computed for: a language and a Shanghai wall-clock "now". */
export interface ViewContext {
	lang: Language;
	now: LocalDateTime;
}

/** A view parameter that was missing or malformed; the API answers 400 naming it. */
export class ViewParameterError extends Error {
	constructor(
		readonly parameter: string,
		message: string
	) {
		super(message);
	}
}

/** A view of something that does not exist (unknown slug); pages answer 404. */
export class ViewNotFoundError extends Error {}

/** View parameters arrive as query strings; each view validates its own. */
export type ViewParams = Record<string, string>;
