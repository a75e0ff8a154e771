/** Picks the operation and the credential, and runs the operation for all items. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Operation } from '../../gateways/kit/declaration';
import type { GatewayAdapter } from '../../gateways/kit/adapter';
import { httpClientFrom } from '../httpClient';
import { createSession, credentialTypeFor, hasAuthenticationChoice } from '../session';
import type { NodeSeams } from '../session';
import { OPERATIONS } from './operations';

export async function route(this: IExecuteFunctions, adapter: GatewayAdapter, seams: NodeSeams): Promise<INodeExecutionData[][]> {
	const node = this.getNode();
	const { declaration } = adapter;
	const operation = this.getNodeParameter('operation', 0) as Operation;
	if (!declaration.operations.includes(operation)) {
		throw new NodeOperationError(node, `${adapter.displayName} has no operation "${operation}"`, {
			description: `Operations of this gateway: ${declaration.operations.join(', ')}`,
		});
	}
	const unit = OPERATIONS[operation];
	// n8n's "Retry On Fail" would run the whole node again, sending every message a second time.
	if (unit.sends && node.retryOnFail === true) {
		throw new NodeOperationError(node, 'Turn off "Retry On Fail" for sending: a retry would send the messages that already went out again', {
			description: 'A send that may have reached the gateway is never repeated automatically. Use "Continue On Fail" or the error output to handle failed items. Nothing was sent.',
		});
	}
	const authentication = hasAuthenticationChoice(adapter) ? this.getNodeParameter('authentication', 0) : undefined;
	const credentials = await this.getCredentials(credentialTypeFor(adapter, authentication));
	const session = createSession(adapter, credentials, { http: httpClientFrom(this.helpers), seams });
	const run = { fn: this, items: this.getInputData(), session, adapter, gateway: adapter.id, continueOnFail: this.continueOnFail() };
	return [await unit.execute(run)];
}
