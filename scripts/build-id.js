// One id per build, shared by everything that stamps a build: SvelteKit's version (which names the
// global its client and server halves meet on) and the offline shell's precache revision. The
// configs may be loaded more than once, also in child processes, during one build; keeping the id
// in the environment gives every load the same one. APP_VERSION (e.g. a commit id) pins it, so app
// servers built separately for one deployment agree.
export function buildId() {
	process.env.APP_VERSION ||= new Date().toISOString();
	return process.env.APP_VERSION;
}
