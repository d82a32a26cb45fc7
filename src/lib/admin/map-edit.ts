import type { Position } from '$lib/content/geo';

/**
 * Pure helpers for the console's map editors (venue pin, tour stops and path). The typed
 * coordinate fields stay the source of truth: the map reads them and writes them back, so an
 * editor can do everything with a keyboard and the form posts exactly what is shown.
 */

/** Six decimals is about 0.1 m: finer than any GPS an editor holds, short enough to read. */
export function formatCoordinate(value: number): string {
	return String(Math.round(value * 1e6) / 1e6);
}

/** A typed position, or undefined while the fields are empty, half-typed or out of range. */
export function typedPosition(lat: string, lon: string): Position | undefined {
	if (!lat.trim() || !lon.trim()) return undefined;
	const position = { lat: Number(lat), lon: Number(lon) };
	const ok =
		Number.isFinite(position.lat) &&
		Number.isFinite(position.lon) &&
		Math.abs(position.lat) <= 90 &&
		Math.abs(position.lon) <= 180;
	return ok ? position : undefined;
}

/** A path as typed in its hidden field ([lon, lat] pairs as JSON); [] when unreadable. */
export function parsePathText(text: string): [number, number][] {
	try {
		const value: unknown = JSON.parse(text || '[]');
		return Array.isArray(value) ? (value as [number, number][]) : [];
	} catch {
		return [];
	}
}

export function pathText(coordinates: [number, number][]): string {
	return JSON.stringify(
		coordinates.map(([lon, lat]) => [Number(formatCoordinate(lon)), Number(formatCoordinate(lat))])
	);
}

/**
 * Where a point clicked on the path belongs: after the vertex that starts the nearest segment.
 * Distances are compared on a plane scaled by cos(latitude), exact enough within a district.
 */
export function insertIntoPath(
	coordinates: [number, number][],
	point: [number, number]
): [number, number][] {
	if (coordinates.length < 2) return [...coordinates, point];
	const scale = Math.cos((point[1] * Math.PI) / 180);
	const flat = ([lon, lat]: [number, number]) => [lon * scale, lat] as const;
	const [px, py] = flat(point);
	let best = 0;
	let bestDistance = Infinity;
	for (let i = 0; i < coordinates.length - 1; i++) {
		const [ax, ay] = flat(coordinates[i]);
		const [bx, by] = flat(coordinates[i + 1]);
		const dx = bx - ax;
		const dy = by - ay;
		const t = dx || dy ? ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy) : 0;
		const k = Math.max(0, Math.min(1, t));
		const distance = Math.hypot(px - (ax + k * dx), py - (ay + k * dy));
		if (distance < bestDistance) {
			bestDistance = distance;
			best = i;
		}
	}
	return [...coordinates.slice(0, best + 1), point, ...coordinates.slice(best + 1)];
}
