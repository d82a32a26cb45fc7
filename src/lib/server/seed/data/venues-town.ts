import type { VenueInput } from '$lib/content/schemas';
import { venueDescription } from './sample-text';

const shopHours = 'Mo-Su 10:00-22:00';
const shopHoursNote = {
	zh: '营业时间为示例，各商户时间不同。',
	en: 'Sample hours; individual shops keep their own times.'
};

/** Heritage sites in the old city north of the district, and the district's shopping streets. */
export const townVenues: VenueInput[] = [
	{
		id: 'ven_taibaitower',
		slug: 'taibai-tower',
		sample: true,
		status: 'published',
		kind: 'museum',
		name: { zh: '太白楼', en: 'Taibai Tower (Li Bai Memorial Hall)' },
		summary: {
			zh: '古运河北岸纪念李白的楼阁，1987年起辟为李白纪念馆。',
			en: 'A tower on the north bank of the old canal honouring Li Bai, a memorial hall since 1987.'
		},
		description: venueDescription(
			'太白楼位于济宁老城太白中路、古运河北岸，纪念曾寓居济宁的诗人李白，1987年起作为李白纪念馆开放。',
			'Taibai Tower stands on Taibai Middle Road on the north bank of the old canal in Jining’s old city. It honours the poet Li Bai, who lived in Jining, and has been a memorial hall since 1987.'
		),
		position: { lat: 35.4112, lon: 116.5862 },
		positionApproximate: true,
		address: { zh: '济宁市任城区太白中路', en: 'Taibai Middle Road, Rencheng District, Jining' },
		openingHours: 'May-Sep Tu-Su 09:00-18:00; Oct-Apr Tu-Su 09:00-17:30',
		hoursNote: {
			zh: '开放时间来源可信度低，周一闭馆，出行前请核实。',
			en: 'Hours come from a low-confidence source (closed Mondays); check before you go.'
		},
		price: {
			free: false,
			text: { zh: '约¥20（示例价格，待核实）', en: 'About ¥20 (sample price, to verify)' },
			amountCny: 20
		},
		facilities: ['toilet'],
		visitMinutes: 60,
		photos: [],
		tags: ['libai', 'poetry', 'history', 'canal', 'oldcity']
	},
	{
		id: 'ven_eastgrandmosque',
		slug: 'jining-east-grand-mosque',
		sample: true,
		status: 'published',
		kind: 'scenic_area',
		name: { zh: '济宁东大寺', en: 'Jining East Grand Mosque' },
		summary: {
			zh: '运河畔的明代清真寺，全国重点文物保护单位。',
			en: 'A Ming-dynasty mosque on the canal and a national key protected site.'
		},
		description: venueDescription(
			'东大寺位于老城小闸口上河西街、运河岸边，始建于明代，2006年列为全国重点文物保护单位。寺院仍在使用，参观请尊重礼拜时间并着装得体。',
			'The mosque stands on the canal at Shanghe West Street by Xiaozhakou in the old city. Built in the Ming dynasty, it became a national key protected site in 2006. It is a working mosque: respect prayer times and dress modestly.'
		),
		position: { lat: 35.4102, lon: 116.5818 },
		positionApproximate: true,
		address: {
			zh: '济宁市任城区小闸口上河西街',
			en: 'Shanghe West Street, Xiaozhakou, Rencheng District, Jining'
		},
		hoursNote: {
			zh: '参观时间未核实，礼拜期间可能不接待游客。',
			en: 'Visiting hours are not verified; visitors may not be admitted during prayers.'
		},
		facilities: [],
		visitMinutes: 40,
		photos: [],
		tags: ['mosque', 'ming', 'heritage', 'canal', 'oldcity']
	},
	{
		id: 'ven_ironpagoda',
		slug: 'iron-pagoda-temple',
		sample: true,
		status: 'published',
		kind: 'scenic_area',
		name: { zh: '铁塔寺 · 声远楼', en: 'Iron Pagoda Temple and Shengyuan Tower' },
		summary: {
			zh: '始建于公元560年的古寺，寺内铁塔建于宋代，全国重点文物保护单位。',
			en: 'A temple founded in 560 with a Song-dynasty iron pagoda; a national key protected site.'
		},
		description: venueDescription(
			'铁塔寺始建于公元560年，寺内铁塔为宋代所建，与声远楼一同于1988年列为全国重点文物保护单位。',
			'The temple was founded in 560; its iron pagoda dates from the Song dynasty. Together with Shengyuan Tower it became a national key protected site in 1988.'
		),
		position: { lat: 35.4168, lon: 116.5902 },
		positionApproximate: true,
		address: { zh: '济宁市任城区老城区', en: 'Old city, Rencheng District, Jining' },
		openingHours: 'Mo-Su 08:30-17:30',
		hoursNote: {
			zh: '开放时间和门票为示例，待核实。',
			en: 'Sample hours; hours and tickets are to verify.'
		},
		facilities: [],
		visitMinutes: 45,
		photos: [],
		tags: ['temple', 'pagoda', 'song', 'heritage', 'oldcity']
	},
	{
		id: 'ven_octcanal1283',
		slug: 'oct-canal-1283',
		sample: true,
		status: 'published',
		kind: 'shopping_street',
		name: { zh: '华侨城运河1283', en: 'OCT Canal 1283' },
		summary: {
			zh: '运河岸边的文化、旅游和商业项目。',
			en: 'A canal-side culture, tourism and shopping project.'
		},
		description: venueDescription(
			'华侨城运河1283是沿运河的文旅商业项目，“1283”指济宁段运河（济州河）开通的年份。',
			'OCT Canal 1283 is a culture, tourism and shopping project along the canal; “1283” is the year the Jining section of the canal, the Jizhou River, opened.'
		),
		position: { lat: 35.383, lon: 116.578 },
		positionApproximate: true,
		address: { zh: '济宁市太白湖新区运河沿岸', en: 'Along the canal, Taibai Lake New District' },
		openingHours: shopHours,
		hoursNote: shopHoursNote,
		price: { free: true },
		facilities: ['toilet', 'parking', 'restaurant', 'cafe', 'shop'],
		visitMinutes: 120,
		photos: [],
		tags: ['canal', 'shopping', 'food', 'culture']
	},
	{
		id: 'ven_jizhouoldstreet',
		slug: 'jizhou-old-street',
		sample: true,
		status: 'published',
		kind: 'shopping_street',
		name: { zh: '济州老街', en: 'Jizhou Old Street' },
		summary: {
			zh: '仿古风格的步行商业街，有小吃和手工艺品。',
			en: 'A pedestrian shopping street in historic style, with snacks and crafts.'
		},
		description: venueDescription(
			'济州老街是太白湖新区的步行商业街，建筑为传统风格，灯会期间有集市和猜灯谜活动。',
			'Jizhou Old Street is a pedestrian shopping street in the district built in traditional style; during the lantern fair it hosts markets and lantern riddles.'
		),
		position: { lat: 35.3575, lon: 116.5985 },
		positionApproximate: true,
		address: { zh: '济宁市太白湖新区', en: 'Taibai Lake New District, Jining' },
		openingHours: 'Mo-Su 09:00-22:00',
		hoursNote: shopHoursNote,
		price: { free: true },
		facilities: ['toilet', 'parking', 'restaurant', 'shop'],
		accessibility: {
			zh: '街道无台阶，部分店铺门口有台阶。',
			en: 'The street is step-free; some shop entrances have steps.'
		},
		visitMinutes: 90,
		photos: [],
		tags: ['shopping', 'snacks', 'crafts', 'walking']
	},
	{
		id: 'ven_nanchengimpression',
		slug: 'nancheng-impression',
		sample: true,
		status: 'published',
		kind: 'shopping_street',
		name: { zh: '南城印象', en: 'Nancheng Impression' },
		summary: {
			zh: '太白湖新区的商业街区，规划为电商产业带。',
			en: 'A commercial block in the district, planned as an e-commerce industry belt.'
		},
		description: venueDescription(
			'南城印象是太白湖新区的商业街区，规划中的电商产业带，有餐饮和零售商铺。',
			'Nancheng Impression is a commercial block in the district and part of a planned e-commerce industry belt, with restaurants and shops.'
		),
		position: { lat: 35.386, lon: 116.608 },
		positionApproximate: true,
		address: { zh: '济宁市太白湖新区', en: 'Taibai Lake New District, Jining' },
		openingHours: shopHours,
		hoursNote: shopHoursNote,
		price: { free: true },
		facilities: ['restaurant', 'shop', 'parking'],
		visitMinutes: 60,
		photos: [],
		tags: ['shopping', 'food']
	},
	{
		id: 'ven_longguiplaza',
		slug: 'longgui-shopping-plaza',
		sample: true,
		status: 'published',
		kind: 'shopping_street',
		name: { zh: '龙贵购物广场', en: 'Longgui Shopping Plaza' },
		summary: {
			zh: '太白湖新区的购物广场。',
			en: 'A shopping plaza in the Taibai Lake New District.'
		},
		description: venueDescription(
			'龙贵购物广场是太白湖新区的商业项目，有零售和餐饮。',
			'Longgui Shopping Plaza is a commercial development in the district with shops and restaurants.'
		),
		position: { lat: 35.379, lon: 116.618 },
		positionApproximate: true,
		address: { zh: '济宁市太白湖新区', en: 'Taibai Lake New District, Jining' },
		openingHours: shopHours,
		hoursNote: shopHoursNote,
		price: { free: true },
		facilities: ['toilet', 'parking', 'restaurant', 'shop', 'baby_care'],
		visitMinutes: 90,
		photos: [],
		tags: ['shopping', 'food', 'family']
	}
];
