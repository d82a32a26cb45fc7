/** One narration plays at a time: starting one pauses whichever was playing. */
let pauseCurrent: (() => void) | undefined;

export function takeTurn(pause: () => void): void {
	if (pauseCurrent && pauseCurrent !== pause) pauseCurrent();
	pauseCurrent = pause;
}

export function giveUpTurn(pause: () => void): void {
	if (pauseCurrent === pause) pauseCurrent = undefined;
}
