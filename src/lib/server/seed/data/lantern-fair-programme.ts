import type { EventInput } from '$lib/content/schemas';
import { free, ticket } from './event-helpers';
import { eventDescription } from './sample-text';

type LanternEvent = Omit<EventInput, 'sample' | 'status' | 'festivalId'> & {
	status?: EventInput['status'];
};

/**
 * Building blocks of the sample lantern fair programme: events that repeat on several days share
 * their texts, and every one belongs to the fair.
 */
export function lantern(event: LanternEvent): EventInput {
	return { sample: true, status: 'published', festivalId: 'fes_lanternfair', ...event };
}

export const riddles = {
	title: { zh: '猜灯谜之夜', en: 'Lantern Riddle Evening' },
	summary: {
		zh: '在灯下猜灯谜，猜中可领小奖品。',
		en: 'Solve riddles hung under the lanterns and win small prizes.'
	},
	description: eventDescription(
		'猜灯谜是元宵节的传统游戏，谜面有中文和简单英文两种。',
		'Lantern riddles are a Lantern Festival tradition; riddles come in Chinese and in simple English.'
	),
	category: 'family',
	price: free,
	tags: ['lanterns', 'riddles', 'family']
} satisfies Partial<LanternEvent>;

export const market = {
	title: { zh: '民俗年货集市', en: 'Folk Art and New Year Market' },
	summary: {
		zh: '剪纸、面塑、年画和年货小吃。',
		en: 'Paper-cuts, dough figures, New Year prints and festive snacks.'
	},
	description: eventDescription(
		'济州老街上的民俗集市，本地手艺人现场制作剪纸、面塑和年画。',
		'A folk market on Jizhou Old Street where local craftspeople make paper-cuts, dough figures and New Year prints on the spot.'
	),
	venueId: 'ven_jizhouoldstreet',
	allDay: true,
	category: 'market',
	price: free,
	tags: ['market', 'crafts', 'snacks']
} satisfies Partial<LanternEvent>;

export const fishing = {
	title: { zh: '冬捕展示', en: 'Winter Fishing Demonstration' },
	summary: {
		zh: '渔民在北湖阁广场前展示传统冬季捕鱼。',
		en: 'Fishermen show traditional winter net fishing off Beihu Pavilion Square.'
	},
	description: eventDescription(
		'延续太白湖捕鱼节的传统，第八届捕鱼节于2023年2月1日在北湖阁广场开幕。',
		'It carries on the Taibai Lake Fishing Festival, whose 8th edition opened at Beihu Pavilion Square on 1 February 2023.'
	),
	venueId: 'ven_beihupavilion',
	category: 'festival',
	price: free,
	tags: ['fishing', 'tradition', 'lake']
} satisfies Partial<LanternEvent>;

export const lanternWorkshop = {
	title: { zh: '儿童花灯制作', en: 'Kids’ Lantern-Making Workshop' },
	summary: {
		zh: '6–12岁儿童在家长陪同下制作纸灯笼，材料费含在票价中。',
		en: 'Children aged 6–12 make a paper lantern with a parent; materials are included.'
	},
	description: eventDescription(
		'在图书馆少儿区学做传统花灯，名额有限。',
		'Learn to make a traditional lantern in the library’s children’s area; places are limited.'
	),
	venueId: 'ven_jininglibrary',
	category: 'workshop',
	price: ticket(30),
	tags: ['lanterns', 'kids', 'crafts']
} satisfies Partial<LanternEvent>;

export const photoWalk = {
	title: { zh: '灯会夜景摄影漫步', en: 'Night Photography Walk' },
	summary: {
		zh: '跟随摄影师拍摄湖畔灯景，手机或相机均可。',
		en: 'Photograph the lakeside lanterns with a photographer; phones and cameras both welcome.'
	},
	description: eventDescription(
		'从北湖阁广场出发，沿湖岸到主灯区，讲解夜景拍摄技巧。',
		'From Beihu Pavilion Square along the shore to the main display, with tips on night shots.'
	),
	venueId: 'ven_beihupavilion',
	category: 'tour',
	price: ticket(30),
	tags: ['photography', 'night', 'lanterns']
} satisfies Partial<LanternEvent>;

export const luOpera = {
	title: { zh: '吕剧专场', en: 'Lü Opera Evening' },
	summary: {
		zh: '山东地方戏吕剧经典选段。',
		en: 'Well-loved excerpts of Lü opera, Shandong’s local opera.'
	},
	description: eventDescription(
		'吕剧是山东的代表性地方戏曲，演出在文化中心群众艺术馆举行，配中英文字幕。',
		'Lü opera is the best-known local opera of Shandong; the show is in the mass-art centre of the culture centre, with Chinese and English surtitles.'
	),
	venueId: 'ven_culturalcenter',
	category: 'performance',
	price: ticket(30),
	tags: ['opera', 'shandong', 'tradition']
} satisfies Partial<LanternEvent>;

export const dragonDance = {
	title: { zh: '舞龙表演', en: 'Dragon Dance' },
	summary: { zh: '锣鼓声中的舞龙表演。', en: 'A dragon dance to drums and gongs.' },
	description: eventDescription(
		'民间舞龙队在灯下表演，约45分钟。',
		'A folk dragon-dance troupe performs under the lanterns for about 45 minutes.'
	),
	category: 'performance',
	price: free,
	tags: ['dragon', 'dance', 'tradition']
} satisfies Partial<LanternEvent>;
