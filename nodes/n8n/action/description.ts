/** The description of a gateway's action node, generated from its declaration. */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import type { GatewayDeclaration, Operation } from '../../gateways/kit/declaration';
import { authenticationProperties, nodeCredentials } from '../credentials';
import { actionNodeName } from '../nodeNames';
import { iconOf, vendorNames } from '../texts';
import { OPERATIONS } from './operations';

/** What the node panel says the node does, operation by operation. */
const PHRASES: Array<[Operation[], string]> = [
	[['send', 'sendBulk'], 'send SMS'],
	[['sendTemplate'], 'send personalised template SMS'],
	[['checkContent'], 'check messages for blocked words'],
	[['getBalance'], 'check the balance'],
	[['fetchReports', 'fetchReplies'], 'fetch delivery reports and replies'],
	[['fetchReplies'], 'fetch replies'],
	[['fetchReports'], 'fetch delivery reports'],
	[['changePassword'], 'change the account password'],
];

function whatItDoes(gateway: GatewayDeclaration): string {
	const left = new Set(gateway.operations);
	const phrases: string[] = [];
	for (const [ops, phrase] of PHRASES) {
		if (ops.every((op) => left.has(op))) {
			phrases.push(phrase);
			ops.forEach((op) => left.delete(op));
		}
	}
	const list = phrases.length > 1 ? `${phrases.slice(0, -1).join(', ')} and ${phrases[phrases.length - 1]}` : phrases[0];
	return `${list.charAt(0).toUpperCase()}${list.slice(1)} through ${vendorNames(gateway)}`;
}

function operationProperties(gateway: GatewayDeclaration): INodeProperties[] {
	const operation: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		options: gateway.operations.map((op) => OPERATIONS[op].option).sort((a, b) => a.name.localeCompare(b.name)),
		// Every gateway sends (the registry test checks it).
		default: 'send',
	};
	const own = gateway.operations.flatMap((op) =>
		OPERATIONS[op].properties(gateway).map((p) => ({ ...p, displayOptions: { show: { operation: [op] } } })),
	);
	return [operation, ...own];
}

export function actionNodeDescription(gateway: GatewayDeclaration): INodeTypeDescription {
	return {
		displayName: actionNodeName(gateway).displayName,
		name: actionNodeName(gateway).type,
		icon: iconOf(gateway),
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] }}',
		description: whatItDoes(gateway),
		defaults: { name: gateway.name },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: nodeCredentials(gateway),
		properties: [...authenticationProperties(gateway), ...operationProperties(gateway)],
	};
}
