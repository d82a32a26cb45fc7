import type { TourInput } from '$lib/content/schemas';
import { pathLengthM, type Position } from '$lib/content/geo';
import { tourDescription } from './sample-text';
import { sampleVenues } from './venues';

type LonLat = [number, number];

/** A venue's position as a GeoJSON coordinate, so a path passes exactly through its stops. */
function venueAt(id: string): LonLat {
	const venue = sampleVenues.find((v) => v.id === id);
	if (!venue) throw new Error(`tour stop refers to unknown venue ${id}`);
	return [venue.position.lon, venue.position.lat];
}

function at(position: Position): LonLat {
	return [position.lon, position.lat];
}

/** The distance is derived from the drawn path, never typed in, so the two cannot disagree. */
function withDistance(tour: Omit<TourInput, 'distanceM'>): TourInput {
	return { ...tour, distanceM: Math.round(pathLengthM(tour.path)) };
}

const canalViewpoint = { lat: 35.4098, lon: 116.5905 };
const beihuPier = { lat: 35.344, lon: 116.5862 };
const midLakeViewpoint = { lat: 35.333, lon: 116.578 };
const mainLanternDisplay = { lat: 35.349, lon: 116.592 };
const lanternCorridor = { lat: 35.353, lon: 116.5955 };

export const sampleTours: TourInput[] = [
	withDistance({
		id: 'tour_canaloldtown',
		slug: 'canal-and-old-town-walk',
		sample: true,
		status: 'published',
		name: { zh: '运河老城文化步行', en: 'Canal and Old Town Culture Walk' },
		theme: { zh: '运河与诗人', en: 'The canal and the poet' },
		summary: {
			zh: '从太白楼出发，沿古运河走访东大寺和铁塔寺，约2.3公里。',
			en: 'From Taibai Tower along the old canal to the East Grand Mosque and the Iron Pagoda Temple, about 2.3 km.'
		},
		description: tourDescription(
			'老城北部的半日步行：太白楼纪念李白，东大寺是明代运河清真寺，铁塔寺的铁塔建于宋代，最后在古运河边歇脚。',
			'A half-day walk in the old city north of the lake: Taibai Tower honours Li Bai, the East Grand Mosque is a Ming-dynasty canal mosque, the Iron Pagoda Temple keeps a Song-dynasty pagoda, and the walk ends by the old canal.'
		),
		modes: ['walk'],
		stops: [
			{
				venueId: 'ven_taibaitower',
				stayMinutes: 60,
				note: { zh: '周一闭馆。', en: 'Closed on Mondays.' }
			},
			{
				venueId: 'ven_eastgrandmosque',
				stayMinutes: 30,
				note: { zh: '请尊重礼拜时间，着装得体。', en: 'Respect prayer times and dress modestly.' }
			},
			{ venueId: 'ven_ironpagoda', stayMinutes: 45 },
			{
				point: {
					name: { zh: '古运河观景点', en: 'Old Canal viewpoint' },
					position: canalViewpoint
				},
				stayMinutes: 20,
				note: {
					zh: '运河边的休息点（示例位置）。',
					en: 'A resting place by the canal (sample position).'
				}
			}
		],
		path: {
			type: 'LineString',
			coordinates: [
				venueAt('ven_taibaitower'),
				[116.5845, 35.4108],
				[116.583, 35.4105],
				venueAt('ven_eastgrandmosque'),
				[116.583, 35.412],
				[116.5858, 35.4138],
				[116.588, 35.4155],
				[116.5895, 35.4162],
				venueAt('ven_ironpagoda'),
				[116.591, 35.4145],
				[116.5912, 35.412],
				[116.5908, 35.4105],
				at(canalViewpoint)
			]
		},
		durationMinutes: 190,
		featured: true
	}),
	withDistance({
		id: 'tour_lakebikeboat',
		slug: 'lake-day-by-bike-and-boat',
		sample: true,
		status: 'published',
		name: { zh: '骑行乘船游太白湖', en: 'Lake Day by Bike and Boat' },
		theme: { zh: '湖光与湿地', en: 'Water and wetlands' },
		summary: {
			zh: '从北湖阁广场骑行到湖畔公园，再乘船到湖心观景。',
			en: 'Cycle from Beihu Pavilion Square to Lakeside Park, then take a boat out onto the lake.'
		},
		description: tourDescription(
			'在北湖阁广场租车，沿东岸骑行到湖畔公园再折返，从码头乘船游湖，在湖心观景点停留后返回景区。夏季荷花季（7–8月）最美。',
			'Hire a bike at Beihu Pavilion Square, ride the east shore to Lakeside Park and back, then take a boat from the pier to a mid-lake viewpoint and return to the scenic area. Best in the lotus season, July–August.'
		),
		modes: ['bike', 'boat'],
		stops: [
			{
				venueId: 'ven_beihupavilion',
				stayMinutes: 20,
				note: { zh: '在此租用自行车（示例）。', en: 'Hire bikes here (sample).' }
			},
			{ venueId: 'ven_lakesidepark', stayMinutes: 30 },
			{
				point: { name: { zh: '北湖游船码头', en: 'Beihu boat pier' }, position: beihuPier },
				stayMinutes: 10,
				note: {
					zh: '还车后乘船，船票另付。',
					en: 'Return the bikes and board the boat; boat tickets are extra.'
				}
			},
			{
				point: { name: { zh: '湖心观景点', en: 'Mid-lake viewpoint' }, position: midLakeViewpoint },
				stayMinutes: 15
			},
			{ venueId: 'ven_taibailake', stayMinutes: 60 }
		],
		path: {
			type: 'LineString',
			coordinates: [
				venueAt('ven_beihupavilion'),
				[116.5915, 35.35],
				[116.5945, 35.355],
				[116.597, 35.359],
				venueAt('ven_lakesidepark'),
				[116.596, 35.358],
				[116.5925, 35.352],
				[116.589, 35.3475],
				at(beihuPier),
				[116.582, 35.339],
				at(midLakeViewpoint),
				[116.58, 35.3365],
				[116.5835, 35.3385],
				venueAt('ven_taibailake')
			]
		},
		durationMinutes: 205,
		featured: true
	}),
	withDistance({
		id: 'tour_familyculture',
		slug: 'family-day-at-the-culture-centre',
		sample: true,
		status: 'published',
		name: { zh: '文化中心亲子一日游', en: 'Family Day at the Culture Centre' },
		theme: { zh: '博物馆与阅读', en: 'Museums and books' },
		summary: {
			zh: '博物馆、图书馆、美术馆和湖畔公园，全程步行不到2公里。',
			en: 'Museum, library, art museum and Lakeside Park, all within a walk of under 2 km.'
		},
		description: tourDescription(
			'上午参观济宁市博物馆，再到图书馆少儿区和美术馆，下午在湖畔公园放松。博物馆周一闭馆（法定节假日除外），免费参观需携带身份证件。',
			'Spend the morning in Jining Museum, then visit the library’s children’s area and the art museum, and relax in Lakeside Park in the afternoon. The museum is closed on Mondays except public holidays; admission is free with ID.'
		),
		modes: ['walk'],
		stops: [
			{
				venueId: 'ven_jiningmuseum',
				stayMinutes: 150,
				note: { zh: '请携带身份证件。', en: 'Bring your ID.' }
			},
			{ venueId: 'ven_jininglibrary', stayMinutes: 45 },
			{ venueId: 'ven_jiningartmuseum', stayMinutes: 60 },
			{ venueId: 'ven_lakesidepark', stayMinutes: 45 }
		],
		path: {
			type: 'LineString',
			coordinates: [
				venueAt('ven_jiningmuseum'),
				[116.6038, 35.369],
				[116.6032, 35.3697],
				venueAt('ven_jininglibrary'),
				[116.6045, 35.3695],
				[116.6058, 35.368],
				venueAt('ven_jiningartmuseum'),
				[116.604, 35.3655],
				[116.6015, 35.3645],
				[116.6, 35.3638],
				venueAt('ven_lakesidepark')
			]
		},
		durationMinutes: 325,
		featured: false
	}),
	withDistance({
		id: 'tour_lanternnight',
		slug: 'lantern-fair-night-walk',
		sample: true,
		status: 'published',
		name: { zh: '灯会夜游步行', en: 'Lantern Fair Night Walk' },
		theme: { zh: '新春灯会', en: 'Spring lanterns' },
		summary: {
			zh: '灯会期间的夜间步行：北湖阁广场、主灯区、湖畔灯廊和济州老街。',
			en: 'An evening walk during the lantern fair: Beihu Pavilion Square, the main display, the lakeside corridor and Jizhou Old Street.'
		},
		description: tourDescription(
			'天黑后从北湖阁广场出发，沿湖岸看主灯组和灯廊，最后在济州老街猜灯谜、吃小吃。灯组位置每年不同。',
			'Start at Beihu Pavilion Square after dark, follow the shore past the main lantern display and the lantern corridor, and finish with riddles and snacks on Jizhou Old Street. The displays move every year.'
		),
		modes: ['walk'],
		stops: [
			{ venueId: 'ven_beihupavilion', stayMinutes: 30 },
			{
				point: {
					name: { zh: '灯会主灯区', en: 'Main lantern display' },
					position: mainLanternDisplay
				},
				stayMinutes: 30
			},
			{
				point: {
					name: { zh: '湖畔灯廊', en: 'Lakeside lantern corridor' },
					position: lanternCorridor
				},
				stayMinutes: 20
			},
			{
				venueId: 'ven_jizhouoldstreet',
				stayMinutes: 60,
				note: { zh: '猜灯谜和小吃。', en: 'Lantern riddles and snacks.' }
			}
		],
		path: {
			type: 'LineString',
			coordinates: [
				venueAt('ven_beihupavilion'),
				[116.5895, 35.3472],
				[116.5908, 35.3482],
				at(mainLanternDisplay),
				[116.5932, 35.3505],
				[116.5945, 35.3518],
				at(lanternCorridor),
				[116.5965, 35.3548],
				[116.5975, 35.3562],
				venueAt('ven_jizhouoldstreet')
			]
		},
		durationMinutes: 165,
		featured: true
	})
];
