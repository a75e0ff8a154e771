/** The action node of a gateway; each gateway's node file is a thin shell around it. */
import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import type { GatewayAdapter } from '../../gateways/kit/types';
import { CREDENTIAL_TEST } from '../credentials';
import { testGatewayCredentials } from '../session';
import type { NodeSeams } from '../session';
import { actionNodeDescription } from './description';
import { route } from './router';

export class ActionNode implements INodeType {
	description: INodeTypeDescription;

	methods = { credentialTest: { [CREDENTIAL_TEST]: testGatewayCredentials } };

	execute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

	constructor(adapter: GatewayAdapter, seams: NodeSeams = {}) {
		this.description = actionNodeDescription(adapter.declaration);
		this.execute = async function (this: IExecuteFunctions) {
			return await route.call(this, adapter, seams);
		};
	}
}
