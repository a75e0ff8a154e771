/** Parameters of the CN SMS Trigger (CONTRACT.md "Node cnSmsTrigger"). */
import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../common/descriptions';

/** Gateways with fetch-once endpoints; the others only push (CN SMS Push Trigger). */
export const POLLING_GATEWAYS = ['chinaSms', 'smsAdmin', 'sms112088', 'sms10692'] as const;

/** Gateways that hand out delivery reports as well as replies. */
const WITH_REPORTS = ['smsAdmin', 'sms112088', 'sms10692'];

export const DEFAULT_MAX_CALLS = 10;

const replyOption = {
	name: 'Reply',
	value: 'reply',
	description: 'A customer sent a message to your number (上行短信)',
};

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Gateway',
		name: 'gateway',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'China SMS (中国短信)',
				value: 'chinaSms',
				description: 'china-sms.com: replies, one per call, at least 5 seconds apart',
			},
			{
				name: 'SMSAdmin (通用短信平台)',
				value: 'smsAdmin',
				description: 'smsadmin.cn: replies and delivery reports, up to 20 per call, 5 seconds apart',
			},
			{
				name: '112088 Enterprise SMS (企业短信通)',
				value: 'sms112088',
				description: '112088.net: delivery reports (up to 100 per call) and replies (up to 50)',
			},
			{
				name: 'SMS10692 (sms10692.com)',
				value: 'sms10692',
				description: 'sms10692.com: delivery reports and replies',
			},
		],
		default: 'smsAdmin',
	},
	authenticationProperty,
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		displayOptions: { show: { gateway: ['chinaSms'] } },
		options: [replyOption],
		default: ['reply'],
		description: 'China SMS hands out replies only (delivery reports are not offered)',
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		displayOptions: { show: { gateway: WITH_REPORTS } },
		options: [
			{
				name: 'Delivery Report',
				value: 'report',
				description: 'The network says whether a message you sent was delivered (状态报告)',
			},
			replyOption,
		],
		default: ['reply'],
		description:
			'Which events start the workflow. Each selected kind is taken from the gateway, which hands every event out only once.',
	},
	{
		displayName: 'Report Statuses',
		name: 'reportStatuses',
		type: 'multiOptions',
		displayOptions: { show: { gateway: WITH_REPORTS, events: ['report'] } },
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Unknown', value: 'unknown' },
		],
		default: ['delivered', 'failed', 'unknown'],
		description:
			'Which delivery reports to emit. Reports with other statuses are still taken from the gateway (it hands each report out only once) and are then dropped. A report line the gateway sent that cannot be read is always emitted.',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fetch Real Events in Test',
				name: 'fetchRealEventsInTest',
				type: 'boolean',
				default: false,
				description:
					'Whether the editor\'s test fetch takes real events from the gateway. Off: the test fetch sends no request and returns a sample event. On: real events are fetched and consumed, so the active workflow will not see them.',
			},
			{
				displayName: 'Max Calls per Poll',
				name: 'maxCalls',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: DEFAULT_MAX_CALLS,
				description:
					'How many fetch calls each selected event kind may make in one poll (China SMS hands out 1 reply per call, SMSAdmin up to 20 events, 112088 up to 100 reports or 50 replies). A poll also stops starting calls after 45 seconds; whatever is still pending comes with the next poll.',
			},
		],
	},
];
