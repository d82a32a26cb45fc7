import { watch, type ReminderSettings } from '$lib/offline';
import { defaultLeadTime } from '$lib/content/reminder-choices';

/**
 * The visitor's reminder settings as page state, followed live from the mirror: whether reminders
 * are on, and the lead time of a subject (the default until one is chosen).
 */
export class LeadTimes {
	settings = $state<ReminderSettings>({ on: false, leads: {} });

	/** Follows the mirror until the returned stop (call from an effect). */
	connect(): () => void {
		return watch('reminderSettings', undefined, (value) => (this.settings = value));
	}

	of(subject: string): number {
		return this.settings.leads[subject] ?? defaultLeadTime;
	}
}
