import { pick } from '../localized';
import { byUrgency, inScope, pageScope } from '../notices';
import type { NoticeSeverity } from '../schemas';
import type { Snapshot } from '../snapshot';
import type { LocalDateTime } from '../time';
import type { ViewContext, ViewParams } from './context';

export interface NoticeItem {
	id: string;
	severity: NoticeSeverity;
	text: string;
	start: LocalDateTime;
	end: LocalDateTime;
}

/**
 * The bureau's notices for one visitor page (`?page=venue&slug=…`; no page: only the unscoped
 * ones), not yet ended, most urgent first. Ones still to come are included so an open page shows
 * them when they start; the banner hides each outside its own start and end by the clock.
 */
export function noticesView(snap: Snapshot, params: ViewParams, ctx: ViewContext) {
	const scope = pageScope(snap, params.page, params.slug);
	const items: NoticeItem[] = (snap.notices ?? [])
		.filter((n) => n.end > ctx.now && inScope(n, scope))
		.sort(byUrgency)
		.map((n) => ({
			id: n.id,
			severity: n.severity,
			text: pick(n.message, ctx.lang),
			start: n.start,
			end: n.end
		}));
	return { items };
}
