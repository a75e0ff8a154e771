// Generated from nodes/gateways/sms18/declaration.ts by `npm run generate:nodes`: do not edit.
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { sms18 } from '../gateways/sms18';
import { actionNodeDescription } from '../n8n/action/description';
import { actionExecute } from '../n8n/action/execute';
import { testGatewayCredentials } from '../n8n/session';
import type { NodeSeams } from '../n8n/session';

export class Sms18 implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(sms18.declaration),
		icon: { light: 'file:../../icons/sms18.svg', dark: 'file:../../icons/sms18.dark.svg' },
		subtitle: '={{ $parameter["operation"] }}',
		usableAsTool: true,
		credentials: [{ name: 'sms18Api', required: true, testedBy: 'gatewayCredentialTest' }],
	};

	methods = { credentialTest: { gatewayCredentialTest: testGatewayCredentials } };

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	/** `seams`: the clock and sleep the node hands the gateway layer (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.execute = actionExecute(sms18, seams);
	}
}
