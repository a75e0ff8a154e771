// Generated from nodes/gateways/smsAdmin/declaration.ts by `npm run generate:nodes`: do not edit.
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { smsAdmin } from '../gateways/smsAdmin';
import { actionNodeDescription } from '../n8n/action/description';
import { actionExecute } from '../n8n/action/execute';
import { testGatewayCredentials } from '../n8n/session';
import type { NodeSeams } from '../n8n/session';

export class SmsAdmin implements INodeType {
	description: INodeTypeDescription = {
		...actionNodeDescription(smsAdmin.declaration),
		icon: { light: 'file:../../icons/smsAdmin.svg', dark: 'file:../../icons/smsAdmin.dark.svg' },
		subtitle: '={{ $parameter["operation"] }}',
		usableAsTool: true,
		credentials: [
			{ name: 'smsAdminApi', required: true, testedBy: 'gatewayCredentialTest', displayOptions: { show: { authentication: ['password'] } } },
			{ name: 'smsAdminMd5Api', required: true, testedBy: 'gatewayCredentialTest', displayOptions: { show: { authentication: ['md5Password'] } } },
		],
	};

	methods = { credentialTest: { gatewayCredentialTest: testGatewayCredentials } };

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	/** `seams`: the clock and sleep the node hands the gateway layer (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.execute = actionExecute(smsAdmin, seams);
	}
}
