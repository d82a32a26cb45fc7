/** The record was changed by someone else since the editor loaded it; nothing was written. */
export class ConflictError<T = unknown> extends Error {
	constructor(readonly current: T) {
		super('This record was changed by someone else since you opened it.');
		this.name = 'ConflictError';
	}
}

export class NotFoundError extends Error {
	constructor(what: string) {
		super(`${what} not found`);
		this.name = 'NotFoundError';
	}
}
