/**
 * The node types of a gateway and their display names. n8n's node panel lists `<id>Trigger`
 * inside the vendor's entry and `<id>PushTrigger` as an entry of its own, so a gateway that only
 * pushes (18SMS) has its push trigger as `<id>Trigger`: its entry then shows it.
 */
import type { GatewayDeclaration } from '../gateways/kit/declaration';

export interface NodeName {
	/** The node type (without the package prefix). */
	type: string;
	displayName: string;
}

export function actionNodeName(gateway: GatewayDeclaration): NodeName {
	return { type: gateway.id, displayName: gateway.name };
}

export function pollingTriggerName(gateway: GatewayDeclaration): NodeName {
	return { type: `${gateway.id}Trigger`, displayName: `${gateway.name} Trigger` };
}

export function pushTriggerName(gateway: GatewayDeclaration): NodeName {
	return gateway.polling
		? { type: `${gateway.id}PushTrigger`, displayName: `${gateway.name} Push Trigger` }
		: { type: `${gateway.id}Trigger`, displayName: `${gateway.name} Trigger` };
}
