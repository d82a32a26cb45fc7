import { describe, expect, it } from 'vitest';
import { expectedCapabilities, inAppBrowser, phoneSystem } from '$lib/platform/in-app';

/** User agents as these apps send them (from their own builds on real phones). */
const agents = {
	wechatAndroid:
		'Mozilla/5.0 (Linux; Android 13; V2203A Build/TP1A.220624.014; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/107.0.5304.141 Mobile Safari/537.36 XWEB/5023 MMWEBSDK/20230405 MMWEBID/2585 MicroMessenger/8.0.35.2360(0x2800235D) WeChat/arm64 Weixin NetType/WIFI Language/zh_CN ABI/arm64',
	wechatIos:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 16_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 MicroMessenger/8.0.38(0x1800262c) NetType/WIFI Language/zh_CN',
	qqAndroid:
		'Mozilla/5.0 (Linux; Android 12; M2012K11AC Build/SKQ1.211006.001; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/98.0.4758.102 MQQBrowser/6.2 TBS/046317 Mobile Safari/537.36 V1_AND_SQ_8.9.58_4108_YYB_D A_8095800 QQ/8.9.58.11175 NetType/WIFI WebP/0.3.0 AppId/537164840 Pixel/1080',
	weiboIos:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 16_3 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 Weibo (iPhone14,2__weibo__13.2.1__iphone__os16.3)',
	douyinAndroid:
		'Mozilla/5.0 (Linux; Android 12; NOH-AN00 Build/HUAWEINOH-AN00; wv) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/99.0.4844.88 Mobile Safari/537.36 aweme_260800 JsSdk/1.0 NetType/WIFI Channel/huawei_1128_64 app_version/26.8.0 ByteLocale/zh-CN Region/CN AppSkin/white AppTheme/light BytedanceWebview/d8a21c6 WebView/075113004008',
	alipayAndroid:
		'Mozilla/5.0 (Linux; U; Android 12; zh-CN; 2201122C Build/SKQ1.211006.001) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/69.0.3497.100 UWS/3.22.2.53 Mobile Safari/537.36 AlipayChannelId/5136 UCBS/3.22.2.53_230310200355 NebulaSDK/1.8.100112 Nebula AlipayDefined(nt:WIFI,ws:393|0|2.75) AliApp(AP/10.3.90.8100) AlipayClient/10.3.90.8100 Language/zh-Hans useStatusBar/true isConcaveScreen/true Region/CNAriver/1.0.0',
	dingtalkIos:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 16_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148 AliApp(DingTalk/7.0.10) com.laiwang.DingTalk/28125491 Channel/201200 language/zh-Hans-CN UT4Aplus/0.0.6 WK',
	chromeAndroid:
		'Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
	safariIos:
		'Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1',
	qqBrowser:
		'Mozilla/5.0 (Linux; U; Android 11; zh-cn; PCAM00 Build/RKQ1.201217.002) AppleWebKit/537.36 (KHTML, like Gecko) Version/4.0 Chrome/89.0.4389.72 MQQBrowser/13.2 Mobile Safari/537.36 COVC/045915'
};

describe('which app a page is open in', () => {
	it('recognises WeChat, QQ, Weibo, Douyin, Alipay and DingTalk by their own agents', () => {
		expect(inAppBrowser(agents.wechatAndroid)).toBe('wechat');
		expect(inAppBrowser(agents.wechatIos)).toBe('wechat');
		expect(inAppBrowser(agents.qqAndroid)).toBe('qq');
		expect(inAppBrowser(agents.weiboIos)).toBe('weibo');
		expect(inAppBrowser(agents.douyinAndroid)).toBe('douyin');
		expect(inAppBrowser(agents.alipayAndroid)).toBe('alipay');
		expect(inAppBrowser(agents.dingtalkIos)).toBe('dingtalk');
	});

	it('takes the phone’s own browsers, QQ Browser among them, for what they are', () => {
		for (const agent of [agents.chromeAndroid, agents.safariIos, agents.qqBrowser, '', undefined]) {
			expect(inAppBrowser(agent)).toBeUndefined();
		}
		expect(phoneSystem(agents.safariIos)).toBe('ios');
		expect(phoneSystem(agents.chromeAndroid)).toBe('android');
	});

	it('expects no downloads or install inside an app, and no service worker inside one on iPhone', () => {
		expect(expectedCapabilities(agents.wechatIos)).toEqual({
			inApp: 'wechat',
			system: 'ios',
			downloads: false,
			install: false,
			serviceWorker: false
		});
		expect(expectedCapabilities(agents.wechatAndroid)).toMatchObject({
			serviceWorker: true,
			downloads: false
		});
		expect(expectedCapabilities(agents.chromeAndroid)).toMatchObject({
			inApp: undefined,
			downloads: true,
			install: true,
			serviceWorker: true
		});
	});
});
