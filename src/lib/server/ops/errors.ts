/** A refusal an operator can act on (the command prints the message alone, without a stack). */
export class OperationError extends Error {}
