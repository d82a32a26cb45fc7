// Renders the app icons (192, 512, maskable 512) from the vector mark with sharp. Run after
// changing the mark: `node scripts/make-icons.js`. The PNGs are committed in static/icons.
import sharp from 'sharp';

const mark = (inset) => `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
	<rect width="512" height="512" fill="#0f5e8c"/>
	<g transform="translate(${inset} ${inset}) scale(${(512 - 2 * inset) / 512})">
		<path d="M40 330c70-50 140-50 210 0s140 50 222 0v182H40z" fill="#7cc4e8"/>
		<path d="M40 390c70-40 140-40 210 0s140 40 222 0v122H40z" fill="#2b86b8"/>
		<path d="M352 70v26" stroke="#ffd36b" stroke-width="10" stroke-linecap="round"/>
		<ellipse cx="352" cy="170" rx="78" ry="72" fill="#c8102e"/>
		<path d="M300 108h104M300 232h104M352 244v40" stroke="#ffd36b" stroke-width="12" stroke-linecap="round"/>
		<path d="M300 170h104" stroke="#ffd36b" stroke-width="6" opacity=".7"/>
	</g>
</svg>`;

const rounded = (svg) =>
	svg.replace(
		'<rect width="512" height="512" fill="#0f5e8c"/>',
		'<rect width="512" height="512" rx="112" fill="#0f5e8c"/>'
	);

const out = new URL('../static/icons/', import.meta.url).pathname;
await sharp(Buffer.from(rounded(mark(24))))
	.resize(192)
	.png()
	.toFile(`${out}icon-192.png`);
await sharp(Buffer.from(rounded(mark(24))))
	.resize(512)
	.png()
	.toFile(`${out}icon-512.png`);
// Maskable icons are cropped to a circle of 80 % diameter: keep the mark inside that safe zone.
await sharp(Buffer.from(mark(72)))
	.resize(512)
	.png()
	.toFile(`${out}maskable-512.png`);
console.log('Wrote icons to', out);

// The Open Graph image shared links show (1200×630): the mark and the name on lake blue.
const og = `
<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1200 630">
	<rect width="1200" height="630" fill="#0f5e8c"/>
	<path d="M0 470c200-70 400-70 600 0s400 70 600 0v160H0z" fill="#2b86b8"/>
	<path d="M0 530c200-50 400-50 600 0s400 50 600 0v100H0z" fill="#7cc4e8" opacity=".6"/>
	<ellipse cx="960" cy="200" rx="90" ry="84" fill="#c8102e"/>
	<path d="M900 128h120M900 272h120M960 286v44M960 88v28" stroke="#ffd36b" stroke-width="12" stroke-linecap="round"/>
	<text x="80" y="250" font-family="Noto Sans CJK SC, sans-serif" font-size="96" font-weight="700" fill="#fff">太白湖文旅</text>
	<text x="84" y="330" font-family="Noto Sans CJK SC, sans-serif" font-size="44" fill="#e3f1f8">Taibai Lake Guide · Jining</text>
</svg>`;
await sharp(Buffer.from(og))
	.png({ compressionLevel: 9 })
	.toFile(new URL('../static/og-image.png', import.meta.url).pathname);
console.log('Wrote static/og-image.png');
