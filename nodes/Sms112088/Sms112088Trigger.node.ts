// Generated from nodes/gateways/sms112088/declaration.ts by `npm run generate:nodes`: do not edit.
import type { INodeExecutionData, IPollFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { sms112088 } from '../gateways/sms112088';
import { pollingTriggerDescription } from '../n8n/pollingTrigger/description';
import { pollFor } from '../n8n/pollingTrigger/pollFor';
import { testGatewayCredentials } from '../n8n/session';
import type { NodeSeams } from '../n8n/session';

export class Sms112088Trigger implements INodeType {
	description: INodeTypeDescription = {
		...pollingTriggerDescription(sms112088.declaration),
		icon: { light: 'file:../../icons/sms112088.svg', dark: 'file:../../icons/sms112088.dark.svg' },
		subtitle: '={{ $parameter["events"].join(", ") }}',
		credentials: [{ name: 'sms112088Api', required: true, testedBy: 'gatewayCredentialTest' }],
	};

	methods = { credentialTest: { gatewayCredentialTest: testGatewayCredentials } };

	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	/** `seams`: the clock and sleep the node hands the gateway layer (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.poll = pollFor(sms112088, seams);
	}
}
