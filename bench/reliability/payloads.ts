// Cross-site scripting payloads: script tags, event handlers, javascript: and data: URLs, SVG and
// MathML, attribute and JSON-LD breakouts, template syntax and calendar-line injection. Each one
// carries its number, so a payload that runs calls `__xss(n)` and one rendered as markup leaves an
// element or attribute that names `xss` and `n`.
const vectors: ((n: number) => string)[] = [
	(n) => `<script>__xss(${n})</script>`,
	(n) => `<img src=x onerror=__xss(${n})>`,
	(n) => `<svg onload=__xss(${n})>`,
	(n) => `<svg><script>__xss(${n})</script></svg>`,
	(n) => `<iframe srcdoc="<script>parent.__xss(${n})</script>"></iframe>`,
	(n) => `<details open ontoggle=__xss(${n})>`,
	(n) => `<body onload=__xss(${n})>`,
	(n) => `<input autofocus onfocus=__xss(${n})>`,
	(n) => `<a href="javascript:__xss(${n})">xss-${n}</a>`,
	(n) => `javascript:__xss(${n})`,
	(n) => `JaVaScRiPt:__xss(${n})`,
	(n) => `java\tscript:__xss(${n})`,
	(n) => `data:text/html,<script>parent.__xss(${n})</script>`,
	(n) => `<object data="javascript:__xss(${n})"></object>`,
	(n) => `<embed src="javascript:__xss(${n})">`,
	(n) => `<form action="javascript:__xss(${n})"><button>xss-${n}</button></form>`,
	(n) => `<math><mtext><table><mglyph><style><img src=x onerror=__xss(${n})>`,
	(n) => `<!--<img src="--><img src=x onerror=__xss(${n})//">`,
	(n) => `<x-xss-${n}>marker</x-xss-${n}>`,
	(n) => `<base href="https://evil.example/xss-${n}/">`,
	(n) => `<meta http-equiv="refresh" content="0;url=javascript:__xss(${n})">`,
	(n) => `{{constructor.constructor('__xss(${n})')()}}`,
	(n) => `\${__xss(${n})}`,
	(n) => `</script><script>__xss(${n})</script>`,
	(n) => `"}]}</script><script>__xss(${n})</script>`,
	(n) => `\u2028\u2029</script><script>__xss(${n})</script>`,
	(n) => `<svg><a xlink:href="javascript:__xss(${n})"><text>xss-${n}</text></a></svg>`,
	(n) => `<video><source onerror="__xss(${n})"></video>`,
	(n) => `<audio src=x onerror=__xss(${n})>`,
	(n) => `<select autofocus onfocus=__xss(${n})></select>`,
	(n) => `<noscript><p title="</noscript><img src=x onerror=__xss(${n})>">`,
	(n) => `<a href="&#106;avascript:__xss(${n})">xss-${n}</a>`,
	(n) => `<style>*{background:url("javascript:__xss(${n})")}</style><x-xss-${n}></x-xss-${n}>`,
	(n) => `<img src="x" onerror="__xss(${n})" data-xss-${n}>`,
	(n) => `xss-${n}\nEND:VEVENT\nBEGIN:VEVENT\nSUMMARY:injected-xss-${n}`,
	(n) => `<a href="https://example.com" target=_blank data-xss-${n}>xss-${n}</a>`,
	(n) => `&lt;img src=x onerror=__xss(${n})&gt;`,
	(n) => `<template><img src=x onerror=__xss(${n})></template><x-xss-${n}></x-xss-${n}>`,
	(n) => `<svg><animate onbegin=__xss(${n}) attributeName=x dur=1s>`,
	(n) => `<marquee onstart=__xss(${n})>xss-${n}</marquee>`
];

/** Ways of leaving the context a value lands in (an attribute, a URL, a JSON string). */
const wrappers: ((payload: string) => string)[] = [
	(p) => p,
	(p) => `"><${p.replace(/^</, '')}`,
	(p) => `'>${p}`
];

export interface Payload {
	n: number;
	text: string;
}

/** At least `count` payloads, each with its own number. */
export function payloads(count: number): Payload[] {
	const out: Payload[] = [];
	for (let round = 0; out.length < count; round++) {
		for (const wrap of wrappers) {
			for (const vector of vectors) {
				if (out.length >= count) break;
				const n = out.length;
				out.push({ n, text: wrap(vector(n)) });
			}
		}
		if (round > 10) break;
	}
	return out;
}
