/**
 * Which app's built-in browser a page is open in, from the user agent: most visitors in China
 * open our links inside WeChat, QQ, Weibo, Douyin, Alipay or DingTalk, whose browsers differ from a
 * phone's own (no service worker on WeChat for iPhone, downloads blocked, no "install"). Pure, so
 * the server (first paint) and the phone decide alike.
 */
export const inAppBrowsers = ['wechat', 'qq', 'weibo', 'douyin', 'alipay', 'dingtalk'] as const;
export type InAppBrowser = (typeof inAppBrowsers)[number];

const signatures: [InAppBrowser, RegExp][] = [
	// WeChat Work (wxwork) says MicroMessenger too: it behaves like WeChat.
	['wechat', /MicroMessenger/i],
	// DingTalk and Alipay before QQ: their agents may mention other engines, never "QQ/".
	['dingtalk', /DingTalk/i],
	['alipay', /AlipayClient/i],
	['douyin', /aweme|BytedanceWebview/i],
	['weibo', /__weibo__|\bWeibo\b/i],
	// The QQ app, not QQ Browser (MQQBrowser alone is an ordinary browser).
	['qq', /\bQQ\/\d/i]
];

export function inAppBrowser(userAgent: string | null | undefined): InAppBrowser | undefined {
	if (!userAgent) return undefined;
	return signatures.find(([, pattern]) => pattern.test(userAgent))?.[0];
}

export type PhoneSystem = 'ios' | 'android' | 'other';

export function phoneSystem(userAgent: string | null | undefined): PhoneSystem {
	if (!userAgent) return 'other';
	if (/iPhone|iPad|iPod/i.test(userAgent)) return 'ios';
	return /Android/i.test(userAgent) ? 'android' : 'other';
}

/**
 * What a browser can be expected to do, before trying: in-app browsers block file downloads (an
 * .ics download does nothing in WeChat) and cannot install an app; WeChat, QQ, Alipay and DingTalk
 * on iPhone refuse service workers. The page still checks for real before using any of them.
 */
export interface ExpectedCapabilities {
	inApp?: InAppBrowser;
	system: PhoneSystem;
	downloads: boolean;
	install: boolean;
	serviceWorker: boolean;
}

export function expectedCapabilities(userAgent: string | null | undefined): ExpectedCapabilities {
	const inApp = inAppBrowser(userAgent);
	const system = phoneSystem(userAgent);
	return {
		inApp,
		system,
		downloads: !inApp,
		install: !inApp,
		serviceWorker: !(inApp && system === 'ios')
	};
}
