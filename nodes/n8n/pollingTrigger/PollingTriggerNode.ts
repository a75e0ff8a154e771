/** The polling trigger of a gateway with fetch-once endpoints; each gateway's file is a thin shell. */
import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';

import type { GatewayAdapter } from '../../gateways/kit/types';
import { CREDENTIAL_TEST } from '../credentials';
import { testGatewayCredentials } from '../session';
import type { NodeSeams } from '../session';
import { pollingTriggerDescription } from './description';
import { pollEvents } from './poll';

export class PollingTriggerNode implements INodeType {
	description: INodeTypeDescription;

	methods = { credentialTest: { [CREDENTIAL_TEST]: testGatewayCredentials } };

	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	constructor(adapter: GatewayAdapter, seams: NodeSeams = {}) {
		this.description = pollingTriggerDescription(adapter.declaration);
		this.poll = async function (this: IPollFunctions) {
			return await pollEvents.call(this, adapter, seams);
		};
	}
}
