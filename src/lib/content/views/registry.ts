import type { Snapshot } from '../snapshot';
import type { ViewContext, ViewParams } from './context';
import { homeView } from './home';

/**
 * Every page's data is a pure function of the content snapshot, its parameters and a context. The
 * server runs it for first paint; the browser runs the same function on its Dexie mirror, so a page
 * renders the same online, offline, and on a route the visitor never opened.
 */
export const views = {
	home: homeView
} satisfies Record<string, (snap: Snapshot, params: ViewParams, ctx: ViewContext) => unknown>;

export type Views = typeof views;
export type ViewName = keyof Views;
export type ViewData<N extends ViewName> = ReturnType<Views[N]>;

export function isViewName(name: string): name is ViewName {
	return Object.hasOwn(views, name);
}
