import type { Snapshot } from '../snapshot';
import type { ViewContext, ViewParams } from './context';

/** Placeholder until the page is built. */
export function mapView(_snap: Snapshot, _params: ViewParams, _ctx: ViewContext) {
	return {};
}
