/**
 * The seam between n8n and the gateway layer: which credential a node asks for, and a session
 * (credentials, transport, clock, sleep) the gateway layer runs in. The clock and the sleep come
 * from the node's seams: n8n's own by default, a test's where a test hands its own to the node.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialTestFunctions,
	ICredentialsDecrypted,
	INodeCredentialTestResult,
} from 'n8n-workflow';
import { sleep as n8nSleep } from 'n8n-workflow';

import { adapterForCredentialType } from '../gateways/registry';
import { createTransport } from '../gateways/kit/transport';
import type { TransportOptions } from '../gateways/kit/transport';
import type { HttpClient } from '../gateways/kit/http';
import type { GatewayAdapter, GatewayContext } from '../gateways/kit/adapter';
import type { GatewayCredentials } from '../gateways/kit/model';
import { errorFields } from './errors';
import { httpClientFromLegacy } from './httpClient';

/** What a node hands the gateway layer instead of reading the time, waiting or choosing HTTP settings itself. */
export interface NodeSeams {
	now?: () => Date;
	sleep?: (ms: number) => Promise<void>;
	/** Sees the transport settings the node asks for and returns the ones to use (tests: short timeouts). */
	transport?: (asked: TransportOptions) => TransportOptions;
}

export interface GatewaySession {
	adapter: GatewayAdapter;
	ctx: GatewayContext;
	sleep: (ms: number) => Promise<void>;
	/** HTTP requests made through this session so far. */
	requests: () => number;
}

/**
 * The credential type a node asks for: the one its `authentication` parameter picks where the
 * gateway has several (smsAdmin: password or MD5 password), else the gateway's only one.
 */
export function credentialTypeFor(adapter: GatewayAdapter, authentication: unknown): string {
	const { credentials } = adapter.declaration;
	return (credentials.find((c) => c.authentication?.value === authentication) ?? credentials[0]).type;
}

/** Whether a gateway's nodes carry an `authentication` parameter. */
export function hasAuthenticationChoice(adapter: GatewayAdapter): boolean {
	return adapter.declaration.credentials.length > 1;
}

export function createSession(
	adapter: GatewayAdapter,
	credentials: ICredentialDataDecryptedObject,
	options: { http: HttpClient; seams?: NodeSeams; timeoutMs?: number },
): GatewaySession {
	let count = 0;
	const asked: TransportOptions = { http: options.http, timeoutMs: options.timeoutMs, onRequest: () => count++ };
	const transport = createTransport(adapter.displayName, options.seams?.transport?.(asked) ?? asked);
	const ctx: GatewayContext = {
		credentials: credentials as GatewayCredentials,
		transport,
		now: options.seams?.now ?? (() => new Date()),
	};
	return { adapter, ctx, sleep: options.seams?.sleep ?? (async (ms) => await n8nSleep(ms)), requests: () => count };
}

/** Credential test of every credential in the package: the gateway's balance call. */
export async function testGatewayCredentials(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const adapter = adapterForCredentialType(credential.type);
	if (!adapter?.getBalance) return { status: 'Error', message: `No credential test for ${credential.type}` };
	try {
		// n8n gives a credential test only its legacy request helper (no httpRequest): see httpClient.ts.
		const session = createSession(adapter, credential.data ?? {}, { http: httpClientFromLegacy(this.helpers), timeoutMs: 15_000 });
		const balance = await adapter.getBalance(session.ctx);
		return { status: 'OK', message: `Connected. Balance: ${balance.balance} ${balance.unit}` };
	} catch (error) {
		return { status: 'Error', message: errorFields(error).error };
	}
}
