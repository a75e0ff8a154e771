/** The node types the queue-mode cases use: each gateway's own nodes, as the registry names them. */
import { getAdapter } from '../../../nodes/gateways/registry';
import { actionNodeName, pollingTriggerName, pushTriggerName } from '../../../nodes/n8n/nodeNames';
import type { GatewayId } from '../../simulator/types';

export type NodeKind = 'action' | 'poll' | 'push';

export const PACKAGE = 'n8n-nodes-cn-sms';

/** The installed node type and the parameters every such node needs (smsAdmin's authentication). */
export function nodeFor(gateway: GatewayId, kind: NodeKind): { type: string; parameters: Record<string, unknown> } {
	const d = getAdapter(gateway).declaration;
	if ((kind === 'poll' && !d.polling) || (kind === 'push' && !d.push)) throw new Error(`${gateway} has no ${kind} node`);
	const name = { action: actionNodeName, poll: pollingTriggerName, push: pushTriggerName }[kind](d);
	const authentication = gateway === 'smsAdmin' && kind !== 'push' ? { authentication: 'password' } : {};
	return { type: `${PACKAGE}.${name.type}`, parameters: authentication };
}
