/** The bench's inputs: gateways, their credentials on the simulator, items, and the minimum request count. */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { getAdapter } from '../nodes/gateways/registry';
import type { GatewayId } from '../nodes/gateways/kit/declaration';
import { SIM_ACCOUNTS } from '../test/simulator/vendors';

export const GATEWAYS: GatewayId[] = ['chinaSms', 'smsAdmin', 'sms112088', 'sms18', 'sms10692'];

export const CREDENTIAL_TYPE: Record<GatewayId, string> = {
	chinaSms: 'chinaSmsApi',
	smsAdmin: 'smsAdminApi',
	sms112088: 'sms112088Api',
	sms18: 'sms18Api',
	sms10692: 'sms10692Api',
};

export function credentialsFor(gateway: GatewayId, baseUrl: string): Record<string, IDataObject> {
	const extra: Record<GatewayId, IDataObject> = {
		chinaSms: { charset: 'gbk' },
		smsAdmin: {},
		sms112088: { charset: 'gbk' },
		sms18: { product: '' },
		sms10692: { charset: 'utf8' },
	};
	return { [CREDENTIAL_TYPE[gateway]]: { ...SIM_ACCOUNTS[gateway], baseUrl, ...extra[gateway] } };
}

/** Distinct mobiles none of which the simulators treat specially (13800000002, 13900000000, …). */
export function phone(i: number): string {
	return String(15_000_000_000 + i);
}

/** Message k: short (China SMS takes 60 characters), Chinese, encodable in GB2312. */
export function messageText(k: number): string {
	return `您的验证码是${String(k).padStart(4, '0')}，五分钟内有效。`;
}

export interface Workload {
	items: number;
	messages: number;
}

/** Item i carries message i mod m, so the items of one message are spread over the whole input. */
export function bulkItems(w: Workload): IDataObject[] {
	return Array.from({ length: w.items }, (_, i) => ({ phone: phone(i), msg: messageText(i % w.messages) }));
}

/**
 * The node as a user sets it up: recipient from the item; the message typed in when there is one
 * message, an expression when items carry their own.
 */
export function bulkParameters(gateway: GatewayId, w: Workload): INodeParameters {
	return {
		...(gateway === 'smsAdmin' ? { authentication: 'password' } : {}),
		operation: 'sendBulk',
		recipient: '={{ $json.phone }}',
		message: w.messages === 1 ? messageText(0) : '={{ $json.msg }}',
		options: {},
	};
}

export function documentedLimit(gateway: GatewayId): number {
	return getAdapter(gateway).limits.maxRecipientsPerRequest;
}

/** Σ over messages of ceil(items with that message / the per-request limit). */
export function minimumRequests(gateway: GatewayId, w: Workload): number {
	const limit = documentedLimit(gateway);
	let total = 0;
	for (let k = 0; k < w.messages; k++) {
		const count = Math.floor(w.items / w.messages) + (k < w.items % w.messages ? 1 : 0);
		total += Math.ceil(count / limit);
	}
	return total;
}
