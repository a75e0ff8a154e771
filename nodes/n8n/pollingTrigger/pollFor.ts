/** The `poll` of a gateway's polling trigger: its shell hands in the adapter and the seams. */
import type { INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import type { GatewayAdapter } from '../../gateways/kit/adapter';
import type { NodeSeams } from '../session';
import { pollEvents } from './poll';

export function pollFor(adapter: GatewayAdapter, seams: NodeSeams): (this: IPollFunctions) => Promise<INodeExecutionData[][] | null> {
	return async function (this: IPollFunctions) {
		return await pollEvents.call(this, adapter, seams);
	};
}
