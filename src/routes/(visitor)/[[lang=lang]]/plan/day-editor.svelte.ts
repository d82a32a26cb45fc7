import { command, watch } from '$lib/offline';
import type { Plan } from '$lib/planner/plan';

/**
 * The plan of one day as the page edits it. Visitor data flows action → Dexie → state: each change
 * is shown at once (times recompute immediately) and written to the phone; the live query then
 * brings back what was stored, also into other tabs. An untouched new day is not stored.
 */
export class DayEditor {
	readonly date: string;
	plan = $state.raw<Plan | undefined>();
	/** The stored plan has been read. */
	ready = $state(false);
	stored = $state(false);
	readonly #fresh: () => Plan;

	constructor(date: string, fresh: () => Plan) {
		this.date = date;
		this.#fresh = fresh;
	}

	connect(): () => void {
		return watch('plan', this.date, (stored) => {
			this.stored = !!stored;
			this.plan = stored ?? (this.ready ? this.plan : undefined) ?? this.#fresh();
			this.ready = true;
		});
	}

	async set(next: Plan): Promise<void> {
		this.plan = next;
		await command('savePlan', next);
	}

	async remove(): Promise<void> {
		this.plan = this.#fresh();
		await command('deletePlan', this.date);
	}
}
