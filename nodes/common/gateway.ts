/**
 * The seam between n8n and the gateway layer: credentials to a gateway context, gateway errors to
 * n8n errors, and the credential test every credential of the package uses.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INode,
	INodeCredentialTestResult,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { GatewayError, InputError, TransportError } from '../gateway/errors';
import { adapterForCredentialType, getAdapter } from '../gateway/registry';
import { createTransport } from '../gateway/transport';
import type { HttpClient } from '../gateway/transport';
import type { GatewayAdapter, GatewayContext, GatewayCredentials } from '../gateway/types';
import { httpClientFromLegacy } from './httpClient';

/** The credential type a node must ask for: `authentication` picks among smsAdmin's two. */
export function credentialTypeFor(adapter: GatewayAdapter, authentication?: string): string {
	if (authentication === 'md5Password' && adapter.credentialTypes.length > 1) return adapter.credentialTypes[1];
	return adapter.credentialTypes[0];
}

export interface GatewaySession {
	adapter: GatewayAdapter;
	ctx: GatewayContext;
	/** HTTP requests made through this session so far. */
	requests: () => number;
}

/** `http`: n8n's request helper as an HttpClient (`httpClientFrom(this.helpers)`). */
export function openSession(
	gateway: string,
	credentials: ICredentialDataDecryptedObject,
	options: { http: HttpClient; timeoutMs?: number },
): GatewaySession {
	const adapter = getAdapter(gateway);
	let count = 0;
	const transport = createTransport(adapter.displayName, {
		http: options.http,
		timeoutMs: options.timeoutMs,
		onRequest: () => count++,
	});
	const ctx: GatewayContext = {
		credentials: credentials as GatewayCredentials,
		transport,
		now: () => new Date(),
	};
	return { adapter, ctx, requests: () => count };
}

/** Fields an item carries when "continue on fail" keeps it: `error`, `code`, `vendorMessage`. */
export function errorFields(error: unknown): { error: string; code: string | null; vendorMessage: string | null; uncertain?: boolean } {
	if (error instanceof GatewayError) return { error: error.message, code: error.code, vendorMessage: error.vendorMessage };
	if (error instanceof TransportError) {
		return {
			error: error.message,
			code: error.httpCode === null ? error.failure : String(error.httpCode),
			vendorMessage: error.excerpt,
			...(error.mayHaveReached ? { uncertain: true } : {}),
		};
	}
	const message = error instanceof Error ? error.message : String(error);
	return { error: message, code: null, vendorMessage: null };
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
		const uncertain = error.mayHaveReached
			? ' The request may have reached the gateway; it was not sent again.'
			: '';
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

/** Credential test of every credential in the package: the gateway's balance call. */
export async function testGatewayCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const adapter = adapterForCredentialType(credential.type);
	if (!adapter?.getBalance) return { status: 'Error', message: `No credential test for ${credential.type}` };
	try {
		const session = openSession(adapter.id, credential.data ?? {}, { http: httpClientFromLegacy(this.helpers), timeoutMs: 15_000 });
		const balance = await adapter.getBalance(session.ctx);
		return { status: 'OK', message: `Connected. Balance: ${balance.balance} ${balance.unit}` };
	} catch (error) {
		return { status: 'Error', message: errorFields(error).error };
	}
}
