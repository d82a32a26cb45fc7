/**
 * Every seeded description ends by saying it is sample data, so that nobody mistakes a guessed
 * position, time or price for an official fact: the seed is written from public facts, and where
 * one is missing (exact coordinates, most prices) it holds a plausible value an editor must check.
 */
export interface Bilingual {
	zh: string;
	en: string;
}

function describer(note: Bilingual) {
	return (zh: string, en: string): Bilingual => ({ zh: `${zh}${note.zh}`, en: `${en} ${note.en}` });
}

export const venueDescription = describer({
	zh: '示例数据：位置为近似值，开放时间、价格等细节须经编辑核实。',
	en: 'Sample data: the position is approximate, and details such as hours and prices must be verified by an editor.'
});

export const eventDescription = describer({
	zh: '示例活动：日期为演示用，内容须经编辑核实。',
	en: 'Sample event: the date is for the demo and the details must be verified by an editor.'
});

export const festivalDescription = describer({
	zh: '本演示中的日期为示例日期，须经编辑核实。',
	en: 'The dates in this demo are sample dates that an editor must verify.'
});

export const tourDescription = describer({
	zh: '示例线路：路线与用时为估算，须经编辑实地核实。',
	en: 'Sample tour: the path and times are estimates that an editor must check on site.'
});
