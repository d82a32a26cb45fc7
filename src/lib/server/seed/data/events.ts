import type { EventInput } from '$lib/content/schemas';
import { addDays, weekday } from '$lib/content/time';
import { free, on, ticket } from './event-helpers';
import { lanternFairEvents } from './events-lantern-fair';
import { eventDescription } from './sample-text';
import { sampleVenues } from './venues';
import { placeWhenOpen } from './when-open';

/**
 * The sample programme, placed relative to the seed day (`today`, a Shanghai date) so that a fresh
 * demo has events every day of the coming two weeks, a few in the past week and one cancelled date.
 */
export function sampleEvents(today: string): EventInput[] {
	return placeWhenOpen(
		[weekendPerformance(today), ...lanternFairEvents(today), ...otherEvents(today)],
		sampleVenues
	);
}

/** The one recurring event: eight Saturdays from the first Saturday on or after `today`. */
function weekendPerformance(today: string): EventInput {
	const firstSaturday = addDays(today, (6 - weekday(today) + 7) % 7);
	return {
		id: 'evt_weekendshow',
		slug: 'culture-for-the-people-weekend-performance',
		sample: true,
		status: 'published',
		title: { zh: '文化惠民周末演出', en: 'Culture for the People Weekend Show' },
		summary: {
			zh: '每周六下午在文化中心露天舞台的免费演出。',
			en: 'A free show every Saturday afternoon on the culture centre’s open-air stage.'
		},
		description: eventDescription(
			'文化惠民系列演出，节目有民乐、戏曲选段和舞蹈，每周不同。第三场因场地维护取消。',
			'Part of the bureau’s “culture for the people” series: folk music, opera excerpts and dance, different every week. The third show is cancelled for stage maintenance.'
		),
		venueId: 'ven_culturestage',
		start: `${firstSaturday}T15:00`,
		end: `${firstSaturday}T16:30`,
		rrule: 'FREQ=WEEKLY;BYDAY=SA;COUNT=8',
		exdates: [`${addDays(firstSaturday, 14)}T15:00`],
		category: 'performance',
		price: free,
		tags: ['music', 'opera', 'dance', 'free', 'weekly']
	};
}

type OtherEvent = Omit<EventInput, 'sample' | 'status'>;

function published(event: OtherEvent): EventInput {
	return { sample: true, status: 'published', ...event };
}

/** Events outside any festival, at the museums, the lake and the shopping streets. */
function otherEvents(today: string): EventInput[] {
	const t = (days: number, time: string) => on(today, days, time);
	return [
		published({
			id: 'evt_canalexhibit',
			slug: 'special-exhibition-city-of-the-canal',
			title: { zh: '专题展：运河之都', en: 'Special Exhibition: City of the Canal' },
			summary: {
				zh: '济宁与大运河的专题展，为期三周。',
				en: 'A three-week exhibition on Jining and the Grand Canal.'
			},
			description: eventDescription(
				'以文物和地图展示济宁段运河的开凿与漕运，免费参观，周一闭馆。',
				'Objects and maps tell how the Jining section of the canal was dug and used for grain shipping. Free; closed on Mondays.'
			),
			venueId: 'ven_jiningmuseum',
			allDay: true,
			start: t(-2, '00:00'),
			end: t(20, '23:59'),
			category: 'exhibition',
			price: free,
			tags: ['canal', 'history', 'exhibition']
		}),
		published({
			id: 'evt_filmnight01',
			slug: 'library-family-film',
			title: { zh: '图书馆家庭电影', en: 'Library Family Film' },
			summary: { zh: '适合全家观看的电影放映。', en: 'A film screening for the whole family.' },
			description: eventDescription(
				'在图书馆报告厅放映，免费入场，座位有限。',
				'Shown in the library lecture hall; free entry, limited seats.'
			),
			venueId: 'ven_jininglibrary',
			start: t(-4, '14:30'),
			end: t(-4, '16:15'),
			category: 'family',
			price: free,
			tags: ['film', 'family', 'free']
		}),
		published({
			id: 'evt_morningrun',
			slug: 'lakeside-morning-run',
			title: { zh: '湖畔晨跑', en: 'Lakeside Morning Run' },
			summary: {
				zh: '沿太白湖岸约5公里的集体晨跑。',
				en: 'A group run of about 5 km along Taibai Lake.'
			},
			description: eventDescription(
				'北湖阁广场集合，配速轻松。济宁太白湖半程马拉松列于2026年10月25日举行。',
				'Meet at Beihu Pavilion Square for an easy-paced run. The Taibai Lake Half Marathon is listed for 25 October 2026.'
			),
			venueId: 'ven_beihupavilion',
			start: t(0, '07:30'),
			end: t(0, '08:30'),
			category: 'sport',
			price: free,
			tags: ['running', 'sport', 'lake']
		}),
		published({
			id: 'evt_storytime01',
			slug: 'picture-book-story-time',
			title: { zh: '少儿绘本故事会', en: 'Picture-Book Story Time' },
			summary: { zh: '为3–8岁儿童讲绘本故事。', en: 'Picture-book stories for children aged 3–8.' },
			description: eventDescription(
				'在图书馆少儿区举行，家长陪同。',
				'In the library’s children’s area; a parent stays with each child.'
			),
			venueId: 'ven_jininglibrary',
			start: t(1, '10:00'),
			end: t(1, '11:00'),
			category: 'family',
			price: free,
			tags: ['kids', 'books', 'family']
		}),
		published({
			id: 'evt_taibaitour1',
			slug: 'taibai-tower-guided-tour',
			title: { zh: '太白楼导览', en: 'Guided Tour of Taibai Tower' },
			summary: {
				zh: '讲解李白与济宁的故事。',
				en: 'The story of Li Bai and Jining, with a guide.'
			},
			description: eventDescription(
				'讲解员带领参观李白纪念馆，票价含门票。',
				'A guide leads you through the Li Bai Memorial Hall; the price includes admission.'
			),
			venueId: 'ven_taibaitower',
			start: t(3, '14:30'),
			end: t(3, '15:30'),
			category: 'tour',
			price: ticket(30),
			tags: ['libai', 'poetry', 'guided']
		}),
		published({
			id: 'evt_groupride1',
			slug: 'lakeside-group-ride',
			title: { zh: '湖畔骑行', en: 'Lakeside Group Ride' },
			summary: {
				zh: '沿湖畔绿道的轻松骑行，约15公里。',
				en: 'An easy ride of about 15 km on the lakeside greenway.'
			},
			description: eventDescription(
				'湖畔公园出发，可现场租车，请自备头盔。',
				'Starts at Lakeside Park; bikes can be hired on site, bring your own helmet.'
			),
			venueId: 'ven_lakesidepark',
			start: t(5, '09:00'),
			end: t(5, '11:00'),
			category: 'sport',
			price: free,
			tags: ['cycling', 'sport', 'lake']
		}),
		published({
			id: 'evt_foodevening',
			slug: 'nancheng-food-evening',
			title: { zh: '南城美食之夜', en: 'Nancheng Food Evening' },
			summary: {
				zh: '南城印象商户的美食推广夜。',
				en: 'A food evening with the restaurants of Nancheng Impression.'
			},
			description: eventDescription(
				'街区餐饮商户推出试吃和优惠，入场免费。',
				'Restaurants on the block offer tastings and discounts; free entry.'
			),
			venueId: 'ven_nanchengimpression',
			start: t(6, '17:00'),
			end: t(6, '21:00'),
			category: 'food',
			price: free,
			tags: ['food', 'evening']
		}),
		published({
			id: 'evt_inkpainting',
			slug: 'ink-painting-workshop',
			title: { zh: '水墨画体验课', en: 'Ink Painting Workshop' },
			summary: {
				zh: '体验传统水墨画，材料已含。',
				en: 'Try traditional ink painting; materials included.'
			},
			description: eventDescription(
				'美术馆教育活动，适合成人和12岁以上青少年。',
				'An education session at the art museum for adults and teenagers over 12.'
			),
			venueId: 'ven_jiningartmuseum',
			start: t(8, '14:00'),
			end: t(8, '16:00'),
			category: 'workshop',
			price: ticket(50),
			tags: ['painting', 'art', 'workshop']
		}),
		published({
			id: 'evt_heritagewalk',
			slug: 'old-town-heritage-walk',
			title: { zh: '老城文保寻访', en: 'Old Town Heritage Walk' },
			summary: {
				zh: '从铁塔寺出发走访老城文物。',
				en: 'A walk to the old city’s heritage sites, starting at the Iron Pagoda Temple.'
			},
			description: eventDescription(
				'志愿者讲解铁塔寺、声远楼和运河沿岸的历史建筑。',
				'Volunteer guides explain the Iron Pagoda Temple, Shengyuan Tower and the historic buildings along the canal.'
			),
			venueId: 'ven_ironpagoda',
			start: t(10, '09:30'),
			end: t(10, '11:30'),
			category: 'tour',
			price: free,
			tags: ['heritage', 'walking', 'oldcity']
		}),
		published({
			id: 'evt_familycraft',
			slug: 'longgui-family-craft-afternoon',
			title: { zh: '亲子手工下午', en: 'Family Craft Afternoon' },
			summary: {
				zh: '龙贵购物广场的亲子手工活动。',
				en: 'Crafts for parents and children at Longgui Shopping Plaza.'
			},
			description: eventDescription(
				'中庭手工桌，可随到随做。',
				'Craft tables in the atrium; drop in any time.'
			),
			venueId: 'ven_longguiplaza',
			start: t(11, '14:00'),
			end: t(11, '16:00'),
			category: 'family',
			price: free,
			tags: ['crafts', 'kids', 'family']
		}),
		published({
			id: 'evt_chamberconcert',
			slug: 'chamber-concert',
			title: { zh: '室内乐音乐会', en: 'Chamber Concert' },
			summary: {
				zh: '弦乐四重奏演出中外名曲。',
				en: 'A string quartet plays Chinese and Western favourites.'
			},
			description: eventDescription(
				'在文化中心群众艺术馆举行，建议提前购票。',
				'In the mass-art centre of the culture centre; booking ahead is advised.'
			),
			venueId: 'ven_culturalcenter',
			start: t(12, '19:30'),
			end: t(12, '21:00'),
			category: 'performance',
			price: ticket(80),
			tags: ['music', 'concert']
		}),
		published({
			id: 'evt_canalmarket',
			slug: 'canal-1283-weekend-market',
			title: { zh: '运河1283创意市集', en: 'Canal 1283 Makers’ Market' },
			summary: { zh: '运河边的手作和文创市集。', en: 'A handmade and design market by the canal.' },
			description: eventDescription(
				'本地手作人和文创品牌摆摊，入场免费。',
				'Local makers and design brands set up stalls; free entry.'
			),
			venueId: 'ven_octcanal1283',
			start: t(13, '10:00'),
			end: t(13, '16:00'),
			category: 'market',
			price: free,
			tags: ['market', 'crafts', 'canal']
		})
	];
}
