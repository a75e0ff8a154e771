/** SMSAdmin (通用短信平台, smsadmin.cn), seed 001. */
import { gatewayDisplayName } from '../kit/declaration';
import type { GatewayDeclaration } from '../kit/declaration';

export const smsAdminDeclaration: GatewayDeclaration = {
	id: 'smsAdmin',
	name: 'SMSAdmin',
	chineseName: '通用短信平台',
	site: 'smsadmin.cn',
	icon: 'smsAdmin',
	operations: ['send', 'sendBulk', 'sendTemplate', 'getBalance', 'fetchReports', 'fetchReplies', 'checkContent'],
	sendOptions: ['linkId'],
	credentials: [
		{
			type: 'smsAdminApi',
			authentication: { value: 'password', name: 'Password', description: 'User ID and password; the password itself is sent' },
		},
		{
			type: 'smsAdminMd5Api',
			authentication: { value: 'md5Password', name: 'MD5 Password', description: 'User ID and the MD5 hash of the password; only the hash is sent' },
		},
	],
	limits: {
		maxRecipientsPerRequest: 1000, // seed 001 §3: 支持最多手机号 1000 个
		maxTemplateRowsPerRequest: 1000, // seed 001 §4: 单次提交参数组的数目不能超过 1000 个
		// No documented length: each channel has its own, reported by code 7 (`超过 XX 个字`).
		maxMessageLength: undefined,
		fetchSpacingMs: 5000, // seed 001 §7/§8: 轮询间隔为 5 秒
		fetchPageSize: 20, // seed 001 §7/§8: 最多返回 20 条
		supportsSchedule: true,
	},
	polling: { events: ['report', 'reply'], note: 'replies and delivery reports, up to 20 per call, 5 seconds apart' },
	push: {
		events: ['report', 'reply'],
		options: ['userId'],
		note: 'replies and delivery reports, POST, GB2312, port 80 only',
		registration: 'ask your SMSAdmin account manager (客服专员) to bind it (plain http, port 80 only)',
		setup:
			'Ask your SMSAdmin (通用短信平台) account manager (客服专员) to bind the Production URL shown above under "Webhook URLs" as the push address for replies (Class=mo) and delivery reports (Class=rpt). They POST in GB2312 and push only to port 80: the URL must be plain http on port 80 (put a reverse proxy in front of n8n if it listens elsewhere).',
	},
};

export const SMSADMIN_DISPLAY_NAME = gatewayDisplayName(smsAdminDeclaration);

/** Where the gateway is when the credential names no base URL. */
export const SMSADMIN_DEFAULT_BASE_URL = 'http://www.smsadmin.cn';

const API = '/smsmarketing/wwwroot/api';

/** The documented endpoints, appended to the credential's base URL. */
export const SMSADMIN_PATHS = {
	send: `${API}/post_send/`,
	sendMd5: `${API}/post_send_md5/`,
	sendUrldecode: `${API}/post_send_urldecode/`,
	sendTemplate: `${API}/post_send_ddt/`,
	balance: `${API}/user_info/`,
	checkContent: `${API}/mgz/`,
	replies: `${API}/reve_urlencode/`,
	reports: `${API}/report/`,
} as const;

/** The name of an endpoint as its path spells it (`post_send`), for the `raw` of a send. */
export function endpointName(path: string): string {
	return path.slice(API.length + 1, -1);
}
