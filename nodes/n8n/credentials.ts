/**
 * A gateway's credentials as its nodes list them, and the `authentication` parameter that picks
 * one where the gateway has several (n8n's editor hides it and offers the choice in the
 * credential form instead).
 */
import type { INodeCredentialDescription, INodeProperties } from 'n8n-workflow';

import type { GatewayDeclaration } from '../gateways/kit/declaration';

/** The name of the credential test every node of the package offers (`methods.credentialTest`). */
export const CREDENTIAL_TEST = 'gatewayCredentialTest';

export function nodeCredentials(gateway: GatewayDeclaration): INodeCredentialDescription[] {
	return gateway.credentials.map((c) => ({
		name: c.type,
		required: true,
		testedBy: CREDENTIAL_TEST,
		...(c.authentication ? { displayOptions: { show: { authentication: [c.authentication.value] } } } : {}),
	}));
}

/** The `authentication` parameter, or none when the gateway has one credential type. */
export function authenticationProperties(gateway: GatewayDeclaration): INodeProperties[] {
	const choices = gateway.credentials.filter((c) => c.authentication !== undefined);
	if (choices.length < 2) return [];
	const first = choices[0].authentication!.value;
	return [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			noDataExpression: true,
			options: choices.map((c) => ({ name: c.authentication!.name, value: c.authentication!.value, description: c.authentication!.description })),
			default: first,
		},
	];
}
