/** What every operation of an action node runs with, and the errors and failure items it makes. */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { GatewayAdapter } from '../../gateways/kit/adapter';
import type { GatewayId } from '../../gateways/kit/declaration';
import type { CheckContext } from '../../gateways/send/checkContext';
import { failureItem, nodeError } from '../errors';
import type { GatewaySession } from '../session';

export interface RunContext {
	fn: IExecuteFunctions;
	items: INodeExecutionData[];
	session: GatewaySession;
	adapter: GatewayAdapter;
	gateway: GatewayId;
	continueOnFail: boolean;
}

export function checkContext(run: RunContext): CheckContext {
	const { adapter, ctx } = run.session;
	return { adapter, charset: adapter.charset(ctx.credentials), now: ctx.now(), timeZone: run.fn.getTimezone() };
}

/** The item of a failed input item under "continue on fail" or the error output. */
export function failedItem(run: RunContext, error: unknown, itemIndex: number, fields: IDataObject = {}): INodeExecutionData {
	return failureItem(run.fn.getNode(), run.gateway, error, itemIndex, fields);
}

/** The error that stops the run, with `note` (what was or was not sent) in its description. */
export function runError(run: RunContext, error: unknown, itemIndex: number, note?: string) {
	return nodeError(run.fn.getNode(), error, itemIndex, note);
}

export function operationError(run: RunContext, message: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(run.fn.getNode(), message, itemIndex === undefined ? {} : { itemIndex });
}
