/** The service worker's script, registered for the whole site (scope `/`). */
export const serviceWorkerUrl = '/service-worker.js';
