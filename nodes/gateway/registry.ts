/** Every gateway the package speaks to. A new gateway is one adapter, one credential and one line here. */
import { chinaSms } from './adapters/chinaSms';
import { sms10692 } from './adapters/sms10692';
import { sms112088 } from './adapters/sms112088';
import { sms18 } from './adapters/sms18';
import { smsAdmin } from './adapters/smsAdmin';
import type { GatewayAdapter, GatewayId } from './types';

export const ADAPTERS: Record<GatewayId, GatewayAdapter> = {
	chinaSms,
	smsAdmin,
	sms112088,
	sms18,
	sms10692,
};

export function getAdapter(id: string): GatewayAdapter {
	const adapter = (ADAPTERS as Record<string, GatewayAdapter | undefined>)[id];
	if (!adapter) throw new Error(`Unknown gateway "${id}"`);
	return adapter;
}

/** The adapter whose credential type this is (credential tests receive only the type). */
export function adapterForCredentialType(type: string): GatewayAdapter | undefined {
	return Object.values(ADAPTERS).find((a) => a.credentialTypes.includes(type));
}
