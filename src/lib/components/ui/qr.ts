import { create } from 'qrcode';

/** A QR code as one SVG path: `size` modules across, quiet zone included. */
export interface QrDrawing {
	size: number;
	version: number;
	path: string;
}

/** The quiet zone the standard asks for around the symbol, in modules. */
const quiet = 4;

/**
 * The share link's QR code, encoded by the `qrcode` package and drawn as a path on the phone
 * (no canvas, no network). Long links drop to level L so the symbol stays scannable from a screen.
 */
export function qrDrawing(text: string): QrDrawing {
	const { modules, version } = create(text, {
		errorCorrectionLevel: text.length > 600 ? 'L' : 'M'
	});
	const n = modules.size;
	const parts: string[] = [];
	for (let y = 0; y < n; y++) {
		// One horizontal run per stretch of dark modules keeps the path short.
		for (let x = 0; x < n; x++) {
			if (!modules.get(y, x)) continue;
			let end = x;
			while (end + 1 < n && modules.get(y, end + 1)) end++;
			parts.push(`M${x + quiet} ${y + quiet}h${end - x + 1}v1h${x - end - 1}z`);
			x = end;
		}
	}
	return { size: n + 2 * quiet, version, path: parts.join('') };
}
