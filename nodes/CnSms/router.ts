/** Picks the gateway, its credential and the operation, and runs the operation for all items. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { credentialTypeFor, openSession } from '../common/gateway';
import { httpClientFrom } from '../common/httpClient';
import { getAdapter } from '../gateway/registry';
import type { GatewayId, Operation } from '../gateway/types';
import * as changePassword from './actions/changePassword';
import * as checkContent from './actions/checkContent';
import * as fetchReplies from './actions/fetchReplies';
import * as fetchReports from './actions/fetchReports';
import * as getBalance from './actions/getBalance';
import * as send from './actions/send';
import * as sendBulk from './actions/sendBulk';
import * as sendTemplate from './actions/sendTemplate';
import { GATEWAY_OPERATIONS, SEND_OPERATIONS } from './descriptions';
import type { RunContext } from './results';

const OPERATIONS: Record<Operation, { execute: (run: RunContext) => Promise<INodeExecutionData[]> }> = {
	send,
	sendBulk,
	sendTemplate,
	getBalance,
	fetchReports,
	fetchReplies,
	checkContent,
	changePassword,
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const node = this.getNode();
	const gateway = this.getNodeParameter('gateway', 0) as GatewayId;
	const operation = this.getNodeParameter('operation', 0) as Operation;
	const adapter = getAdapter(gateway);
	if (!(GATEWAY_OPERATIONS[gateway] ?? []).includes(operation)) {
		throw new NodeOperationError(node, `${adapter.displayName} has no operation "${operation}"`, {
			description: `Operations of this gateway: ${(GATEWAY_OPERATIONS[gateway] ?? []).join(', ')}`,
		});
	}
	// n8n's "Retry On Fail" would run the whole node again, sending every message a second time.
	if (SEND_OPERATIONS.includes(operation) && node.retryOnFail === true) {
		throw new NodeOperationError(node, 'Turn off "Retry On Fail" for sending: a retry would send the messages that already went out again', {
			description: 'A send that may have reached the gateway is never repeated automatically. Use "Continue On Fail" or the error output to handle failed items. Nothing was sent.',
		});
	}
	const authentication = gateway === 'smsAdmin' ? (this.getNodeParameter('authentication', 0, 'password') as string) : undefined;
	const credentials = await this.getCredentials(credentialTypeFor(adapter, authentication));
	const run: RunContext = {
		fn: this,
		items,
		session: openSession(gateway, credentials, { http: httpClientFrom(this.helpers) }),
		gateway,
		continueOnFail: this.continueOnFail(),
	};
	return [await OPERATIONS[operation].execute(run)];
}
