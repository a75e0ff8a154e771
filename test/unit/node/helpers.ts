/**
 * Shared set-up of the action node tests: the simulator, credentials per gateway, one-line runs.
 * `parameters.gateway` picks which gateway's node runs; it is not a parameter of the node and is
 * not passed to it.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeParameters } from 'n8n-workflow';

import type { GatewayId } from '../../../nodes/gateways/kit/declaration';
import type { NodeSeams } from '../../../nodes/n8n/session';
import { actionNode } from '../../support/nodes';
import { executeNode, runWorkflow } from '../../harness/execute';
import type { ExecuteResult, InputItems, RunResult } from '../../harness/execute';
import type { NodeSettings } from '../../harness/workflow';
import type { RecordedRequest, Simulator } from '../../simulator';
import { REAL_EXCEPT_DATE } from '../../harness/clock';

export const CREDENTIAL_TYPE: Record<GatewayId, string> = {
	chinaSms: 'chinaSmsApi',
	smsAdmin: 'smsAdminApi',
	sms112088: 'sms112088Api',
	sms18: 'sms18Api',
	sms10692: 'sms10692Api',
};

/** 2026-11-23 18:00:00 China time. */
export const NOW = new Date('2026-11-23T10:00:00.000Z');

/** Freeze `new Date()` / `Date.now()` only; timers and sockets stay real. */
export function freezeClock(at: Date = NOW): void {
	jest.useFakeTimers({
		now: at,
		doNotFake: [...REAL_EXCEPT_DATE],
	});
}

export function credentials(sim: Simulator, gateway: GatewayId, extra: ICredentialDataDecryptedObject = {}): Record<string, ICredentialDataDecryptedObject> {
	return { [CREDENTIAL_TYPE[gateway]]: { ...sim.accounts[gateway], baseUrl: sim.urls[gateway], ...extra } };
}

export interface RunOptions {
	settings?: NodeSettings;
	timezone?: string;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** Clock and sleep handed to the node (default: n8n's). */
	seams?: NodeSeams;
}

/** The node of `parameters.gateway` and the parameters it gets (without `gateway`). */
export function nodeFor(parameters: INodeParameters, seams?: NodeSeams) {
	const { gateway, ...own } = parameters;
	return { nodeType: actionNode(gateway as GatewayId, seams), parameters: own, gateway: gateway as GatewayId };
}

/** execute() once in a real ExecuteContext. */
export async function execute(sim: Simulator, parameters: INodeParameters, input: InputItems = [{}], options: RunOptions = {}): Promise<ExecuteResult> {
	const { nodeType, parameters: own, gateway } = nodeFor(parameters, options.seams);
	return await executeNode(
		{
			nodeType,
			parameters: own,
			credentials: options.credentials ?? credentials(sim, gateway),
			settings: options.settings,
			timezone: options.timezone,
		},
		input,
	);
}

/** Input → the gateway's node through n8n's real engine (continue on fail, error output, retries). */
export async function run(sim: Simulator, parameters: INodeParameters, input: InputItems = [{}], options: RunOptions = {}): Promise<RunResult> {
	const { nodeType, parameters: own, gateway } = nodeFor(parameters, options.seams);
	return await runWorkflow(
		{
			nodeType,
			parameters: own,
			credentials: options.credentials ?? credentials(sim, gateway),
			settings: options.settings,
			timezone: options.timezone,
		},
		input,
	);
}

/** `METHOD /path?query body` with the query and body exactly as their bytes arrived (latin1). */
export function wire(q: RecordedRequest): string {
	return `${q.method} ${q.path}${q.rawQuery ? `?${q.rawQuery}` : ''}${q.body.length ? ` ${q.body.toString('latin1')}` : ''}`;
}

export function jsonOf(result: ExecuteResult): IDataObject[] {
	if (result.error) throw result.error;
	return (result.output?.[0] ?? []).map((i) => i.json);
}

/** `execute` and `run` that hand the node these seams unless a call gives its own. */
export function withSeams(seams: NodeSeams): { execute: typeof execute; run: typeof run } {
	return {
		execute: async (sim, parameters, input, options = {}) => await execute(sim, parameters, input, { seams, ...options }),
		run: async (sim, parameters, input, options = {}) => await run(sim, parameters, input, { seams, ...options }),
	};
}
