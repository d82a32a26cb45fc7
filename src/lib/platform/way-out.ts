import type { Language } from '$lib/content/localized';
import type { InAppBrowser, PhoneSystem } from './in-app';

/**
 * How to leave each app's built-in browser for the phone's own (which keeps the guide offline,
 * installs it and saves calendar files): every one of them has a ··· (or ⋯) menu at the top right
 * with an item to open the page in the browser. The item's words are the app's own, as the visitor
 * sees them in that language of the app.
 */
const menuItems: Record<InAppBrowser, Record<Language, string>> = {
	wechat: { zh: '在浏览器打开', en: 'Open in Browser' },
	qq: { zh: '在浏览器打开', en: 'Open in Browser' },
	weibo: { zh: '用浏览器打开', en: 'Open in Browser' },
	douyin: { zh: '在浏览器中打开', en: 'Open in Browser' },
	alipay: { zh: '在浏览器中打开', en: 'Open in Browser' },
	dingtalk: { zh: '在浏览器打开', en: 'Open in Browser' }
};

/** On iPhone, WeChat names the browser it opens. */
const wechatIos: Record<Language, string> = { zh: '在Safari中打开', en: 'Open in Safari' };

export const appNames: Record<InAppBrowser, Record<Language, string>> = {
	wechat: { zh: '微信', en: 'WeChat' },
	qq: { zh: 'QQ', en: 'QQ' },
	weibo: { zh: '微博', en: 'Weibo' },
	douyin: { zh: '抖音', en: 'Douyin' },
	alipay: { zh: '支付宝', en: 'Alipay' },
	dingtalk: { zh: '钉钉', en: 'DingTalk' }
};

export function wayOutItem(app: InAppBrowser, system: PhoneSystem, lang: Language): string {
	return app === 'wechat' && system === 'ios' ? wechatIos[lang] : menuItems[app][lang];
}
