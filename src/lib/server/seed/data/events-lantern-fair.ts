import type { EventInput } from '$lib/content/schemas';
import { free, on, ticket } from './event-helpers';
import {
	dragonDance,
	fishing,
	lantern,
	lanternWorkshop,
	luOpera,
	market,
	photoWalk,
	riddles
} from './lantern-fair-programme';
import { eventDescription } from './sample-text';

/** The lantern fair programme, from its opening a week before the seed day to its closing night. */
export function lanternFairEvents(today: string): EventInput[] {
	const t = (days: number, time: string) => on(today, days, time);
	return [
		lantern({
			id: 'evt_lanterns01',
			slug: 'lantern-lighting-ceremony',
			title: { zh: '灯会亮灯仪式', en: 'Lantern Lighting Ceremony' },
			summary: {
				zh: '新春灯会开幕，北湖阁广场主灯组点亮。',
				en: 'The spring lantern fair opens as the main lanterns at Beihu Pavilion Square light up.'
			},
			description: eventDescription(
				'开幕仪式有锣鼓表演和主灯点亮，此后灯组每晚亮灯。',
				'Drums and gongs open the fair and the main display lights up for the first time; the lanterns then shine every evening.'
			),
			venueId: 'ven_beihupavilion',
			start: t(-7, '18:00'),
			end: t(-7, '19:30'),
			category: 'ceremony',
			price: free,
			tags: ['lanterns', 'opening', 'ceremony']
		}),
		lantern({
			...riddles,
			id: 'evt_lanterns02',
			slug: 'lantern-riddles-jizhou-1',
			venueId: 'ven_jizhouoldstreet',
			start: t(-5, '19:00'),
			end: t(-5, '20:30')
		}),
		lantern({
			...fishing,
			id: 'evt_lanterns03',
			slug: 'winter-fishing-demonstration-1',
			start: t(-3, '09:30'),
			end: t(-3, '11:30')
		}),
		lantern({
			id: 'evt_lanterns04',
			slug: 'museum-talk-canal-history',
			title: { zh: '讲座：运河与济宁', en: 'Talk: The Grand Canal and Jining' },
			summary: {
				zh: '博物馆讲解员讲述济宁段运河的历史。',
				en: 'A museum guide on the history of the canal at Jining.'
			},
			description: eventDescription(
				'1283年济州河开通后，济宁成为运河重镇；讲座结合馆藏文物介绍这段历史。',
				'After the Jizhou River opened in 1283, Jining became a major canal town; the talk tells the story with objects from the collection.'
			),
			venueId: 'ven_jiningmuseum',
			start: t(-1, '14:00'),
			end: t(-1, '15:00'),
			category: 'exhibition',
			price: free,
			tags: ['canal', 'history', 'talk']
		}),
		lantern({
			...market,
			id: 'evt_lanterns05',
			slug: 'folk-art-market-1',
			start: t(0, '00:00'),
			end: t(0, '23:59')
		}),
		lantern({
			...riddles,
			id: 'evt_lanterns06',
			slug: 'lantern-riddles-beihu-1',
			venueId: 'ven_beihupavilion',
			start: t(0, '19:00'),
			end: t(0, '20:30')
		}),
		lantern({
			...luOpera,
			id: 'evt_lanterns07',
			slug: 'lu-opera-evening-1',
			start: t(1, '19:30'),
			end: t(1, '21:00')
		}),
		lantern({
			...lanternWorkshop,
			id: 'evt_lanterns08',
			slug: 'kids-lantern-workshop-1',
			start: t(1, '10:00'),
			end: t(1, '11:30')
		}),
		lantern({
			...dragonDance,
			id: 'evt_lanterns09',
			slug: 'dragon-dance-jizhou',
			venueId: 'ven_jizhouoldstreet',
			start: t(2, '15:00'),
			end: t(2, '15:45')
		}),
		lantern({
			...photoWalk,
			id: 'evt_lanterns10',
			slug: 'night-photography-walk-1',
			start: t(2, '18:30'),
			end: t(2, '20:30')
		}),
		lantern({
			id: 'evt_lanterns31',
			slug: 'folk-music-under-the-lanterns',
			title: { zh: '灯下民乐', en: 'Folk Music under the Lanterns' },
			summary: {
				zh: '文化中心露天舞台的民乐小合奏，免费观看。',
				en: 'A small folk-music ensemble on the culture centre’s open-air stage; free.'
			},
			description: eventDescription(
				'二胡、琵琶和笛子演奏新春曲目，约一小时，可随时入座。',
				'Erhu, pipa and dizi play New Year tunes for about an hour; take a seat any time.'
			),
			venueId: 'ven_culturestage',
			start: t(2, '19:00'),
			end: t(2, '20:00'),
			category: 'performance',
			price: free,
			tags: ['music', 'lanterns', 'free']
		}),
		lantern({
			id: 'evt_lanterns11',
			slug: 'jining-snack-fair',
			title: { zh: '济宁小吃市集', en: 'Jining Snack Fair' },
			summary: {
				zh: '本地小吃摊位，入场免费，小吃另付。',
				en: 'Local snack stalls; free entry, pay for what you eat.'
			},
			description: eventDescription(
				'济州老街上的小吃摊位集中亮相，可尝到济宁本地风味。',
				'Snack stalls gather on Jizhou Old Street with local Jining flavours.'
			),
			venueId: 'ven_jizhouoldstreet',
			start: t(3, '11:00'),
			end: t(3, '14:00'),
			category: 'food',
			price: free,
			tags: ['food', 'snacks', 'local']
		}),
		lantern({
			...riddles,
			id: 'evt_lanterns12',
			slug: 'lantern-riddles-jizhou-2',
			venueId: 'ven_jizhouoldstreet',
			start: t(3, '19:00'),
			end: t(3, '20:30')
		}),
		lantern({
			id: 'evt_lanterns13',
			slug: 'paper-cutting-workshop',
			title: { zh: '剪纸工作坊', en: 'Paper-Cutting Workshop' },
			summary: {
				zh: '学剪“福”字和窗花。',
				en: 'Learn to cut the character 福 and window flowers.'
			},
			description: eventDescription(
				'民间剪纸艺人指导，适合10岁以上。',
				'Led by a folk paper-cut artist; for ages 10 and up.'
			),
			venueId: 'ven_jiningartmuseum',
			start: t(4, '14:00'),
			end: t(4, '15:30'),
			category: 'workshop',
			price: ticket(30),
			tags: ['papercut', 'crafts', 'workshop']
		}),
		lantern({
			...dragonDance,
			id: 'evt_lanterns14',
			slug: 'lion-dance-beihu',
			title: { zh: '锣鼓舞狮', en: 'Lion Dance with Drums' },
			summary: { zh: '北湖阁广场的舞狮表演。', en: 'A lion dance on Beihu Pavilion Square.' },
			venueId: 'ven_beihupavilion',
			start: t(4, '19:00'),
			end: t(4, '19:45'),
			tags: ['lion', 'dance', 'tradition']
		}),
		lantern({
			...market,
			id: 'evt_lanterns15',
			slug: 'folk-art-market-2',
			start: t(5, '00:00'),
			end: t(5, '23:59')
		}),
		lantern({
			id: 'evt_lanterns16',
			slug: 'family-lantern-trail',
			title: { zh: '亲子寻灯游戏', en: 'Family Lantern Trail' },
			summary: {
				zh: '按地图在湖畔寻找十盏主题灯。',
				en: 'Follow a map to find ten themed lanterns by the lake.'
			},
			description: eventDescription(
				'在景区服务点领取任务地图，集齐印章可换纪念品。',
				'Pick up a trail map at the service point and collect stamps for a keepsake.'
			),
			venueId: 'ven_taibailake',
			start: t(5, '10:00'),
			end: t(5, '11:30'),
			category: 'family',
			price: free,
			tags: ['family', 'kids', 'lanterns']
		}),
		lantern({
			...fishing,
			id: 'evt_lanterns17',
			slug: 'winter-fishing-demonstration-2',
			start: t(6, '09:30'),
			end: t(6, '11:30')
		}),
		lantern({
			id: 'evt_lanterns18',
			slug: 'shandong-kuaishu-and-folk-music',
			title: { zh: '山东快书与民乐', en: 'Shandong Kuaishu and Folk Music' },
			summary: {
				zh: '山东快书说唱和民乐合奏。',
				en: 'Shandong kuaishu storytelling and a folk-music ensemble.'
			},
			description: eventDescription(
				'山东快书是以铜板伴奏的说唱艺术，演出在群众艺术馆举行。',
				'Shandong kuaishu is rhythmic storytelling accompanied by brass clappers; the show is in the mass-art centre.'
			),
			venueId: 'ven_culturalcenter',
			start: t(6, '19:30'),
			end: t(6, '21:00'),
			category: 'performance',
			price: ticket(30),
			tags: ['storytelling', 'music', 'shandong']
		}),
		lantern({
			id: 'evt_lanterns19',
			slug: 'museum-talk-lanterns',
			title: { zh: '讲座：灯彩里的年俗', en: 'Talk: Lanterns and New Year Customs' },
			summary: {
				zh: '从馆藏看元宵灯彩和济宁年俗。',
				en: 'Lantern Festival lanterns and Jining’s New Year customs, seen through the collection.'
			},
			description: eventDescription(
				'博物馆讲解员介绍传统灯彩的做法和元宵习俗。',
				'A museum guide explains how traditional lanterns are made and how the Lantern Festival is kept.'
			),
			venueId: 'ven_jiningmuseum',
			start: t(7, '14:00'),
			end: t(7, '15:00'),
			category: 'exhibition',
			price: free,
			tags: ['lanterns', 'customs', 'talk']
		}),
		lantern({
			...riddles,
			id: 'evt_lanterns20',
			slug: 'lantern-riddles-jizhou-3',
			venueId: 'ven_jizhouoldstreet',
			start: t(7, '18:30'),
			end: t(7, '20:00')
		}),
		lantern({
			id: 'evt_lanterns21',
			slug: 'lantern-fair-photo-exhibition',
			title: { zh: '灯会摄影展', en: 'Lantern Fair Photo Exhibition' },
			summary: {
				zh: '历届太白湖灯会的摄影作品展。',
				en: 'Photographs from past Taibai Lake lantern fairs.'
			},
			description: eventDescription(
				'展出市民拍摄的灯会照片，一日展。',
				'A one-day show of lantern fair photographs taken by local residents.'
			),
			venueId: 'ven_jiningartmuseum',
			allDay: true,
			start: t(8, '00:00'),
			end: t(9, '00:00'),
			category: 'exhibition',
			price: free,
			tags: ['photography', 'exhibition', 'lanterns']
		}),
		lantern({
			...dragonDance,
			id: 'evt_lanterns22',
			slug: 'dragon-dance-beihu',
			venueId: 'ven_beihupavilion',
			start: t(8, '19:00'),
			end: t(8, '19:45')
		}),
		lantern({
			...lanternWorkshop,
			id: 'evt_lanterns23',
			slug: 'kids-lantern-workshop-2',
			start: t(9, '10:00'),
			end: t(9, '11:30')
		}),
		lantern({
			...photoWalk,
			id: 'evt_lanterns24',
			slug: 'night-photography-walk-2',
			status: 'cancelled',
			statusReason: {
				zh: '预报有大风，湖边夜间活动取消，已购票将全额退款。',
				en: 'Strong wind is forecast, so this lakeside evening walk is cancelled; tickets will be refunded in full.'
			},
			start: t(9, '18:30'),
			end: t(9, '20:30')
		}),
		lantern({
			id: 'evt_lanterns25',
			slug: 'lantern-night-food-market',
			title: { zh: '灯会夜市', en: 'Lantern Night Food Market' },
			summary: { zh: '灯下的小吃夜市。', en: 'A snack market under the lanterns.' },
			description: eventDescription(
				'济州老街夜市，有元宵、煎饼等节令小吃。',
				'An evening market on Jizhou Old Street with seasonal snacks such as sweet rice balls and jianbing.'
			),
			venueId: 'ven_jizhouoldstreet',
			start: t(10, '17:30'),
			end: t(10, '21:00'),
			category: 'food',
			price: free,
			tags: ['food', 'night', 'market']
		}),
		lantern({
			...luOpera,
			id: 'evt_lanterns26',
			slug: 'lu-opera-evening-2',
			start: t(11, '19:30'),
			end: t(11, '21:00')
		}),
		lantern({
			...market,
			id: 'evt_lanterns27',
			slug: 'folk-art-market-3',
			start: t(12, '00:00'),
			end: t(12, '23:59')
		}),
		lantern({
			...riddles,
			id: 'evt_lanterns28',
			slug: 'lantern-riddle-contest',
			status: 'postponed',
			statusReason: {
				zh: '原定日期预报有雨，比赛改期举行。',
				en: 'Rain was forecast for the original date, so the contest has moved to a later day.'
			},
			title: { zh: '灯谜擂台赛', en: 'Lantern Riddle Contest' },
			venueId: 'ven_beihupavilion',
			previousStart: t(6, '19:00'),
			start: t(12, '19:00'),
			end: t(12, '20:30')
		}),
		lantern({
			...dragonDance,
			id: 'evt_lanterns29',
			slug: 'dragon-and-lion-dance-showcase',
			title: { zh: '舞龙舞狮汇演', en: 'Dragon and Lion Dance Showcase' },
			summary: { zh: '多支民间队伍同台表演。', en: 'Several folk troupes perform together.' },
			venueId: 'ven_beihupavilion',
			start: t(13, '15:00'),
			end: t(13, '16:00')
		}),
		lantern({
			id: 'evt_lanterns30',
			slug: 'lantern-fair-closing-night',
			title: { zh: '灯会闭幕之夜', en: 'Lantern Fair Closing Night' },
			summary: {
				zh: '灯会最后一晚的闭幕演出。',
				en: 'A closing show on the last night of the fair.'
			},
			description: eventDescription(
				'锣鼓、舞龙和主灯熄灯仪式，为灯会收尾。',
				'Drums, a dragon dance and the last lighting of the main display close the fair.'
			),
			venueId: 'ven_beihupavilion',
			start: t(35, '18:30'),
			end: t(35, '20:00'),
			category: 'ceremony',
			price: free,
			tags: ['lanterns', 'closing', 'ceremony']
		})
	];
}
