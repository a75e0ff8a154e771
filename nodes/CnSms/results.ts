/**
 * What every operation shares: the run context, failure items for "continue on fail" and the
 * error output, and errors that say what already went out before a failure.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorFields, toNodeError } from '../common/gateway';
import type { GatewaySession } from '../common/gateway';
import { TransportError } from '../gateways/kit/errors';
import type { CheckContext } from '../gateways/send/validate';
import type { GatewayId } from '../gateways/kit/types';

export interface RunContext {
	fn: IExecuteFunctions;
	items: INodeExecutionData[];
	session: GatewaySession;
	gateway: GatewayId;
	continueOnFail: boolean;
}

export function checkContext(run: RunContext): CheckContext {
	const { adapter, ctx } = run.session;
	return { adapter, charset: adapter.charset(ctx.credentials), now: ctx.now(), timeZone: run.fn.getTimezone() };
}

/** A send that may have reached the gateway: said plainly in the item and the error. */
export const UNCERTAIN_NOTE = 'The request may have reached the gateway, so it was not sent again: check before resending.';

export function isUncertain(error: unknown): boolean {
	return error instanceof TransportError && error.mayHaveReached;
}

/**
 * The item for a failure under "continue on fail": `gateway`, the operation's own fields,
 * `error`, `code`, `vendorMessage` (and `uncertain: true` when a send may have reached the
 * gateway). With the error output, n8n routes an item there only when its JSON holds nothing but
 * `error` / `message` / `details`, so the same fields then sit under `details`.
 */
export function failureItem(run: RunContext, error: unknown, itemIndex: number, fields: IDataObject = {}): INodeExecutionData {
	const failure = errorFields(error);
	const json: IDataObject = { gateway: run.gateway, ...fields, ...failure };
	if (failure.uncertain) json.error = `${failure.error} ${UNCERTAIN_NOTE}`;
	if (run.fn.getNode().onError === 'continueErrorOutput') {
		const { error: text, ...details } = json;
		return { json: { error: text, details }, pairedItem: { item: itemIndex } };
	}
	return { json, pairedItem: { item: itemIndex } };
}

/** The n8n error for a failure, with `note` (what was or was not sent) added to its description. */
export function nodeError(run: RunContext, error: unknown, itemIndex: number, note?: string): NodeApiError | NodeOperationError {
	const nodeErr = toNodeError(run.fn.getNode(), error, itemIndex);
	const parts = [nodeErr.description, note].filter((p): p is string => !!p);
	if (parts.length > 0) nodeErr.description = parts.join(' ');
	return nodeErr;
}

/** "items 0, 2 and 5" / "item 3" / "no item". */
export function itemList(indexes: number[]): string {
	if (indexes.length === 0) return 'no item';
	const shown = indexes.length > 12 ? [...indexes.slice(0, 12).map(String), `… (${indexes.length} in all)`] : indexes.map(String);
	if (shown.length === 1) return `item ${shown[0]}`;
	return `items ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

export function operationError(run: RunContext, message: string, itemIndex?: number): NodeOperationError {
	return new NodeOperationError(run.fn.getNode(), message, itemIndex === undefined ? {} : { itemIndex });
}
