/** A WGS-84 position (validated by schemas/primitives). */
export interface Position {
	lat: number;
	lon: number;
}

/** GeoJSON LineString (RFC 7946): positions are [longitude, latitude]. */
export interface LineString {
	type: 'LineString';
	coordinates: [number, number][];
}

const earthRadiusM = 6_371_008.8;

/** Great-circle (haversine) distance in metres. */
export function distanceM(a: Position, b: Position): number {
	const rad = Math.PI / 180;
	const dLat = (b.lat - a.lat) * rad;
	const dLon = (b.lon - a.lon) * rad;
	const h =
		Math.sin(dLat / 2) ** 2 +
		Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
	return 2 * earthRadiusM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Length of a drawn path in metres. */
export function pathLengthM(path: LineString): number {
	let total = 0;
	for (let i = 1; i < path.coordinates.length; i++) {
		const [lon1, lat1] = path.coordinates[i - 1];
		const [lon2, lat2] = path.coordinates[i];
		total += distanceM({ lat: lat1, lon: lon1 }, { lat: lat2, lon: lon2 });
	}
	return total;
}
