// Generated from nodes/gateways/chinaSms/declaration.ts by `npm run generate:nodes`: do not edit.
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { chinaSms } from '../gateways/chinaSms';
import { actionNodeDescription } from '../n8n/action/description';
import { actionExecute } from '../n8n/action/execute';
import { testGatewayCredentials } from '../n8n/session';
import type { NodeSeams } from '../n8n/session';

export class ChinaSms implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(chinaSms.declaration),
		icon: { light: 'file:../../icons/chinaSms.svg', dark: 'file:../../icons/chinaSms.dark.svg' },
		subtitle: '={{ $parameter["operation"] }}',
		usableAsTool: true,
		credentials: [{ name: 'chinaSmsApi', required: true, testedBy: 'gatewayCredentialTest' }],
	};

	methods = { credentialTest: { gatewayCredentialTest: testGatewayCredentials } };

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	/** `seams`: the clock and sleep the node hands the gateway layer (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.execute = actionExecute(chinaSms, seams);
	}
}
