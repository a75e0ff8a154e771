/** Parameters of the CN SMS Push Trigger (CONTRACT.md "Node cnSmsPushTrigger"). */
import type { INodeProperties } from 'n8n-workflow';

/** Gateways that push to a URL of ours. */
export const PUSH_GATEWAYS = ['chinaSms', 'smsAdmin', 'sms18'] as const;
export type PushGatewayId = (typeof PUSH_GATEWAYS)[number];

/** The fixed path of the node's webhook: `/webhook/<webhook id>/cn-sms`. */
export const WEBHOOK_PATH = 'cn-sms';

/** How long the parts of a long sms18 message are awaited by default, in seconds. */
export const DEFAULT_LONG_MESSAGE_WAIT_SECONDS = 600;

const replyOption = {
	name: 'Reply',
	value: 'reply',
	description: 'A customer sent a message to your number (上行短信)',
};

const reportOption = {
	name: 'Delivery Report',
	value: 'report',
	description: 'The network says whether a message you sent was delivered (状态报告)',
};

const setupNotices: INodeProperties[] = [
	{
		displayName:
			'Give China SMS (中国短信) the Production URL shown above under "Webhook URLs" and ask them to enable inbound messages (上行) for your account. They call it with GET and the reply in the query string (src, dst, msg, mo), usually in GBK; this node answers the bare text "0" they expect. A reply whose text is 0000 means the customer cancels every service: its item carries unsubscribe: true.',
		name: 'chinaSmsNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { gateway: ['chinaSms'] } },
	},
	{
		displayName:
			'Ask your SMSAdmin (通用短信平台) account manager (客服专员) to bind the Production URL shown above under "Webhook URLs" as the push address for replies (Class=mo) and delivery reports (Class=rpt). They POST in GB2312 and push only to port 80: the URL must be plain http on port 80 (put a reverse proxy in front of n8n if it listens elsewhere).',
		name: 'smsAdminNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { gateway: ['smsAdmin'] } },
	},
	{
		displayName:
			'Ask 18SMS (18sms.com) to set the Production URL shown above under "Webhook URLs" as both the status-report address and the inbound-message (MO) address of your account, with a receiver name and password of your choice; enter the same pair under Options. They push in UTF-8 (GET or POST). Long inbound messages arrive in parts and are joined into one item.',
		name: 'sms18Notice',
		type: 'notice',
		default: '',
		displayOptions: { show: { gateway: ['sms18'] } },
	},
];

export const pushTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Gateway',
		name: 'gateway',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'China SMS (中国短信)',
				value: 'chinaSms',
				description: 'china-sms.com pushes replies (GET, GBK)',
			},
			{
				name: 'SMSAdmin (通用短信平台)',
				value: 'smsAdmin',
				description: 'smsadmin.cn pushes replies and delivery reports (POST, GB2312, port 80 only)',
			},
			{
				name: '18SMS (18sms.com)',
				value: 'sms18',
				description: '18sms.com pushes replies and delivery reports (UTF-8)',
			},
		],
		default: 'smsAdmin',
	},
	...setupNotices,
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		displayOptions: { show: { gateway: ['chinaSms'] } },
		options: [replyOption],
		default: ['reply'],
		description: 'China SMS pushes replies only. Pushes of events not selected are acknowledged and start nothing.',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		displayOptions: { show: { gateway: ['smsAdmin', 'sms18'] } },
		options: [reportOption, replyOption],
		default: ['reply', 'report'],
		description: 'Which pushes start the workflow. Pushes of events not selected are acknowledged and start nothing.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		// n8n parses a webhook's body before the node runs and answers 422 to a charset it does not
		// know (GBK, GB2312), unless the start node is version 1 with `options.binaryData` set: then
		// the body is left unread and the trigger reads its bytes itself (see `binaryData` below).
		default: { binaryData: true },
		options: [
			{
				displayName: 'Allowed Source Addresses',
				name: 'allowedAddresses',
				type: 'string',
				default: '',
				placeholder: '203.0.113.7, 198.51.100.0/24',
				description:
					'IP addresses or CIDR ranges (IPv4 or IPv6), separated by commas or spaces, that may push. Others get 403 and start nothing. Empty: any address.',
			},
			{
				displayName: 'Charset',
				name: 'charset',
				type: 'options',
				displayOptions: { show: { '/gateway': ['chinaSms'] } },
				options: [
					{ name: 'GBK', value: 'gbk' },
					{ name: 'UTF-8', value: 'utf8' },
				],
				default: 'gbk',
				description:
					'The charset China SMS pushes in. Undocumented; GBK unless your account is set to UTF-8 (match the Charset of your China SMS credential).',
			},
			{
				displayName: 'Long Message Wait (Seconds)',
				name: 'longMessageWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				displayOptions: { show: { '/gateway': ['sms18'] } },
				default: DEFAULT_LONG_MESSAGE_WAIT_SECONDS,
				description:
					'How long to wait for the missing parts of a long inbound message. After that it is emitted as it is, marked incomplete, with the next push that arrives (n8n gives webhooks no timer).',
			},
			{
				displayName: 'Proxies in Front of n8n',
				name: 'proxyHops',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'How many reverse proxies you run in front of n8n. 0: the allow-list checks the connecting address and ignores X-Forwarded-For (which anyone can send). 1 or more: it checks the address your outermost proxy saw, read from X-Forwarded-For.',
			},
			{
				displayName: 'Read Raw Body',
				name: 'binaryData',
				type: 'hidden',
				default: true,
			},
			{
				displayName: 'Receiver',
				name: 'receiver',
				type: 'string',
				displayOptions: { show: { '/gateway': ['sms18'] } },
				default: '',
				description: 'The receiver name configured at 18SMS. When set, pushes whose receiver differs get 403.',
			},
			{
				displayName: 'Receiver Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				displayOptions: { show: { '/gateway': ['sms18'] } },
				default: '',
				description: 'The receiver password (pswd) configured at 18SMS. When set, pushes whose pswd differs get 403.',
			},
			{
				displayName: 'User ID (SmsName)',
				name: 'userId',
				type: 'string',
				displayOptions: { show: { '/gateway': ['smsAdmin'] } },
				default: '',
				description: 'Your SMSAdmin user ID. When set, pushes whose SmsName differs get 403.',
			},
		],
	},
];
