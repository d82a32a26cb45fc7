// The visitor's plans and saved records live only on this phone: the page renders in the browser,
// from the offline mirror (the content) and the visitor's own tables. Nothing to render on a server.
export const ssr = false;
