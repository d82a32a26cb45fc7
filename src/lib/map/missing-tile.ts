/**
 * What the service worker answers for a map tile it could not fetch (offline, a blocked or failing
 * tile server): a transparent 8×8 PNG with status 200 instead of a network error. A failed image
 * request writes "Failed to load resource" to the page's console whatever the page does; an image
 * that loads writes nothing. Real tiles are 256 or 512 pixels square, so the maps recognise this
 * one by its size and still say the basemap is unavailable.
 */
export const missingTileSize = 8;

export const missingTilePng =
	'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAADUlEQVR42mNgGAUgAAABCAABXbcZDQAAAABJRU5ErkJggg==';

/** Whether a loaded tile image is the stand-in for a missing tile. */
export function isMissingTile(img: HTMLImageElement): boolean {
	return img.naturalWidth === missingTileSize && img.naturalHeight === missingTileSize;
}
