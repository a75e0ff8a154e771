/** Names and icons every node of a gateway shows, from its declaration. */
import type { Icon, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { GatewayDeclaration } from '../gateways/kit/declaration';
import type { NodeName } from './nodeNames';

/** "China SMS (中国短信, china-sms.com)" / "18SMS (18sms.com)". */
export function vendorNames(gateway: GatewayDeclaration): string {
	return `${gateway.name} (${[gateway.chineseName, gateway.site].filter(Boolean).join(', ')})`;
}

/** The light and dark icon, relative to a node file in nodes/<Folder>/ (copied to dist/icons). */
export function iconOf(gateway: GatewayDeclaration): Icon {
	return { light: `file:../../icons/${gateway.icon}.svg`, dark: `file:../../icons/${gateway.icon}.dark.svg` };
}

/** What both triggers of a gateway describe alike: names, icon, group, events subtitle, one output. */
export function triggerDescription(gateway: GatewayDeclaration, name: NodeName, description: string) {
	return {
		displayName: name.displayName,
		name: name.type,
		icon: iconOf(gateway),
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description,
		defaults: { name: name.displayName },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
	} satisfies Partial<INodeTypeDescription>;
}
