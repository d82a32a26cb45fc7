import { z } from '$lib/content/zod';
import { localDateTime, localizedText } from './primitives';
import { id, publishStatus, recordBase, serverAssigned } from './common';

/** How urgent a bureau notice is: an emergency one cannot be dismissed while it lasts. */
export const noticeSeverities = ['info', 'warning', 'emergency'] as const;
export const noticeSeverity = z.enum(noticeSeverities);
export type NoticeSeverity = z.infer<typeof noticeSeverity>;

/** What a notice may be limited to; without a scope it shows on every visitor page. */
export const noticeScopeTypes = ['venues', 'tours', 'festivals'] as const;
export const noticeScopeType = z.enum(noticeScopeTypes);
export type NoticeScopeType = z.infer<typeof noticeScopeType>;

/** A notice lasts at most this long: a standing message belongs on a page, not in a banner. */
export const maxNoticeDays = 366;

const noticeFields = z.object({
	...recordBase,
	status: publishStatus,
	severity: noticeSeverity,
	/** One or two sentences: "游船暂停：风力过大" / "Boat tours suspended: strong wind". */
	message: localizedText(500),
	/** Shanghai wall-clock times: shown from `start` until (not including) `end`. */
	start: localDateTime,
	end: localDateTime,
	scope: z.optional(z.object({ type: noticeScopeType, id }))
});

function noticeRules(value: { start: string; end: string }, ctx: z.core.$RefinementCtx) {
	if (value.end <= value.start) {
		ctx.addIssue({ code: 'custom', path: ['end'], message: 'must be after the start' });
	} else if (
		Date.parse(`${value.end}Z`) - Date.parse(`${value.start}Z`) >
		maxNoticeDays * 86_400_000
	) {
		ctx.addIssue({
			code: 'custom',
			path: ['end'],
			message: `must be within ${maxNoticeDays} days of the start`
		});
	}
}

export const notice = noticeFields.check(z.superRefine(noticeRules));
export type Notice = z.infer<typeof notice>;

export const noticeInput = z.omit(noticeFields, serverAssigned).check(z.superRefine(noticeRules));
export type NoticeInput = z.input<typeof noticeInput>;
