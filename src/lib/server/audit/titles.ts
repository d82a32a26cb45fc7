import type { Localized } from '$lib/content/localized';
import type { Store } from '../store';
import { auditRepository, type AuditEntry } from './log';

/** What an audit entry is about, as an editor reads it: the record's title, linked while it exists. */
export interface AuditSubject {
	title: Localized;
	/** The record's edit page; absent once the record is deleted, and for accounts. */
	href?: string;
	deleted?: boolean;
}

const contentTypes = ['events', 'venues', 'festivals', 'tours', 'notices'] as const;
type ContentType = (typeof contentTypes)[number];
const isContent = (type: string): type is ContentType =>
	(contentTypes as readonly string[]).includes(type);

/** A deleted record's last title, from the changes the log kept of it (the delete has them all). */
function titleInChanges(entries: AuditEntry[]): Localized | undefined {
	for (const entry of entries) {
		const value = (lang: 'zh' | 'en') =>
			entry.changes.find((c) =>
				['title', 'name', 'message'].some((f) => c.path === `${f}.${lang}`)
			);
		const zh = value('zh');
		const text = (zh && ('before' in zh ? zh.before : zh.after)) as string | undefined;
		if (!text) continue;
		const en = value('en');
		return { zh: text, en: (en && ('before' in en ? en.before : en.after)) as string | undefined };
	}
	return undefined;
}

/** Titles of the records the given entries are about, by `type:id`. */
export async function auditSubjects(
	store: Store,
	entries: AuditEntry[],
	userNames: Map<string, string>
): Promise<Record<string, AuditSubject>> {
	const subjects: Record<string, AuditSubject> = {};
	const audit = auditRepository(store.db);
	for (const entry of entries) {
		const key = `${entry.entityType}:${entry.entityId}`;
		if (key in subjects) continue;
		const { entityType: type, entityId: id } = entry;
		if (type === 'users') {
			subjects[key] = { title: { zh: userNames.get(id) ?? id } };
		} else if (isContent(type)) {
			const record = await store[type].getById(id);
			if (record) {
				const title =
					'title' in record ? record.title : 'message' in record ? record.message : record.name;
				subjects[key] = { title: { zh: title.zh, en: title.en }, href: `/admin/${type}/${id}` };
			} else {
				const history = await audit.list({ entityType: type, entityId: id }, 20);
				subjects[key] = { title: titleInChanges(history) ?? { zh: id }, deleted: true };
			}
		} else {
			subjects[key] = { title: { zh: id } };
		}
	}
	return subjects;
}
