/** 112088 Enterprise SMS (企业短信通, 112088.net), seed 002. */
import { gatewayDisplayName } from '../kit/declaration';
import type { GatewayDeclaration } from '../kit/declaration';

export const sms112088Declaration: GatewayDeclaration = {
	id: 'sms112088',
	name: '112088 Enterprise SMS',
	chineseName: '企业短信通',
	site: '112088.net',
	icon: 'sms112088',
	operations: ['send', 'sendBulk', 'getBalance', 'fetchReports', 'fetchReplies'],
	sendOptions: [],
	credentials: [{ type: 'sms112088Api' }],
	limits: {
		maxRecipientsPerRequest: 100, // seed 002 §1.1.1: "最大允许每次提交号码 100 个号码" (-4 beyond)
		maxMessageLength: 335, // seed 002 §1.1.1: -8 "超过规定最大字符长度 335 个字符"
		// No spacing is documented: a short pause keeps a drain polite to an old ASP server.
		fetchSpacingMs: 500,
		fetchPageSize: 100, // seed 002 §1.1.2: reports "最大返回 100 条" (replies: 50, §1.1.3)
		supportsSchedule: true,
	},
	polling: { events: ['report', 'reply'], note: 'delivery reports, up to 100 per call, and replies, up to 50' },
};

export const SMS112088_DISPLAY_NAME = gatewayDisplayName(sms112088Declaration);

/** Where the gateway is when the credential names no base URL. */
export const SMS112088_DEFAULT_BASE_URL = 'http://www.112088.net:8088';

/** The documented endpoints, appended to the credential's base URL. */
export const SMS112088_PATHS = {
	send: '/sendsms_txt.asp',
	reports: '/get_report_txt.asp',
	replies: '/get_receive_message_txt.asp',
	balance: '/Get_Account_Balance.asp',
} as const;
