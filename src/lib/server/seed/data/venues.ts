import type { VenueInput } from '$lib/content/schemas';
import { venueDescription } from './sample-text';
import { practicalVenues } from './venues-practical';
import { townVenues } from './venues-town';

const cultureCentreAddress = {
	zh: '济宁市太白湖新区文化中心（圣贤路南、运河路东）',
	en: 'Jining Cultural Center, south of Shengxian Road, east of Yunhe Road, Taibai Lake New District'
};

/** The lake, the culture centre on the east side of its bay, and the culture-tech park. */
const lakeAndCultureVenues: VenueInput[] = [
	{
		id: 'ven_taibailake',
		slug: 'taibai-lake-scenic-area',
		sample: true,
		status: 'published',
		kind: 'scenic_area',
		name: { zh: '太白湖景区', en: 'Taibai Lake Scenic Area' },
		summary: {
			zh: '国家4A级景区，南阳湖最北端的城市湖泊，以诗人李白命名。',
			en: 'A national 4A scenic area: the city lake at the northern tip of Nanyang Lake, named after the poet Li Bai.'
		},
		description: venueDescription(
			'太白湖原名北湖，2013年以曾寓居济宁的李白之名更名，同年成为国家4A级景区；景区约22平方公里，水面约8.9平方公里。每年7–8月荷花季开设游船和专线公交。',
			'Formerly called Beihu (North Lake), the lake was renamed in 2013 after Li Bai, who lived in Jining, and became a national 4A scenic area that year; it covers about 22 km², with about 8.9 km² of water. Special boat and bus services run in the lotus season, July–August.'
		),
		position: { lat: 35.34, lon: 116.585 },
		positionApproximate: true,
		address: { zh: '济宁市太白湖新区', en: 'Taibai Lake New District, Jining' },
		hoursNote: {
			zh: '湖滨开放空间全天可达；游船运营时间随季节调整（示例，待核实）。',
			en: 'The lakeside is open at all times; boat times change with the season (sample, to verify).'
		},
		price: { free: true },
		facilities: ['toilet', 'parking', 'boat_pier', 'bike_rental', 'shop'],
		accessibility: {
			zh: '湖滨步道平坦，大部分路段可通行轮椅。',
			en: 'The lakeside promenade is level and mostly wheelchair accessible.'
		},
		visitMinutes: 180,
		photos: [],
		tags: ['lake', 'nature', 'boats', 'lotus']
	},
	{
		id: 'ven_beihupavilion',
		slug: 'beihu-pavilion-square',
		sample: true,
		status: 'published',
		kind: 'scenic_area',
		name: { zh: '北湖阁广场', en: 'Beihu Pavilion Square' },
		summary: {
			zh: '太白湖畔的地标广场，太白湖捕鱼节举办地。',
			en: 'The landmark square on Taibai Lake and home of the Taibai Lake Fishing Festival.'
		},
		description: venueDescription(
			'北湖阁是太白湖的地标建筑，阁前广场临湖，是冬季太白湖捕鱼节和灯会等活动的举办地。',
			'Beihu Pavilion is the landmark of Taibai Lake; the square in front of it faces the water and hosts the winter fishing festival, the lantern fair and other events.'
		),
		position: { lat: 35.346, lon: 116.588 },
		positionApproximate: true,
		address: {
			zh: '济宁市太白湖新区太白湖北岸',
			en: 'North shore of Taibai Lake, Taibai Lake New District'
		},
		price: { free: true },
		facilities: ['toilet', 'parking', 'boat_pier', 'wheelchair'],
		accessibility: {
			zh: '广场平整，设无障碍坡道（示例，待核实）。',
			en: 'The square is level, with step-free ramps (sample, to verify).'
		},
		visitMinutes: 45,
		photos: [],
		tags: ['landmark', 'square', 'lake', 'festival']
	},
	{
		id: 'ven_jiningmuseum',
		slug: 'jining-museum',
		sample: true,
		status: 'published',
		kind: 'museum',
		name: { zh: '济宁市博物馆', en: 'Jining Museum' },
		summary: {
			zh: '马里奥·博塔设计的国家一级博物馆，位于济宁市文化中心，免费参观。',
			en: 'A national first-grade museum designed by Mario Botta in the Jining Cultural Center; free admission.'
		},
		description: venueDescription(
			'济宁市博物馆于2019年9月29日开馆，由马里奥·博塔设计，建筑面积约2.7万平方米，2020年12月成为国家一级博物馆。',
			'Jining Museum opened on 29 September 2019. Designed by Mario Botta, it has about 27,000 m² of floor space and became a national first-grade museum in December 2020.'
		),
		position: { lat: 35.368, lon: 116.604 },
		positionApproximate: true,
		address: cultureCentreAddress,
		openingHours: 'May-Sep Tu-Su,PH 08:30-18:00; Oct-Apr Tu-Su,PH 08:30-17:30',
		hoursNote: {
			zh: '5–9月17:00停止入馆，10–4月16:30停止入馆；周一闭馆（法定节假日除外）。免费参观，请携带身份证件。',
			en: 'Last entry 17:00 (May–Sep) or 16:30 (Oct–Apr). Closed on Mondays except public holidays. Free admission; bring your ID.'
		},
		price: { free: true },
		facilities: [
			'toilet',
			'parking',
			'wheelchair',
			'baby_care',
			'lockers',
			'audio_guide',
			'guided_tours',
			'shop'
		],
		accessibility: {
			zh: '馆内设无障碍通道和电梯（示例，待核实）。',
			en: 'Step-free entrances and lifts inside (sample, to verify).'
		},
		visitMinutes: 150,
		photos: [],
		tags: ['museum', 'history', 'canal', 'architecture', 'free']
	},
	{
		id: 'ven_jininglibrary',
		slug: 'jining-library',
		sample: true,
		status: 'published',
		kind: 'library',
		name: { zh: '济宁市图书馆', en: 'Jining Library' },
		summary: {
			zh: '济宁市文化中心内的市图书馆，2019年开馆。',
			en: 'The city library in the Jining Cultural Center, opened in 2019.'
		},
		description: venueDescription(
			'济宁市图书馆位于济宁市文化中心，于2019年4月30日开馆，设有少儿阅览区。',
			'Jining Library is part of the Jining Cultural Center and opened on 30 April 2019; it has a children’s reading area.'
		),
		position: { lat: 35.3702, lon: 116.6028 },
		positionApproximate: true,
		address: cultureCentreAddress,
		openingHours: 'Tu-Su 09:00-17:30',
		hoursNote: {
			zh: '开放时间为示例，请以图书馆公告为准。',
			en: 'Sample hours: check the library’s own notices.'
		},
		price: { free: true },
		facilities: ['toilet', 'wheelchair', 'wifi', 'lockers', 'charging'],
		visitMinutes: 60,
		photos: [],
		tags: ['library', 'reading', 'family', 'free']
	},
	{
		id: 'ven_jiningartmuseum',
		slug: 'jining-art-museum',
		sample: true,
		status: 'published',
		kind: 'gallery',
		name: { zh: '济宁美术馆', en: 'Jining Art Museum' },
		summary: {
			zh: '济宁市文化中心内的美术馆，由西泽立卫设计。',
			en: 'The art museum of the Jining Cultural Center, designed by Ryue Nishizawa.'
		},
		description: venueDescription(
			'济宁美术馆是济宁市文化中心的一部分，建筑由日本建筑师西泽立卫设计，举办书画和当代艺术展览。',
			'The art museum is part of the Jining Cultural Center; its building was designed by the Japanese architect Ryue Nishizawa, and it shows calligraphy, painting and contemporary art.'
		),
		position: { lat: 35.3665, lon: 116.606 },
		positionApproximate: true,
		address: cultureCentreAddress,
		openingHours: 'Tu-Su 09:00-17:00',
		hoursNote: {
			zh: '开放时间为示例，周一闭馆待核实。',
			en: 'Sample hours; Monday closing to verify.'
		},
		price: { free: true },
		facilities: ['toilet', 'wheelchair', 'lockers'],
		visitMinutes: 60,
		photos: [],
		tags: ['art', 'gallery', 'architecture', 'free']
	},
	{
		id: 'ven_culturalcenter',
		slug: 'jining-cultural-center',
		sample: true,
		status: 'published',
		kind: 'theatre',
		name: { zh: '济宁市文化中心', en: 'Jining Cultural Center' },
		summary: {
			zh: '太白湖湾东侧的文化综合体：博物馆、图书馆、美术馆和群众艺术馆。',
			en: 'The culture complex on the east side of the Taibai Lake bay: museum, library, art museum and mass-art centre.'
		},
		description: venueDescription(
			'文化中心位于太白湖湾东侧、运河路以东、圣贤路以南，总面积约13.7万平方米，包括博物馆、图书馆、美术馆、群众艺术馆和商业综合体；演出多在群众艺术馆举行。',
			'The centre lies on the east side of the Taibai Lake bay, east of Yunhe Road and south of Shengxian Road. About 137,000 m² in all, it holds the museum, library, art museum, the mass-art centre (where most performances take place) and a shopping complex.'
		),
		position: { lat: 35.369, lon: 116.606 },
		positionApproximate: true,
		address: cultureCentreAddress,
		facilities: ['toilet', 'parking', 'wheelchair', 'cafe', 'restaurant', 'shop'],
		visitMinutes: 240,
		photos: [],
		tags: ['culture', 'performance', 'architecture']
	},
	{
		id: 'ven_culturestage',
		slug: 'culture-centre-open-air-stage',
		sample: true,
		status: 'published',
		kind: 'theatre',
		name: { zh: '文化中心露天舞台', en: 'Culture Centre Open-Air Stage' },
		summary: {
			zh: '文化中心临湖一侧的露天演出场地，周末文化惠民演出在此举行。',
			en: 'An open-air stage on the lake side of the culture centre, used for the weekend “culture for the people” performances.'
		},
		description: venueDescription(
			'示例场地：用于展示文化惠民周末演出的露天舞台，名称和位置均为占位，须按实际场地修改。',
			'A placeholder stage for the weekend “culture for the people” performances; its name and position must be replaced with the real venue.'
		),
		position: { lat: 35.3672, lon: 116.6018 },
		positionApproximate: true,
		address: cultureCentreAddress,
		price: { free: true },
		facilities: ['toilet', 'wheelchair'],
		visitMinutes: 90,
		photos: [],
		tags: ['stage', 'performance', 'outdoor', 'free']
	},
	{
		id: 'ven_lakesidepark',
		slug: 'lakeside-park',
		sample: true,
		status: 'published',
		kind: 'park',
		name: { zh: '湖畔公园', en: 'Lakeside Park' },
		summary: {
			zh: '文化中心与太白湖之间的滨湖绿地，适合散步和骑行。',
			en: 'Green lakeside space between the culture centre and Taibai Lake, good for walking and cycling.'
		},
		description: venueDescription(
			'示例场地：文化中心西侧临湖的绿地与步道，名称为占位名称。',
			'A lakeside green with paths west of the culture centre; the name is a placeholder.'
		),
		position: { lat: 35.363, lon: 116.599 },
		positionApproximate: true,
		address: {
			zh: '济宁市太白湖新区太白湖东岸',
			en: 'East shore of Taibai Lake, Taibai Lake New District'
		},
		price: { free: true },
		facilities: ['toilet', 'bike_rental'],
		accessibility: {
			zh: '主要步道平坦，可通行轮椅和童车。',
			en: 'The main paths are level and suit wheelchairs and pushchairs.'
		},
		visitMinutes: 60,
		photos: [],
		tags: ['park', 'lake', 'walking', 'cycling', 'family']
	},
	{
		id: 'ven_rejuvenationpark',
		slug: 'road-to-rejuvenation-park',
		sample: true,
		status: 'published',
		kind: 'scenic_area',
		name: { zh: '复兴之路文化科技园', en: 'Road to Rejuvenation Culture & Technology Park' },
		summary: {
			zh: '方特运营的文化科技主题园项目，2018年签约，占地约1000亩。',
			en: 'A Fantawild-operated culture and technology theme park project, signed in 2018, about 1,000 mu in size.'
		},
		description: venueDescription(
			'复兴之路文化科技园是2018年签约、由方特运营的文化科技主题园项目，占地约1000亩。开园日期和现用名称可能已变化，待核实。',
			'The park is a culture and technology theme park project operated by Fantawild, signed in 2018 and covering about 1,000 mu (about 67 ha). Its opening date and current name may have changed and are to be verified.'
		),
		position: { lat: 35.323, lon: 116.618 },
		positionApproximate: true,
		address: { zh: '济宁市太白湖新区', en: 'Taibai Lake New District, Jining' },
		hoursNote: {
			zh: '开放时间和票价未核实，出行前请查询园区公告。',
			en: 'Hours and tickets are not verified: check the park’s own notices before you go.'
		},
		facilities: ['toilet', 'parking', 'restaurant', 'shop'],
		visitMinutes: 360,
		photos: [],
		tags: ['themepark', 'technology', 'family', 'toverify']
	}
];

/** Every seeded venue: places to visit first, then the practical points. */
export const sampleVenues: VenueInput[] = [
	...lakeAndCultureVenues,
	...townVenues,
	...practicalVenues
];
