/**
 * The runtime caches the service worker fills and the settings page measures and clears: one
 * name each, shared, so the page never empties a cache the worker no longer reads.
 */
export const imageCache = 'images-v1';
export const tileCache = 'map-tiles-v1';
/** Recordings and photos of the tours a visitor downloaded; written by the page, never expired. */
export const tourCache = 'tours-v1';
