/** The description of a gateway's push trigger, generated from its declaration. */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { GatewayDeclaration, VendorPushOption } from '../../gateways/kit/declaration';
import { EVENT_OPTIONS, eventPhrase } from '../eventOptions';
import { pollingTriggerName, pushTriggerName } from '../nodeNames';
import { iconOf, vendorNames } from '../texts';
import { DEFAULT_LONG_MESSAGE_WAIT_SECONDS } from './webhook';

/** The fixed path of the node's webhook: `/webhook/<webhook id>/cn-sms`. */
export const WEBHOOK_PATH = 'cn-sms';

const EVERYONES_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Allowed Source Addresses',
		name: 'allowedAddresses',
		type: 'string',
		default: '',
		placeholder: 'e.g. 203.0.113.7, 198.51.100.0/24',
		description:
			'IP addresses or CIDR ranges (IPv4 or IPv6), separated by commas or spaces, that may push. Others get 403 and start nothing. Empty: any address.',
	},
	{
		displayName: 'Number of Reverse Proxies',
		name: 'proxyHops',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description:
			'How many reverse proxies you run in front of n8n. 0: the allow-list checks the connecting address and ignores X-Forwarded-For (which anyone can send). 1 or more: it checks the address your outermost proxy saw, read from X-Forwarded-For.',
	},
];

/** Hidden, always on: keeps n8n from parsing the body (see `options` below). */
const RAW_BODY: INodeProperties = { displayName: 'Read Raw Body', name: 'binaryData', type: 'hidden', default: true };

function vendorOption(option: VendorPushOption, gateway: GatewayDeclaration): INodeProperties {
	switch (option) {
		case 'charset':
			return {
				displayName: 'Charset',
				name: 'charset',
				type: 'options',
				options: [
					{ name: 'GBK', value: 'gbk' },
					{ name: 'UTF-8', value: 'utf8' },
				],
				default: 'gbk',
				description: `The charset ${gateway.name} pushes in. Undocumented; GBK unless your account is set to UTF-8 (match the Charset of your ${gateway.name} credential).`,
			};
		case 'longMessages':
			return {
				displayName: 'Long Messages',
				name: 'longMessages',
				type: 'options',
				options: [
					{
						name: 'Join Parts',
						value: 'join',
						description:
							'One item per message: parts wait in the workflow until the last arrives. For one n8n process whose parts arrive at least a second apart; parts pushed at the same moment, or to different n8n processes, can overwrite each other while they wait.',
					},
					{
						name: 'Emit Each Part',
						value: 'parts',
						description:
							'One item per part, at once, marked incomplete with the key that joins the parts (longMessage.key, part numbers in longMessage.received). No part can be lost; join them in your workflow. Use it in queue mode.',
					},
				],
				default: 'join',
				description: `How the parts of a long inbound message reach the workflow (${gateway.name} pushes each part on its own)`,
			};
		case 'longMessageWait':
			return {
				displayName: 'Long Message Wait (Seconds)',
				name: 'longMessageWait',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: DEFAULT_LONG_MESSAGE_WAIT_SECONDS,
				description:
					'With Join Parts: how long to wait for the missing parts of a long inbound message. After that it is emitted as it is, marked incomplete, with the next push that arrives (n8n gives webhooks no timer).',
			};
		case 'receiver':
			return {
				displayName: 'Receiver',
				name: 'receiver',
				type: 'string',
				default: '',
				description: `The receiver name configured at ${gateway.name}. When set, pushes whose receiver differs get 403.`,
			};
		case 'password':
			return {
				displayName: 'Receiver Password',
				name: 'password',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: `The receiver password (pswd) configured at ${gateway.name}. When set, pushes whose pswd differs get 403.`,
			};
		case 'userId':
			return {
				displayName: 'User ID (SmsName)',
				name: 'userId',
				type: 'string',
				default: '',
				description: `Your ${gateway.name} user ID. When set, pushes whose SmsName differs get 403.`,
			};
	}
}

function properties(gateway: GatewayDeclaration): INodeProperties[] {
	const push = gateway.push!;
	const options = [...EVERYONES_OPTIONS, ...push.options.map((o) => vendorOption(o, gateway))];
	return [
		{ displayName: push.setup, name: 'setupNotice', type: 'notice', default: '' },
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: push.events.map((e) => EVENT_OPTIONS[e]),
			default: [...push.events],
			description:
				push.events.length > 1
					? 'Which pushes start the workflow. Pushes of events not selected are acknowledged and start nothing.'
					: `${gateway.name} pushes replies only. Pushes of events not selected are acknowledged and start nothing.`,
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			// n8n parses a webhook's body before the node runs and answers 422 to a charset it does not
			// know (GBK, GB2312), unless the start node is version 1 with `options.binaryData` set: then
			// the body is left unread and the trigger reads its bytes itself (webhook.ts).
			default: { binaryData: true },
			options: [...options, RAW_BODY].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

export function pushTriggerDescription(gateway: GatewayDeclaration): INodeTypeDescription {
	const push = gateway.push!;
	const name = pushTriggerName(gateway);
	const polling = gateway.polling ? ` Without a push address, the ${pollingTriggerName(gateway).displayName} polls for them instead.` : '';
	return {
		displayName: name.displayName,
		name: name.type,
		icon: iconOf(gateway),
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: `Starts the workflow when ${vendorNames(gateway)} pushes ${eventPhrase(push.events)} to n8n (${push.note}).${polling}`,
		defaults: { name: name.displayName },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// One path, both methods: the vendors push with GET or POST (seed 000 §6, 001 §9–10, 003).
		webhooks: [
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: WEBHOOK_PATH },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: WEBHOOK_PATH },
		],
		properties: properties(gateway),
	};
}
