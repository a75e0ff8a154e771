// Generated from nodes/gateways/chinaSms/declaration.ts by `npm run generate:nodes`: do not edit.
import type { INodeExecutionData, IPollFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { chinaSms } from '../gateways/chinaSms';
import { pollingTriggerDescription } from '../n8n/pollingTrigger/description';
import { pollFor } from '../n8n/pollingTrigger/pollFor';
import { testGatewayCredentials } from '../n8n/session';
import type { NodeSeams } from '../n8n/session';

export class ChinaSmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		...pollingTriggerDescription(chinaSms.declaration),
		icon: { light: 'file:../../icons/chinaSms.svg', dark: 'file:../../icons/chinaSms.dark.svg' },
		subtitle: '={{ $parameter["events"].join(", ") }}',
		credentials: [{ name: 'chinaSmsApi', required: true, testedBy: 'gatewayCredentialTest' }],
	};

	methods = { credentialTest: { gatewayCredentialTest: testGatewayCredentials } };

	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	/** `seams`: the clock and sleep the node hands the gateway layer (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.poll = pollFor(chinaSms, seams);
	}
}
