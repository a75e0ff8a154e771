/** Parameters shared by the operations of the CN SMS node: gateway, authentication, operation, options. */
import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import type { GatewayId, Operation } from '../gateways/kit/types';

export const GATEWAY_OPTIONS: Array<{ name: string; value: GatewayId; description: string }> = [
	{ name: 'China SMS (中国短信)', value: 'chinaSms', description: 'china-sms.com' },
	{ name: 'SMSAdmin (通用短信平台)', value: 'smsAdmin', description: 'smsadmin.cn' },
	{ name: '112088 Enterprise SMS (企业短信通)', value: 'sms112088', description: '112088.net' },
	{ name: '18SMS (18sms.com)', value: 'sms18', description: 'send.18sms.com' },
	{ name: 'SMS10692 (sms10692.com)', value: 'sms10692', description: 'sms10692.com' },
];

/** Which operation each gateway offers (CONTRACT.md operation table). */
export const GATEWAY_OPERATIONS: Record<GatewayId, Operation[]> = {
	chinaSms: ['send', 'sendBulk', 'getBalance', 'fetchReplies', 'changePassword'],
	smsAdmin: ['send', 'sendBulk', 'sendTemplate', 'getBalance', 'fetchReports', 'fetchReplies', 'checkContent'],
	sms112088: ['send', 'sendBulk', 'getBalance', 'fetchReports', 'fetchReplies'],
	sms18: ['send', 'sendBulk', 'getBalance'],
	sms10692: ['send', 'sendBulk', 'getBalance', 'fetchReports', 'fetchReplies', 'checkContent'],
};

export const SEND_OPERATIONS: Operation[] = ['send', 'sendBulk', 'sendTemplate'];

const OPERATION_OPTIONS: Record<Operation, INodePropertyOptions> = {
	send: {
		name: 'Send',
		value: 'send',
		action: 'Send an SMS to a list of numbers',
		description: 'Send one message to one or more numbers per input item',
	},
	sendBulk: {
		name: 'Send Bulk',
		value: 'sendBulk',
		action: 'Send one SMS per input item',
		description: 'Send each input item its own message to its own number; items sharing a message go out together',
	},
	sendTemplate: {
		name: 'Send Template',
		value: 'sendTemplate',
		action: 'Send a personalised template SMS',
		description: 'Fill {value0}, {value1} … of a template per input item (点点通) and send',
	},
	getBalance: {
		name: 'Get Balance',
		value: 'getBalance',
		action: 'Get the account balance',
		description: 'Return the remaining balance of the account',
	},
	fetchReports: {
		name: 'Fetch Delivery Reports',
		value: 'fetchReports',
		action: 'Fetch pending delivery reports',
		description: 'Collect the delivery reports waiting at the gateway (each is handed out only once)',
	},
	fetchReplies: {
		name: 'Fetch Replies',
		value: 'fetchReplies',
		action: 'Fetch pending replies',
		description: 'Collect the replies (inbound messages) waiting at the gateway (each is handed out only once)',
	},
	checkContent: {
		name: 'Check Content',
		value: 'checkContent',
		action: 'Check a message for blocked words',
		description: 'Ask the gateway whether a message holds sensitive words it would refuse',
	},
	changePassword: {
		name: 'Change Password',
		value: 'changePassword',
		action: 'Change the account password',
		description: 'Change the password of the account (update the credential afterwards)',
	},
};

export const gatewayProperty: INodeProperties = {
	displayName: 'Gateway',
	name: 'gateway',
	type: 'options',
	noDataExpression: true,
	options: GATEWAY_OPTIONS,
	default: 'smsAdmin',
	description: 'The SMS gateway (vendor) whose account sends the messages',
};

/** One `operation` parameter per gateway, listing what that gateway offers. */
export const operationProperties: INodeProperties[] = (Object.keys(GATEWAY_OPERATIONS) as GatewayId[]).map((gateway) => ({
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { gateway: [gateway] } },
	options: GATEWAY_OPERATIONS[gateway].map((op) => OPERATION_OPTIONS[op]),
	default: 'send',
}));

/** Gateways that offer an operation, for displayOptions. */
export function gatewaysWith(operation: Operation): GatewayId[] {
	return (Object.keys(GATEWAY_OPERATIONS) as GatewayId[]).filter((g) => GATEWAY_OPERATIONS[g].includes(operation));
}

/** displayOptions for a parameter of an operation, on every gateway that has the operation. */
export function showFor(operation: Operation): INodeProperties['displayOptions'] {
	return { show: { operation: [operation], gateway: gatewaysWith(operation) } };
}

/** The `options` collection of the send operations. */
export function sendOptions(operation: 'send' | 'sendBulk' | 'sendTemplate'): INodeProperties {
	const all: INodeProperties[] = [
		{
			displayName: 'Send At',
			name: 'sendAt',
			type: 'dateTime',
			default: '',
			description:
				'Schedule the message. Any time zone; it is converted to China Standard Time in the gateway\'s format. Must be in the future. 18SMS cannot schedule: leave empty there.',
		},
		{
			displayName: 'Signature',
			name: 'signature',
			type: 'string',
			default: '',
			placeholder: '公司名',
			description: 'Company name appended as 【公司名】 unless the message already holds a 【…】 signature',
		},
		{
			displayName: 'Extension Number',
			name: 'extno',
			type: 'string',
			default: '',
			displayOptions: { show: { '/gateway': ['chinaSms', 'sms18', 'sms10692'] } },
			description: 'Extension sub-number appended to the sender number (digits; China SMS: the sender parameter, under 9 digits)',
		},
		{
			displayName: 'Link ID',
			name: 'linkId',
			type: 'string',
			default: '',
			displayOptions: { show: { '/gateway': ['smsAdmin'] } },
			description: 'Your own serial number (letters and digits, at most 32, never reused) to match replies and reports to this send',
		},
		{
			displayName: 'Product',
			name: 'product',
			type: 'string',
			default: '',
			displayOptions: { show: { '/gateway': ['sms18'] } },
			description: 'Product ID to bill; empty uses the credential\'s default product, then the account\'s',
		},
		{
			displayName: 'Status Report',
			name: 'statusReport',
			type: 'boolean',
			default: true,
			displayOptions: { show: { '/gateway': ['sms18'] } },
			description: 'Whether to ask for delivery reports (needstatus); 18SMS returns a message ID only when on',
		},
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, numberPrecision: 0 },
			description:
				'Most numbers (or template value groups) per request; 0 uses the gateway\'s maximum: China SMS 99, SMSAdmin 1000, 112088 100, 18SMS 50000, SMS10692 1000. Larger values are refused.',
		},
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			default: 1,
			typeOptions: { minValue: 1, maxValue: 5, numberPrecision: 0 },
			description: 'How many requests may be under way at once (1 to 5)',
		},
	];
	const forTemplate = ['sendAt', 'signature', 'linkId', 'batchSize', 'concurrency'];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showFor(operation),
		options: operation === 'sendTemplate' ? all.filter((o) => forTemplate.includes(o.name)) : all,
	};
}

/** The `options` collection of fetchReports / fetchReplies. */
export function fetchOptions(operation: 'fetchReports' | 'fetchReplies'): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		displayOptions: showFor(operation),
		options: [
			{
				displayName: 'Max Calls',
				name: 'maxCalls',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 0 },
				description:
					'Most calls to the gateway in one run. Calls are spaced as the gateway documents (5 s for China SMS and SMSAdmin); China SMS hands out one reply per call.',
			},
		],
	};
}
