/**
 * The node types the queue-mode cases use, from one table. Two layouts of the package:
 *
 * - `selector`: one node of each kind with a `gateway` parameter (`cnSms`, `cnSmsTrigger`,
 *   `cnSmsPushTrigger`);
 * - `perGateway`: one node per gateway and kind (`smsAdmin`, `smsAdminTrigger`,
 *   `smsAdminPushTrigger`, `sms18Trigger`, …), the same parameters minus `gateway`.
 *
 * LAYOUT names the one the package has; switching it is the only change the cases need.
 */
import type { GatewayId } from '../../simulator/types';

export const LAYOUT: 'selector' | 'perGateway' = 'selector';

export type NodeKind = 'action' | 'poll' | 'push';

const SELECTOR: Record<NodeKind, string> = { action: 'cnSms', poll: 'cnSmsTrigger', push: 'cnSmsPushTrigger' };

const PER_GATEWAY: Record<GatewayId, Partial<Record<NodeKind, string>>> = {
	chinaSms: { action: 'chinaSms', poll: 'chinaSmsTrigger', push: 'chinaSmsPushTrigger' },
	smsAdmin: { action: 'smsAdmin', poll: 'smsAdminTrigger', push: 'smsAdminPushTrigger' },
	sms112088: { action: 'sms112088', poll: 'sms112088Trigger' },
	sms18: { action: 'sms18', push: 'sms18Trigger' },
	sms10692: { action: 'sms10692', poll: 'sms10692Trigger' },
};

export const PACKAGE = 'n8n-nodes-cn-sms';

/** The installed node type and the parameters that pick the gateway (and smsAdmin's authentication). */
export function nodeFor(gateway: GatewayId, kind: NodeKind): { type: string; parameters: Record<string, unknown> } {
	const name = LAYOUT === 'selector' ? SELECTOR[kind] : PER_GATEWAY[gateway][kind];
	if (!name) throw new Error(`${gateway} has no ${kind} node`);
	const authentication = gateway === 'smsAdmin' && kind !== 'push' ? { authentication: 'password' } : {};
	return { type: `${PACKAGE}.${name}`, parameters: { ...(LAYOUT === 'selector' ? { gateway } : {}), ...authentication } };
}
