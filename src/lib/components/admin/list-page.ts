/** What every console list row has, whatever the record type. */
export interface ListItem {
	id: string;
	status: string;
	updatedAt: string;
	sample: boolean;
}

/** The first cell of a row: the linked name and a second line (address, theme, English title). */
export interface ListName {
	text: string;
	detail?: string;
	/** Set when the second line is in another language than the page (`en` under a Chinese title). */
	detailLang?: string;
}
