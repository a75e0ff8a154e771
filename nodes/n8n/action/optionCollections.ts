/** The `options` collections: of the send operations (per gateway) and of the fetch operations. */
import type { INodeProperties } from 'n8n-workflow';

import type { GatewayDeclaration, VendorSendOption } from '../../gateways/kit/declaration';
import { DEFAULT_MAX_CALLS } from '../../gateways/fetch/runner';
import { MAX_CONCURRENCY } from '../../gateways/send/checks';

type SendOptionName = 'sendAt' | 'signature' | VendorSendOption | 'batchSize' | 'concurrency';

const VENDOR_OPTIONS: Record<VendorSendOption, INodeProperties> = {
	extno: {
		displayName: 'Extension Number',
		name: 'extno',
		type: 'string',
		default: '',
		description: 'Extension sub-number appended to the sender number (digits)',
	},
	linkId: {
		displayName: 'Link ID',
		name: 'linkId',
		type: 'string',
		default: '',
		description: 'Your own serial number (letters and digits, at most 32, never reused) to match replies and reports to this send',
	},
	product: {
		displayName: 'Product',
		name: 'product',
		type: 'string',
		default: '',
		description: "Product ID to bill; empty uses the credential's default product, then the account's",
	},
	statusReport: {
		displayName: 'Status Report',
		name: 'statusReport',
		type: 'boolean',
		default: true,
		description: 'Whether to ask for delivery reports (needstatus); a message ID comes back only when on',
	},
};

function optionFor(name: SendOptionName, gateway: GatewayDeclaration, unit: string): INodeProperties {
	switch (name) {
		case 'sendAt':
			return {
				displayName: 'Send At',
				name: 'sendAt',
				type: 'dateTime',
				default: '',
				description: gateway.limits.supportsSchedule
					? "Schedule the message. Any time zone; it is converted to China Standard Time in the gateway's format. Must be in the future."
					: `${gateway.name} cannot schedule messages: a Send At is refused before anything is sent. Leave it out to send now.`,
			};
		case 'signature':
			return {
				displayName: 'Signature',
				name: 'signature',
				type: 'string',
				default: '',
				placeholder: '公司名',
				description: 'Company name appended as 【公司名】 unless the message already holds a 【…】 signature',
			};
		case 'batchSize': {
			const max = gateway.limits.maxTemplateRowsPerRequest !== undefined && unit !== 'numbers' ? gateway.limits.maxTemplateRowsPerRequest : gateway.limits.maxRecipientsPerRequest;
			return {
				displayName: 'Batch Size',
				name: 'batchSize',
				type: 'number',
				default: 0,
				typeOptions: { minValue: 0, maxValue: max, numberPrecision: 0 },
				description: `Most ${unit} per request; 0 uses the gateway's maximum, ${max}`,
			};
		}
		case 'concurrency':
			return {
				displayName: 'Concurrency',
				name: 'concurrency',
				type: 'number',
				default: 1,
				typeOptions: { minValue: 1, maxValue: MAX_CONCURRENCY, numberPrecision: 0 },
				description: `How many requests may be under way at once (1 to ${MAX_CONCURRENCY})`,
			};
		default: {
			const option = VENDOR_OPTIONS[name];
			const note = gateway.sendOptionNotes?.[name];
			return note ? { ...option, description: `${option.description}. ${note}.` } : option;
		}
	}
}

/** The `options` collection of a send operation on this gateway: only what the gateway has. */
export function sendOptionsCollection(gateway: GatewayDeclaration, forTemplate = false): INodeProperties {
	const names: SendOptionName[] = [
		// Listed where the gateway cannot schedule too: a workflow that sets it gets a clear refusal.
		'sendAt',
		'signature',
		...gateway.sendOptions.filter((o) => !forTemplate || o === 'linkId'),
		'batchSize',
		'concurrency',
	];
	const unit = forTemplate ? 'value groups' : 'numbers';
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: names.map((name) => optionFor(name, gateway, unit)).sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/** The `options` collection of Fetch Replies / Fetch Delivery Reports. */
export function fetchOptionsCollection(gateway: GatewayDeclaration): INodeProperties {
	const spacing = gateway.limits.fetchSpacingMs;
	const spaced = spacing >= 1000 ? ` Calls are spaced ${spacing / 1000} s apart, as ${gateway.name} asks.` : '';
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Max Calls',
				name: 'maxCalls',
				type: 'number',
				default: DEFAULT_MAX_CALLS,
				typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 0 },
				description: spaced ? `Most calls to the gateway in one run.${spaced}` : 'Most calls to the gateway in one run',
			},
		],
	};
}
