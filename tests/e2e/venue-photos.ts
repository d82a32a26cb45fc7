import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * Photos of one venue, uploaded in the console (made here: plain colours, 1600×1067 JPEG, so the
 * server keeps renditions 480, 960 and 1600 px wide). Their alt texts are `alt` and a number.
 */
export async function uploadVenuePhotos(
	desk: Page,
	venue: { q: string; name: string },
	count: number,
	alt: { zh: string; en: string }
) {
	const sharp = (await import('sharp')).default;
	await desk.goto(`/admin/venues?q=${venue.q}`);
	await desk.getByRole('link', { name: venue.name, exact: true }).click();
	await desk.waitForLoadState('networkidle');
	const panel = desk.getByRole('region', { name: '照片' });
	for (let i = 0; i < count; i++) {
		const photo = await sharp({
			create: {
				width: 1600,
				height: 1067,
				channels: 3,
				background: `#2b86${(16 * i).toString(16).padStart(2, '0')}`
			}
		})
			.jpeg()
			.toBuffer();
		await panel.getByLabel(/JPEG、PNG 或 WebP/).setInputFiles({
			name: `${venue.q}-${i}.jpg`,
			mimeType: 'image/jpeg',
			buffer: photo
		});
		await panel.getByLabel(/图片说明.*中文/).fill(`${alt.zh}${i + 1}`);
		await panel.getByLabel(/图片说明.*English/).fill(`${alt.en} ${i + 1}`);
		await panel.getByRole('button', { name: '上传' }).click();
		await expect(desk.getByRole('img', { name: `${alt.zh}${i + 1}` })).toBeVisible();
	}
}
