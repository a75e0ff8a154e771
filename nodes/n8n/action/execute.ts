/** The `execute` of a gateway's action node: its shell hands in the adapter and the seams. */
import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { GatewayAdapter } from '../../gateways/kit/adapter';
import type { NodeSeams } from '../session';
import { route } from './router';

export function actionExecute(adapter: GatewayAdapter, seams: NodeSeams): (this: IExecuteFunctions) => Promise<INodeExecutionData[][]> {
	return async function (this: IExecuteFunctions) {
		return await route.call(this, adapter, seams);
	};
}
