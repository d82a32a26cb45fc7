import type { VenueInput } from '$lib/content/schemas';
import { venueDescription } from './sample-text';

const parkingPrice = {
	free: false,
	text: { zh: '约¥5/小时（示例价格，待核实）', en: 'About ¥5 per hour (sample price, to verify)' },
	amountCny: 5
} as const;

const parkingNote = (zh: string, en: string) =>
	venueDescription(
		`${zh}停车场接入全市“泊济宁”智慧停车系统，可在其中查询空位并缴费。`,
		`${en} The lot is part of the city’s “泊济宁” (Bo Jining) smart-parking network, where you can see free spaces and pay.`
	);

const cultureAddress = { zh: '济宁市文化中心', en: 'Jining Cultural Center' };

const firstAidHours = {
	zh: '景区开放时间和灯会夜间有人值守（示例，待核实）。紧急情况请拨打120。',
	en: 'Staffed during scenic-area hours and lantern-fair evenings (sample, to verify). In an emergency call 120.'
};

/** Practical points: the visitor centre, parking, toilets and first aid (all to verify on site). */
export const practicalVenues: VenueInput[] = [
	{
		id: 'ven_visitorcentre',
		slug: 'beihu-visitor-centre',
		sample: true,
		status: 'published',
		kind: 'visitor_centre',
		name: { zh: '北湖阁游客中心', en: 'Beihu Pavilion Visitor Centre' },
		summary: {
			zh: '北湖阁广场的游客中心：咨询、地图和失物招领。',
			en: 'The visitor centre at Beihu Pavilion Square: information, maps and lost property.'
		},
		description: venueDescription(
			'提供景区咨询、地图和失物招领。紧急电话：110报警，119火警，120急救；城市服务热线12345。',
			'Information, maps and lost property. Emergency numbers: 110 police, 119 fire, 120 ambulance; city service hotline 12345.'
		),
		position: { lat: 35.3466, lon: 116.5893 },
		positionApproximate: true,
		address: { zh: '北湖阁广场', en: 'Beihu Pavilion Square' },
		openingHours: 'Mo-Su 08:30-17:30',
		hoursNote: { zh: '开放时间为示例。', en: 'Sample hours.' },
		price: { free: true },
		facilities: ['toilet', 'wheelchair', 'wifi', 'charging', 'lockers'],
		photos: [],
		tags: ['information', 'maps', 'help']
	},
	{
		id: 'ven_parkingbeihu',
		slug: 'beihu-pavilion-parking',
		sample: true,
		status: 'published',
		kind: 'parking',
		name: { zh: '北湖阁停车场', en: 'Beihu Pavilion Car Park' },
		summary: {
			zh: '北湖阁广场旁的公共停车场。',
			en: 'Public car park next to Beihu Pavilion Square.'
		},
		description: parkingNote(
			'北湖阁广场东侧的公共停车场，灯会和捕鱼节期间车位紧张。',
			'A public car park east of Beihu Pavilion Square; it fills up during the lantern fair and the fishing festival.'
		),
		position: { lat: 35.3475, lon: 116.5905 },
		positionApproximate: true,
		address: { zh: '北湖阁广场东侧', en: 'East side of Beihu Pavilion Square' },
		openingHours: '24/7',
		price: parkingPrice,
		facilities: ['charging'],
		photos: [],
		tags: ['parking', 'car']
	},
	{
		id: 'ven_parkingculture',
		slug: 'cultural-center-parking',
		sample: true,
		status: 'published',
		kind: 'parking',
		name: { zh: '文化中心停车场', en: 'Cultural Center Car Park' },
		summary: {
			zh: '济宁市文化中心的公共停车场，方便前往博物馆和图书馆。',
			en: 'Public parking at the Jining Cultural Center, close to the museum and library.'
		},
		description: parkingNote(
			'位于文化中心东侧，步行可达博物馆、图书馆和美术馆。',
			'East of the culture centre, a short walk from the museum, library and art museum.'
		),
		position: { lat: 35.3692, lon: 116.6075 },
		positionApproximate: true,
		address: { zh: '济宁市文化中心东侧', en: 'East side of the Jining Cultural Center' },
		openingHours: '24/7',
		price: parkingPrice,
		facilities: ['charging', 'wheelchair'],
		photos: [],
		tags: ['parking', 'car']
	},
	{
		id: 'ven_parkingjizhou',
		slug: 'jizhou-old-street-parking',
		sample: true,
		status: 'published',
		kind: 'parking',
		name: { zh: '济州老街停车场', en: 'Jizhou Old Street Car Park' },
		summary: {
			zh: '济州老街北口的公共停车场。',
			en: 'Public car park by the north gate of Jizhou Old Street.'
		},
		description: parkingNote(
			'济州老街北口的公共停车场。',
			'A public car park by the north entrance of Jizhou Old Street.'
		),
		position: { lat: 35.3588, lon: 116.6003 },
		positionApproximate: true,
		address: { zh: '济州老街北口', en: 'North entrance of Jizhou Old Street' },
		openingHours: '24/7',
		price: parkingPrice,
		facilities: [],
		photos: [],
		tags: ['parking', 'car']
	},
	{
		id: 'ven_toiletbeihu',
		slug: 'beihu-pavilion-toilets',
		sample: true,
		status: 'published',
		kind: 'toilet',
		name: { zh: '北湖阁广场公厕', en: 'Beihu Pavilion Square Toilets' },
		summary: {
			zh: '广场西侧的公共厕所，含无障碍厕位。',
			en: 'Public toilets west of the square, with an accessible cubicle.'
		},
		description: venueDescription(
			'北湖阁广场西侧的公共厕所，设无障碍厕位和母婴室。',
			'Public toilets on the west side of Beihu Pavilion Square, with an accessible cubicle and a baby-care room.'
		),
		position: { lat: 35.3455, lon: 116.5872 },
		positionApproximate: true,
		address: { zh: '北湖阁广场西侧', en: 'West side of Beihu Pavilion Square' },
		openingHours: '24/7',
		price: { free: true },
		facilities: ['wheelchair', 'baby_care'],
		photos: [],
		tags: ['toilet']
	},
	{
		id: 'ven_toiletculture',
		slug: 'cultural-center-toilets',
		sample: true,
		status: 'published',
		kind: 'toilet',
		name: { zh: '文化中心广场公厕', en: 'Cultural Center Plaza Toilets' },
		summary: { zh: '文化中心广场的公共厕所。', en: 'Public toilets on the culture centre plaza.' },
		description: venueDescription(
			'文化中心临湖广场的公共厕所，设无障碍厕位。',
			'Public toilets on the lakeside plaza of the culture centre, with an accessible cubicle.'
		),
		position: { lat: 35.3675, lon: 116.603 },
		positionApproximate: true,
		address: cultureAddress,
		openingHours: '24/7',
		price: { free: true },
		facilities: ['wheelchair', 'baby_care'],
		photos: [],
		tags: ['toilet']
	},
	{
		id: 'ven_toiletlakepier',
		slug: 'lake-pier-toilets',
		sample: true,
		status: 'published',
		kind: 'toilet',
		name: { zh: '游船码头公厕', en: 'Boat Pier Toilets' },
		summary: {
			zh: '太白湖游船码头旁的公共厕所。',
			en: 'Public toilets by the Taibai Lake boat pier.'
		},
		description: venueDescription(
			'太白湖游船码头旁的公共厕所。',
			'Public toilets next to the Taibai Lake boat pier.'
		),
		position: { lat: 35.342, lon: 116.5835 },
		positionApproximate: true,
		address: { zh: '太白湖游船码头', en: 'Taibai Lake boat pier' },
		price: { free: true },
		facilities: ['wheelchair'],
		photos: [],
		tags: ['toilet']
	},
	{
		id: 'ven_firstaidbeihu',
		slug: 'beihu-first-aid',
		sample: true,
		status: 'published',
		kind: 'first_aid',
		name: { zh: '北湖阁医疗救护点', en: 'Beihu Pavilion First Aid' },
		summary: { zh: '北湖阁广场的医疗救护点。', en: 'First-aid point at Beihu Pavilion Square.' },
		description: venueDescription(
			'北湖阁广场游客中心旁的医疗救护点，可处理轻伤。紧急情况请拨打120。',
			'A first-aid point beside the visitor centre on Beihu Pavilion Square for minor injuries. In an emergency call 120.'
		),
		position: { lat: 35.3462, lon: 116.5898 },
		positionApproximate: true,
		address: { zh: '北湖阁广场游客中心旁', en: 'Beside the visitor centre, Beihu Pavilion Square' },
		hoursNote: firstAidHours,
		price: { free: true },
		facilities: ['wheelchair'],
		photos: [],
		tags: ['firstaid', 'help', 'emergency']
	},
	{
		id: 'ven_firstaidculture',
		slug: 'cultural-center-first-aid',
		sample: true,
		status: 'published',
		kind: 'first_aid',
		name: { zh: '文化中心医疗救护点', en: 'Cultural Center First Aid' },
		summary: {
			zh: '济宁市文化中心的医疗救护点。',
			en: 'First-aid point at the Jining Cultural Center.'
		},
		description: venueDescription(
			'位于博物馆入口附近，可处理轻伤。紧急情况请拨打120。',
			'Near the museum entrance, for minor injuries. In an emergency call 120.'
		),
		position: { lat: 35.3685, lon: 116.6048 },
		positionApproximate: true,
		address: cultureAddress,
		hoursNote: firstAidHours,
		price: { free: true },
		facilities: ['wheelchair'],
		photos: [],
		tags: ['firstaid', 'help', 'emergency']
	}
];
