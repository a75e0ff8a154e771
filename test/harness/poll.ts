/**
 * Runs a node's poll() inside n8n-core's real PollContext, built on the shared harness
 * (workflow.ts): a one-node Workflow (defaults filled in by n8n itself), credentials handed over
 * through a credentials helper, the engine's own parameter resolution, static data and mode. Log
 * lines are captured instead of printed.
 */
import './env';

import { PollContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	WorkflowExecuteMode,
} from 'n8n-workflow';

import { buildWorkflow } from './workflow';
import { REAL_EXCEPT_DATE } from './clock';

export const TRIGGER_TYPE = 'n8n-nodes-cn-sms.cnSmsTrigger';
const NODE_NAME = 'CN SMS Trigger';

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
	meta?: unknown;
}

export interface PollRunOptions {
	/** The node's parameters as a user saves them; n8n fills in the defaults. */
	parameters: INodeParameters;
	/** Decrypted credential data by credential type; every type given is attached to the node. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** `trigger` for a real poll, `manual` for the editor's test fetch. */
	mode?: Extract<WorkflowExecuteMode, 'trigger' | 'manual'>;
	/** The node's static data before the poll. */
	staticData?: IDataObject;
	/** What `getPollBudgetMs()` answers (n8n-core's default: 5 minutes). */
	pollBudgetMs?: number;
}

export interface PollRunResult {
	/** What poll() returned (null: nothing to emit). Undefined when it threw. */
	output: INodeExecutionData[][] | null | undefined;
	/** What poll() threw, if anything. */
	error: unknown;
	logs: LogLine[];
	/** Credential types the node asked for, in order. */
	credentialTypesRequested: string[];
	/** The node's static data after the poll. */
	staticData: IDataObject;
	/** The parameters after n8n filled in the defaults. */
	parameters: INodeParameters;
}

export async function runPoll(nodeType: INodeType, options: PollRunOptions): Promise<PollRunResult> {
	const mode = options.mode ?? 'trigger';
	const { workflow, node, additionalData, credentialRequests } = buildWorkflow({
		nodeType,
		parameters: structuredClone(options.parameters),
		credentials: options.credentials,
		staticData: options.staticData ? { [`node:${NODE_NAME}`]: structuredClone(options.staticData) } : undefined,
		name: NODE_NAME,
		type: TRIGGER_TYPE,
	});
	const context = new PollContext(
		workflow,
		node,
		additionalData,
		mode,
		mode === 'manual' ? 'manual' : 'activate',
		undefined,
		undefined,
		undefined,
		undefined,
		undefined,
		options.pollBudgetMs === undefined ? undefined : () => options.pollBudgetMs!,
	);
	const logs: LogLine[] = [];
	const capture = (level: LogLine['level']) => (message: string, meta?: unknown) => {
		logs.push({ level, message, meta });
	};
	// The engine's logger is a container singleton; this run's lines go to `logs` instead.
	Object.defineProperty(context, 'logger', {
		value: { error: capture('error'), warn: capture('warn'), info: capture('info'), debug: capture('debug'), scoped: () => context.logger },
	});

	let output: INodeExecutionData[][] | null | undefined;
	let error: unknown;
	try {
		output = await nodeType.poll!.call(context);
	} catch (thrown) {
		error = thrown;
	}
	return {
		output,
		error,
		logs,
		credentialTypesRequested: credentialRequests,
		staticData: JSON.parse(JSON.stringify(context.getWorkflowStaticData('node'))) as IDataObject,
		parameters: node.parameters,
	};
}

/** The JSON of the items of the first output, or [] when the poll returned null. */
export function jsonOf(result: PollRunResult): IDataObject[] {
	if (result.error) throw result.error;
	return (result.output?.[0] ?? []).map((item) => item.json);
}

/** Credentials for the simulator's test account of `gateway`, keyed by credential type. */
export function simCredentials(
	urls: Record<string, string>,
	accounts: Record<string, Record<string, string>>,
	gateway: 'chinaSms' | 'smsAdmin' | 'smsAdminMd5' | 'sms112088' | 'sms10692',
): Record<string, ICredentialDataDecryptedObject> {
	switch (gateway) {
		case 'chinaSms':
			return { chinaSmsApi: { ...accounts.chinaSms, baseUrl: urls.chinaSms, charset: 'gbk' } };
		case 'smsAdmin':
			return { smsAdminApi: { ...accounts.smsAdmin, baseUrl: urls.smsAdmin } };
		case 'smsAdminMd5': {
			const { userId, password } = accounts.smsAdmin;
			// eslint-disable-next-line @typescript-eslint/no-require-imports
			const passwordMd5 = (require('node:crypto') as typeof import('node:crypto')).createHash('md5').update(password).digest('hex');
			return { smsAdminMd5Api: { userId, passwordMd5, baseUrl: urls.smsAdmin } };
		}
		case 'sms112088':
			return { sms112088Api: { ...accounts.sms112088, baseUrl: urls.sms112088, charset: 'gbk' } };
		case 'sms10692':
			return { sms10692Api: { ...accounts.sms10692, baseUrl: urls.sms10692, charset: 'utf8' } };
	}
}

/**
 * A virtual clock for polls: only `Date` is faked (sockets and timers stay real), and n8n's
 * `sleep` — mocked by the test file — moves the clock forward instead of waiting. The node's
 * production spacing (5 s) is then applied as is, and the simulator, which reads the same `Date`,
 * checks it, without the suite waiting. Returns the waits the node asked for, in ms. (A request's
 * time limit, a wait with an abort signal, stays a real wait: it ends when the request does.)
 */
export function useVirtualClock(sleepMock: jest.Mock): { sleeps: number[]; stop: () => void } {
	const sleeps: number[] = [];
	jest.useFakeTimers({
		doNotFake: [...REAL_EXCEPT_DATE],
		now: new Date('2026-11-20T02:00:00Z'),
	});
	const realSleep = jest.requireActual<typeof import('n8n-workflow')>('n8n-workflow').sleep;
	sleepMock.mockImplementation(async (ms: number, signal?: AbortSignal) => {
		// A wait with an abort signal is a request's time limit (nodes/common/httpClient.ts): real time.
		if (signal) return await realSleep(ms, signal);
		sleeps.push(ms);
		jest.setSystemTime(Date.now() + ms);
	});
	return {
		sleeps,
		stop: () => {
			jest.useRealTimers();
			sleepMock.mockReset();
		},
	};
}
