// Generated from nodes/gateways/smsAdmin/declaration.ts by `npm run generate:nodes`: do not edit.
import type { INodeExecutionData, IPollFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { smsAdmin } from '../gateways/smsAdmin';
import { pollingTriggerDescription } from '../n8n/pollingTrigger/description';
import { pollFor } from '../n8n/pollingTrigger/pollFor';
import { testGatewayCredentials } from '../n8n/session';
import type { NodeSeams } from '../n8n/session';

export class SmsAdminTrigger implements INodeType {
	description: INodeTypeDescription = {
		...pollingTriggerDescription(smsAdmin.declaration),
		icon: { light: 'file:../../icons/smsAdmin.svg', dark: 'file:../../icons/smsAdmin.dark.svg' },
		subtitle: '={{ $parameter["events"].join(", ") }}',
		credentials: [
			{ name: 'smsAdminApi', required: true, testedBy: 'gatewayCredentialTest', displayOptions: { show: { authentication: ['password'] } } },
			{ name: 'smsAdminMd5Api', required: true, testedBy: 'gatewayCredentialTest', displayOptions: { show: { authentication: ['md5Password'] } } },
		],
	};

	methods = { credentialTest: { gatewayCredentialTest: testGatewayCredentials } };

	poll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;

	/** `seams`: the clock and sleep the node hands the gateway layer (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.poll = pollFor(smsAdmin, seams);
	}
}
