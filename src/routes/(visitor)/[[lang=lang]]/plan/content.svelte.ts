import { snapshotOf, type Snapshot } from '$lib/content/snapshot';
import { command, watch, type Favourite } from '$lib/offline';

/**
 * What the plan pages read, all on this phone: the mirror's content (read next to it, in the
 * mirror's worker, and made a snapshot here: the same one the views run on offline) and the
 * visitor's saved records. When the mirror is still empty (a first visit through a shared link),
 * the page asks for a sync and waits for it.
 */
export class PlanContent {
	snapshot = $state.raw<Snapshot | undefined>();
	favourites = $state.raw<Favourite[]>([]);
	/** Saved records have been read (until then, "nothing saved" would be a lie). */
	savedReady = $state(false);
	/** No mirror and no network to fill it. */
	unavailable = $state(false);

	connect(): () => void {
		let asked = false;
		// Every revision the sync engine stores comes again: cancelled or moved events show at once
		// on an open plan.
		const stopContent = watch('content', undefined, (content) => {
			if (content) {
				// A sync that found nothing new answers again with the same revision: keep the snapshot.
				if (content.revision !== this.snapshot?.revision) this.snapshot = snapshotOf(content);
				this.unavailable = false;
			} else if (!asked && navigator.onLine) {
				asked = true;
				command('sync').catch(() => (this.unavailable = true));
			} else if (!navigator.onLine) this.unavailable = true;
		});
		const stopSaved = watch('favourites', undefined, (list) => {
			this.favourites = list;
			this.savedReady = true;
		});
		return () => {
			stopContent();
			stopSaved();
		};
	}
}
