/** Names and icons every node of a gateway shows, from its declaration. */
import type { Icon } from 'n8n-workflow';

import type { GatewayDeclaration } from '../gateways/kit/declaration';

/** "China SMS (中国短信, china-sms.com)" / "18SMS (18sms.com)". */
export function vendorNames(gateway: GatewayDeclaration): string {
	return `${gateway.name} (${[gateway.chineseName, gateway.site].filter(Boolean).join(', ')})`;
}

/** The light and dark icon, relative to a node file in nodes/<Folder>/ (copied to dist/icons). */
export function iconOf(gateway: GatewayDeclaration): Icon {
	return { light: `file:../../icons/${gateway.icon}.svg`, dark: `file:../../icons/${gateway.icon}.dark.svg` };
}
