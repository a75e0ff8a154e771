// Generated from nodes/gateways/sms10692/declaration.ts by `npm run generate:nodes`: do not edit.
import type { INodeExecutionData, IPollFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { sms10692 } from '../gateways/sms10692';
import { pollingTriggerDescription } from '../n8n/pollingTrigger/description';
import { pollFor } from '../n8n/pollingTrigger/pollFor';
import { testGatewayCredentials } from '../n8n/session';
import type { NodeSeams } from '../n8n/session';

export class Sms10692Trigger implements INodeType {
	description: INodeTypeDescription = {
		...pollingTriggerDescription(sms10692.declaration),
		icon: { light: 'file:../../icons/sms10692.svg', dark: 'file:../../icons/sms10692.dark.svg' },
		subtitle: '={{ $parameter["events"].join(", ") }}',
		credentials: [{ name: 'sms10692Api', required: true, testedBy: 'gatewayCredentialTest' }],
	};

	methods = { credentialTest: { gatewayCredentialTest: testGatewayCredentials } };

	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	/** `seams`: the clock and sleep the node hands the gateway layer (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.poll = pollFor(sms10692, seams);
	}
}
