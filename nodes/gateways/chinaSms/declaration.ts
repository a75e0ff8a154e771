/** China SMS (中国短信, china-sms.com), seed 000. */
import { gatewayDisplayName } from '../kit/declaration';
import type { GatewayDeclaration } from '../kit/declaration';

export const chinaSmsDeclaration: GatewayDeclaration = {
	id: 'chinaSms',
	name: 'China SMS',
	chineseName: '中国短信',
	site: 'china-sms.com',
	icon: 'chinaSms',
	operations: ['send', 'sendBulk', 'getBalance', 'fetchReplies', 'changePassword'],
	sendOptions: ['extno'],
	sendOptionNotes: { extno: 'China SMS calls it the sender parameter: digits only, at most 8' },
	credentials: [{ type: 'chinaSmsApi' }],
	limits: {
		maxRecipientsPerRequest: 99, // seed 000 §2: "请少于100个号码"
		maxMessageLength: 60, // seed 000 §1/§2: "不超过60个汉字、字符、数字" (40 to 小灵通 numbers)
		fetchSpacingMs: 5000, // seed 000 §5: "读取间隔请大于5秒/次"
		fetchPageSize: 1,
		supportsSchedule: true,
	},
	polling: { events: ['reply'], note: 'replies, one per call, at least 5 seconds apart' },
	push: {
		events: ['reply'],
		options: ['charset'],
		note: 'replies, GET, usually GBK',
		registration: 'give it to China SMS support with the request to enable inbound messages (上行)',
		setup:
			'Give China SMS (中国短信) the Production URL shown above under "Webhook URLs" and ask them to enable inbound messages (上行) for your account. They call it with GET and the reply in the query string (src, dst, msg, mo), usually in GBK; this node answers the bare text "0" they expect. A reply whose text is 0000 means the customer cancels every service: its item carries unsubscribe: true.',
	},
};

export const CHINA_SMS_DISPLAY_NAME = gatewayDisplayName(chinaSmsDeclaration);

/** The documented endpoints, appended to the credential's base URL. */
export const CHINA_SMS_PATHS = {
	single: '/send/ssend.asp',
	group: '/send/gsend.asp',
	balance: '/send/getfee.asp',
	password: '/send/cpwd.asp',
	readReply: '/send/readsms.asp',
} as const;
