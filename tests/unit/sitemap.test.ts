import { describe, expect, it } from 'vitest';
import { robotsTxt, siteOrigin, sitemapPages, sitemapXml } from '$lib/server/seo/sitemap';
import { sampleSnapshot } from '../helpers/snapshot';

const snap = sampleSnapshot('2026-11-28');
const content = {
	...snap,
	venues: snap.venues.map((v) =>
		v.slug === 'jining-museum' ? { ...v, updatedAt: '2026-12-01T08:00:00.000Z' } : v
	)
};
const xml = sitemapXml('https://guide.example.cn/', content);
const urls = [...xml.matchAll(/<url>(.*?)<\/url>/g)].map((m) => m[1]);

describe('sitemap', () => {
	it('lists every visitor page in both languages', () => {
		const pages = sitemapPages(content).map((p) => p.path);
		expect(pages).toEqual(
			expect.arrayContaining(['/', '/events', '/festivals', '/venues', '/tours', '/map'])
		);
		expect(pages).toEqual(expect.arrayContaining(['/search', '/info']));
		expect(pages).toContain('/venues/jining-museum');
		expect(pages).toContain('/festivals/spring-lantern-fair');
		expect(pages.filter((p) => p.startsWith('/events/'))).toHaveLength(snap.events.length);
		expect(pages.filter((p) => p.startsWith('/tours/'))).toHaveLength(snap.tours.length);
		expect(urls).toHaveLength(pages.length * 2);
		expect(xml).toContain('<loc>https://guide.example.cn/venues/jining-museum</loc>');
		expect(xml).toContain('<loc>https://guide.example.cn/en/venues/jining-museum</loc>');
		expect(xml).toContain('<loc>https://guide.example.cn/en</loc>');
	});

	it('gives each URL its zh-CN, en and x-default alternates', () => {
		for (const url of urls) {
			expect(url.match(/hreflang="zh-CN"/g)).toHaveLength(1);
			expect(url.match(/hreflang="en"/g)).toHaveLength(1);
			expect(url.match(/hreflang="x-default"/g)).toHaveLength(1);
		}
		const info = urls.find((u) => u.includes('<loc>https://guide.example.cn/en/info</loc>'));
		expect(info).toContain(
			'<xhtml:link rel="alternate" hreflang="x-default" href="https://guide.example.cn/info"/>'
		);
	});

	it('dates each page by the last update of its records', () => {
		const pages = sitemapPages(content);
		expect(pages.find((p) => p.path === '/venues/jining-museum')?.lastmod).toBe(
			'2026-12-01T08:00:00.000Z'
		);
		expect(pages.find((p) => p.path === '/venues/jining-library')?.lastmod).toBe(
			'2026-11-28T00:00:00.000Z'
		);
		expect(pages.find((p) => p.path === '/venues')?.lastmod).toBe('2026-12-01T08:00:00.000Z');
		expect(pages.find((p) => p.path === '/tours')?.lastmod).toBe('2026-11-28T00:00:00.000Z');
	});

	it('is a urlset in the sitemap and xhtml namespaces', () => {
		expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
		expect(xml).toContain('xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"');
		expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
		expect(xml).not.toContain('//venues');
	});
});

describe('robots.txt', () => {
	it('points to the sitemap by its absolute URL and keeps crawlers out of admin and API', () => {
		const robots = robotsTxt(siteOrigin(undefined, 'http://127.0.0.1:4173'));
		expect(robots).toContain('Sitemap: http://127.0.0.1:4173/sitemap.xml');
		expect(robots).toContain('Disallow: /admin');
		expect(robots).toContain('Disallow: /api/');
		expect(siteOrigin('https://guide.example.cn/', 'http://localhost')).toBe(
			'https://guide.example.cn'
		);
	});
});
