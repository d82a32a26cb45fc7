import type { Snapshot } from '$lib/content/snapshot';
import type { Favourite } from '$lib/offline/db';

/**
 * What the plan pages read, all on this phone: the content snapshot the offline layer builds from
 * its mirror (the same one the views run on offline) and the visitor's saved records. Dexie is
 * loaded on demand, so it stays out of the page's first JavaScript. When the mirror is still
 * empty (a first visit through a shared link), the page asks for a sync and waits for it.
 */
export class PlanContent {
	snapshot = $state.raw<Snapshot | undefined>();
	favourites = $state.raw<Favourite[]>([]);
	/** Saved records have been read (until then, "nothing saved" would be a lie). */
	savedReady = $state(false);
	/** No mirror and no network to fill it. */
	unavailable = $state(false);

	connect(): () => void {
		let closed = false;
		const cleanups: (() => void)[] = [];
		void (async () => {
			const [{ liveQuery }, { guideDb }, { localSnapshot }, { favourites }, { syncExclusive }] =
				await Promise.all([
					import('dexie'),
					import('$lib/offline/db'),
					import('$lib/offline/local-snapshot'),
					import('$lib/offline/favourites'),
					import('$lib/offline/sync')
				]);
			if (closed) return;
			const db = guideDb();
			let asked = false;
			// Every revision the sync engine stores rebuilds the snapshot: cancelled or moved events
			// show at once on an open plan.
			const revisions = liveQuery(() => db.meta.get('sync')).subscribe(async () => {
				const snapshot = await localSnapshot(db);
				if (closed) return;
				if (snapshot) {
					this.snapshot = snapshot;
					this.unavailable = false;
				} else if (!asked && navigator.onLine) {
					asked = true;
					syncExclusive(db).catch(() => (this.unavailable = true));
				} else if (!navigator.onLine) this.unavailable = true;
			});
			const saved = favourites().subscribe((list) => {
				this.favourites = list;
				this.savedReady = true;
			});
			cleanups.push(
				() => revisions.unsubscribe(),
				() => saved.unsubscribe()
			);
		})();
		return () => {
			closed = true;
			for (const cleanup of cleanups) cleanup();
		};
	}
}
