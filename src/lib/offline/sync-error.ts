/** A sync that failed; `retryable` says whether trying again later can help. */
export class SyncError extends Error {
	constructor(
		message: string,
		readonly retryable = true
	) {
		super(message);
		this.name = 'SyncError';
	}
}
