import type { Position } from '$lib/content/geo';

/** A point on a map: a venue, a tour stop, an event. `number` draws a numbered stop marker. */
export interface MapMarker {
	id: string;
	position: Position;
	label: string;
	href?: string;
	kind?: string;
	number?: number;
	/** Markers with a group can be toggled as a layer. */
	group?: string;
	/** Highlighted marker (e.g. the next stop). */
	active?: boolean;
	/** Never folded into a cluster (the visitor's own position). */
	standalone?: boolean;
}

/** A drawn path as GeoJSON positions: [longitude, latitude]. */
export type MapPath = [number, number][];
