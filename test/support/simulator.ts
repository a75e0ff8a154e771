/**
 * The gateway simulator for a test file, and contexts for calling an adapter directly: the file's
 * simulator is started once before its tests, reset before each test and closed after them.
 *
 *     const sim = useSimulator();
 *     test('…', async () => { await smsAdmin.send!(simulatorContext(sim(), 'smsAdmin'), …); sim().requests('smsAdmin'); });
 */
import type { GatewayContext } from '../../nodes/gateways/kit/adapter';
import type { GatewayId } from '../../nodes/gateways/kit/declaration';
import type { GatewayCredentials } from '../../nodes/gateways/kit/model';
import { redact } from '../../nodes/gateways/kit/redact';
import { createTransport, type Transport, type TransportRequest } from '../../nodes/gateways/kit/transport';
import { getAdapter } from '../../nodes/gateways/registry';
import { n8nHttpClient } from '../harness/http';
import { SIM_ACCOUNTS, startSimulator, type Simulator } from '../simulator';

/** The file's simulator: call it (`sim()`) or use it as the simulator itself (`sim.requests(…)`). */
export type SimulatorHandle = (() => Simulator) & Simulator;

/** The simulator of this file; `onReset` runs after each reset (a vendor's clock, for instance). */
export function useSimulator(onReset?: (sim: Simulator) => void): SimulatorHandle {
	let sim: Simulator | undefined;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => {
		await sim?.close();
	});
	beforeEach(() => {
		sim!.reset();
		onReset?.(sim!);
	});
	const current = () => {
		if (!sim) throw new Error('the simulator runs only while the tests of this file do');
		return sim;
	};
	return new Proxy(current, {
		get: (_target, name) => {
			const value = (current() as unknown as Record<string | symbol, unknown>)[name];
			return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(current()) : value;
		},
	}) as SimulatorHandle;
}

export interface ContextOptions {
	/** Merged over the simulator's account for the gateway (a field set to undefined is left out). */
	credentials?: GatewayCredentials;
	now?: () => Date;
}

/** The gateway's account at the simulator, over the real transport. */
export function simulatorContext(sim: Simulator, gateway: GatewayId, options: ContextOptions = {}): GatewayContext {
	return {
		credentials: { ...SIM_ACCOUNTS[gateway], baseUrl: sim.urls[gateway], ...options.credentials },
		transport: createTransport(getAdapter(gateway).displayName, { http: n8nHttpClient() }),
		now: options.now ?? (() => new Date()),
	};
}

/**
 * A context whose "gateway" answers `body` (its bytes, read as UTF-8) to every request without any
 * HTTP, for the documents' verbatim examples and answers the simulator never gives. `requests`
 * holds what the adapter asked for.
 */
export function answeringContext(
	gateway: GatewayId,
	body: string | Buffer,
	options: ContextOptions & { contentType?: string } = {},
): GatewayContext & { requests: TransportRequest[] } {
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	const requests: TransportRequest[] = [];
	const name = getAdapter(gateway).displayName;
	const transport: Transport = {
		gateway: name,
		redact,
		request: async (req) => {
			requests.push(req);
			const headers = options.contentType ? { 'content-type': options.contentType } : {};
			return { status: 200, headers, bytes, text: bytes.toString('utf8'), charset: req.charset, charsetMismatch: null, url: '' };
		},
	};
	return {
		credentials: { ...SIM_ACCOUNTS[gateway], baseUrl: 'http://127.0.0.1:9', ...options.credentials },
		transport,
		now: options.now ?? (() => new Date()),
		requests,
	};
}

/** The error a call failed with, which must be an instance of `type`. */
export async function failure<E extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => E): Promise<E> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(type);
	return error as E;
}
