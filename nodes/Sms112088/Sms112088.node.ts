// Generated from nodes/gateways/sms112088/declaration.ts by `npm run generate:nodes`: do not edit.
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { sms112088 } from '../gateways/sms112088';
import { actionNodeDescription } from '../n8n/action/description';
import { actionExecute } from '../n8n/action/execute';
import { testGatewayCredentials } from '../n8n/session';
import type { NodeSeams } from '../n8n/session';

export class Sms112088 implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(sms112088.declaration),
		icon: { light: 'file:../../icons/sms112088.svg', dark: 'file:../../icons/sms112088.dark.svg' },
		subtitle: '={{ $parameter["operation"] }}',
		usableAsTool: true,
		credentials: [{ name: 'sms112088Api', required: true, testedBy: 'gatewayCredentialTest' }],
	};

	methods = { credentialTest: { gatewayCredentialTest: testGatewayCredentials } };

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	/** `seams`: the clock and sleep the node hands the gateway layer (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.execute = actionExecute(sms112088, seams);
	}
}
