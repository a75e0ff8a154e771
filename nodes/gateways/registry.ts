/** Every gateway the package speaks to. A new gateway is one adapter, one credential and one line here. */
import { chinaSms } from './chinaSms';
import { sms10692 } from './sms10692';
import { sms112088 } from './sms112088';
import { sms18 } from './sms18';
import { smsAdmin } from './smsAdmin';
import type { GatewayAdapter } from './kit/adapter';
import type { GatewayId } from './kit/declaration';

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
