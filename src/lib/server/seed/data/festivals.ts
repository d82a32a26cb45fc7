import type { FestivalInput } from '$lib/content/schemas';
import { addDays } from '$lib/content/time';
import { festivalDescription } from './sample-text';

/**
 * The festivals are placed relative to the day the database is first seeded (`today`, a Shanghai
 * date), so that a fresh demo always has a festival running; the documented real dates stay in the
 * descriptions as facts.
 */
export function sampleFestivals(today: string): FestivalInput[] {
	return [
		{
			id: 'fes_lanternfair',
			slug: 'spring-lantern-fair',
			sample: true,
			status: 'published',
			name: { zh: '太白湖新春灯会', en: 'Taibai Lake Spring Lantern Fair' },
			summary: {
				zh: '北湖阁广场和济州老街的新春灯会：彩灯、猜灯谜、民俗集市和演出。',
				en: 'Spring lanterns at Beihu Pavilion Square and Jizhou Old Street, with riddles, a folk market and shows.'
			},
			description: festivalDescription(
				'太白湖新春灯会在湖畔点亮彩灯，举办猜灯谜、民俗年货集市、吕剧和舞龙表演，冬季太白湖捕鱼节的捕鱼展示也在北湖阁广场举行。2026年灯会的实际日期为1月24日至3月8日。',
				'The spring lantern fair lights up the lakeside with lanterns, lantern riddles, a folk New Year market, Lü opera and dragon dances; the winter fishing demonstrations of the Taibai Lake Fishing Festival also take place at Beihu Pavilion Square. The real 2026 fair runs from 24 January to 8 March.'
			),
			startDate: addDays(today, -7),
			endDate: addDays(today, 35)
		},
		{
			id: 'fes_lotusseason',
			slug: 'lotus-season',
			sample: true,
			status: 'published',
			name: { zh: '太白湖荷花季', en: 'Taibai Lake Lotus Season' },
			summary: {
				zh: '夏季赏荷：荷花专线游船和公交、湖畔摄影与亲子活动。',
				en: 'Summer lotus viewing, with special boats and buses, lakeside photography and family activities.'
			},
			description: festivalDescription(
				'每年7月至8月太白湖荷花盛开，景区开设赏荷游船和专线公交。',
				'Every July and August the lotus flowers on Taibai Lake, and the scenic area runs special lotus boats and bus services.'
			),
			startDate: addDays(today, 60),
			endDate: addDays(today, 120)
		}
	];
}
