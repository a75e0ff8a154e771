/**
 * Errors of the gateway layer as n8n shows them: NodeApiError for what the gateway said or did,
 * NodeOperationError for bad input; the fields an item carries under "continue on fail" and on the
 * error output; and the notes that say what already went out before a failure.
 */
import type { IDataObject, INode, INodeExecutionData, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { GatewayError, InputError, TransportError } from '../gateways/kit/errors';

/** A send that may have reached the gateway: said plainly in the item and the error. */
export const UNCERTAIN_NOTE = 'The request may have reached the gateway, so it was not sent again: check before resending.';

/**
 * What became of the request, for a workflow to decide on without reading the error text (for
 * example whether to send through another gateway):
 * - `refused`: the gateway answered and refused; nothing was sent;
 * - `unreachable`: no connection to the gateway could be made; nothing was sent;
 * - `uncertain`: the request may have reached the gateway (timeout, broken connection, an answer
 *   that cannot be read): it may have been sent;
 * - `invalid`: the item was refused before any request (bad input);
 * - `unknown`: any other error.
 */
export type FailureKind = 'refused' | 'unreachable' | 'uncertain' | 'invalid' | 'unknown';

export interface ErrorFields {
	error: string;
	code: string | null;
	vendorMessage: string | null;
	failure: FailureKind;
	uncertain?: boolean;
}

/** Fields an item carries when "continue on fail" keeps it: `error`, `code`, `vendorMessage`, `failure`. */
export function errorFields(error: unknown): ErrorFields {
	if (error instanceof GatewayError) return { error: error.message, code: error.code, vendorMessage: error.vendorMessage, failure: 'refused' };
	if (error instanceof TransportError) {
		return {
			error: error.message,
			code: error.httpCode === null ? error.failure : String(error.httpCode),
			vendorMessage: error.excerpt,
			failure: error.mayHaveReached ? 'uncertain' : 'unreachable',
			...(error.mayHaveReached ? { uncertain: true } : {}),
		};
	}
	const message = error instanceof Error ? error.message : String(error);
	const invalid = error instanceof InputError || error instanceof NodeOperationError;
	return { error: message, code: null, vendorMessage: null, failure: invalid ? 'invalid' : 'unknown' };
}

/** Turn any error of the gateway layer into the n8n error users see. */
export function toNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof InputError) {
		const index = error.itemIndex ?? itemIndex;
		return new NodeOperationError(node, error.message, index === undefined ? {} : { itemIndex: index });
	}
	if (error instanceof GatewayError) {
		return new NodeApiError(node, { code: error.code, message: error.vendorMessage ?? error.reason } as JsonObject, {
			message: error.message,
			...(error.vendorMessage ? { description: `The gateway said: ${error.vendorMessage}` } : {}),
			itemIndex,
		});
	}
	if (error instanceof TransportError) {
		const uncertain = error.mayHaveReached ? ' The request may have reached the gateway; it was not sent again.' : '';
		return new NodeApiError(node, { message: error.message, url: error.url } as JsonObject, {
			message: error.message,
			description: `${error.excerpt ? `Answer: ${error.excerpt}. ` : ''}Request: ${error.url}.${uncertain}`,
			...(error.httpCode === null ? {} : { httpCode: String(error.httpCode) }),
			itemIndex,
		});
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, message, itemIndex === undefined ? {} : { itemIndex });
}

/** The n8n error for a failure, with `note` (what was or was not sent) added to its description. */
export function nodeError(node: INode, error: unknown, itemIndex: number, note?: string): NodeApiError | NodeOperationError {
	const nodeErr = toNodeError(node, error, itemIndex);
	const parts = [nodeErr.description, note].filter((p): p is string => !!p);
	if (parts.length > 0) nodeErr.description = parts.join(' ');
	return nodeErr;
}

/**
 * The item for a failure under "continue on fail": `gateway`, the operation's own fields,
 * `error`, `code`, `vendorMessage`, `failure` (and `uncertain: true` when a send may have reached
 * the gateway). With the error output, n8n routes an item there only when its JSON holds nothing but
 * `error` / `message` / `details`, so the same fields then sit under `details`.
 */
export function failureItem(node: INode, gateway: string, error: unknown, itemIndex: number, fields: IDataObject = {}): INodeExecutionData {
	const failure = errorFields(error);
	const json: IDataObject = { gateway, ...fields, ...failure };
	if (failure.uncertain) json.error = `${failure.error}${/[.!?。]$/.test(failure.error) ? '' : '.'} ${UNCERTAIN_NOTE}`;
	if (node.onError === 'continueErrorOutput') {
		const { error: text, ...details } = json;
		return { json: { error: text, details }, pairedItem: { item: itemIndex } };
	}
	return { json, pairedItem: { item: itemIndex } };
}

/** "items 0, 2 and 5" / "item 3" / "no item". */
export function itemList(indexes: number[]): string {
	if (indexes.length === 0) return 'no item';
	const shown = indexes.length > 12 ? [...indexes.slice(0, 12).map(String), `… (${indexes.length} in all)`] : indexes.map(String);
	if (shown.length === 1) return `item ${shown[0]}`;
	return `items ${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
