import type { Snapshot } from '../snapshot';
import type { ViewContext, ViewParams } from './context';

/**
 * What every visitor page shows around its content, whatever the page: the filing numbers a site
 * served in mainland China carries in its footer. A view like the others, so the footer is drawn
 * from the phone's mirror offline and on pages never opened.
 */
export function siteView(snap: Snapshot, _params: ViewParams, _ctx: ViewContext) {
	const site = snap.settings.site ?? {};
	return { icp: site.icp, psb: site.psb };
}

export type SiteView = ReturnType<typeof siteView>;
