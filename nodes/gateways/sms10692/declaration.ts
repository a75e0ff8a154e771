/** SMS10692 (sms10692.com), seed 004. */
import { gatewayDisplayName } from '../kit/declaration';
import type { GatewayDeclaration } from '../kit/declaration';

export const sms10692Declaration: GatewayDeclaration = {
	id: 'sms10692',
	name: 'SMS10692',
	site: 'sms10692.com',
	icon: 'sms10692',
	operations: ['send', 'sendBulk', 'getBalance', 'fetchReports', 'fetchReplies', 'checkContent'],
	sendOptions: ['extno'],
	sendOptionNotes: { extno: 'digits only, at most 10' },
	credentials: [{ type: 'sms10692Api' }],
	limits: {
		// No limit is documented. 1000 numbers (about 12 KB of form body) keeps a refused batch
		// small and far below ASP.NET's default request limits; Batch Size can lower it.
		maxRecipientsPerRequest: 1000,
		// Undocumented: one call a second is gentle on the gateway and still drains 4000 reports/s.
		fetchSpacingMs: 1000,
		fetchPageSize: 4000, // seed 004 §4.2: statusNum "每次取得号码数", default 4000; always sent
		supportsSchedule: true,
	},
	polling: { events: ['report', 'reply'], note: 'delivery reports and replies' },
};

export const SMS10692_DISPLAY_NAME = gatewayDisplayName(sms10692Declaration);

/** Where the gateway is when the credential names no base URL. */
export const SMS10692_DEFAULT_BASE_URL = 'http://sms10692.com';

/**
 * The documented endpoints, appended to the credential's base URL: send, balance and keyword check
 * at one of two (UTF-8 or GBK, §1–§3), the report and reply queries at one each (§4, §5).
 */
export const SMS10692_PATHS = {
	utf8: '/v2sms.aspx',
	gbk: '/v2smsGBK.aspx',
	reports: '/v2statusApi.aspx',
	replies: '/v2callApi.aspx',
} as const;
