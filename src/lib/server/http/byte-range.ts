/**
 * One byte range of a `Range` header (RFC 9110 §14.1.2): players ask for `bytes=start-`,
 * `bytes=start-end` or `bytes=-suffix` to seek. Several ranges in one request are answered with
 * the whole file (allowed: a server may ignore Range), so a multipart body is never built.
 * Returns undefined to serve the whole file, or 'unsatisfiable' for a range past the end.
 */
export function byteRange(
	header: string | null,
	size: number
): { start: number; end: number } | 'unsatisfiable' | undefined {
	const match = header && /^bytes=(\d*)-(\d*)$/.exec(header.trim());
	if (!match || (!match[1] && !match[2])) return undefined;
	if (!match[1]) {
		const suffix = Number(match[2]);
		if (suffix === 0) return 'unsatisfiable';
		return { start: Math.max(0, size - suffix), end: size - 1 };
	}
	const start = Number(match[1]);
	const end = match[2] ? Math.min(Number(match[2]), size - 1) : size - 1;
	if (start >= size || end < start) return 'unsatisfiable';
	return { start, end };
}
