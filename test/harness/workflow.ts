/**
 * Test harness, part 1: a REAL n8n Workflow around one node under test (n8n-workflow's Workflow,
 * n8n-core's execution contexts), for the action node and both triggers.
 *
 * API
 * - `buildWorkflow(spec)` → `{ workflow, node, additionalData, nodeTypes }`
 *     spec.nodeType      the INodeType instance under test (e.g. `new CnSms()`)
 *     spec.parameters    its node parameters as saved in a workflow (expressions `={{ … }}` work)
 *     spec.credentials   credential data by credential type, e.g. `{ smsAdminApi: { userId, password, baseUrl } }`;
 *                        the node gets a reference to every type listed, and the credentials helper
 *                        returns these values from `getDecrypted` (what `this.getCredentials(type)` sees)
 *     spec.settings      node settings: `continueOnFail`, `onError` ('stopWorkflow' | 'continueRegularOutput'
 *                        | 'continueErrorOutput'), `retryOnFail`, `alwaysOutputData`, …
 *     spec.timezone      workflow time zone (default 'UTC'); `this.getTimezone()` returns it
 *     spec.staticData    workflow static data (polling triggers)
 *     spec.name / type   node name (default 'Node') and type (default `test.<description.name>`)
 * - With `spec.withInput: true` the workflow also has an "Input" node (type `test.input`) wired to the
 *   node under test; `INPUT_NODE` names it. `execute.ts` uses it to run the real engine.
 * - `additionalData` has the URLs n8n-core needs, execution id `harness-exec`, variables `{}`, and
 *   lifecycle hooks; `credentialRequests` lists every credential type the node asked for.
 *
 * Import this module before anything else from n8n-core so its settings land in a temporary folder.
 */
import './env';

import { ExecutionLifecycleHooks } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsHelper,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
	IWorkflowExecuteAdditionalData,
	IWorkflowBase,
	INodeParameters,
	IConnections,
} from 'n8n-workflow';
import { NodeConnectionTypes, Workflow } from 'n8n-workflow';

export const INPUT_NODE = 'Input';

export type NodeSettings = Pick<INode, 'continueOnFail' | 'onError' | 'retryOnFail' | 'maxTries' | 'waitBetweenTries' | 'alwaysOutputData' | 'executeOnce'>;

export interface WorkflowSpec {
	nodeType: INodeType;
	parameters: INodeParameters;
	/** Plain objects are accepted too (IDataObject), as long as the values are credential values. */
	credentials?: Record<string, ICredentialDataDecryptedObject | IDataObject>;
	settings?: NodeSettings;
	timezone?: string;
	staticData?: IDataObject;
	name?: string;
	type?: string;
	/** Add an Input node feeding these items (see execute.ts `runWorkflow`). */
	withInput?: INodeExecutionData[];
}

export interface BuiltWorkflow {
	workflow: Workflow;
	node: INode;
	additionalData: IWorkflowExecuteAdditionalData;
	nodeTypes: INodeTypes;
	/** Credential types the node asked the credentials helper for, in order. */
	credentialRequests: string[];
}

/** A node type that outputs the items it was configured with (the start of an engine run). */
function inputNodeType(items: INodeExecutionData[]): INodeType {
	return {
		description: {
			displayName: 'Input',
			name: 'input',
			group: ['input'],
			version: 1,
			description: 'Emits the test items',
			defaults: { name: INPUT_NODE },
			inputs: [],
			outputs: [NodeConnectionTypes.Main],
			properties: [],
		},
		async execute() {
			return [items.map((item) => ({ json: item.json, ...(item.binary ? { binary: item.binary } : {}) }))];
		},
	};
}

function credentialsHelper(credentials: Record<string, ICredentialDataDecryptedObject>, requests: string[]): ICredentialsHelper {
	const helper = {
		getParentTypes: () => [],
		isCredentialUsableByNode: () => true,
		authenticate: async (_c: unknown, _t: string, requestOptions: unknown) => requestOptions,
		preAuthentication: async () => undefined,
		runPreAuthentication: async () => undefined,
		getCredentials: async () => {
			throw new Error('harness: getCredentials is not supported, use getDecrypted');
		},
		getDecrypted: async (_a: unknown, _n: unknown, type: string) => {
			requests.push(type);
			const data = credentials[type];
			if (!data) throw new Error(`harness: no credentials of type "${type}" were given`);
			return { ...data };
		},
		updateCredentials: async () => undefined,
		updateCredentialsOauthTokenData: async () => undefined,
		getCredentialsProperties: () => [],
	};
	return helper as unknown as ICredentialsHelper;
}

export function buildWorkflow(spec: WorkflowSpec): BuiltWorkflow {
	const name = spec.name ?? 'Node';
	const type = spec.type ?? `test.${spec.nodeType.description.name}`;
	const credentialRequests: string[] = [];
	const credentials = (spec.credentials ?? {}) as Record<string, ICredentialDataDecryptedObject>;
	const node: INode = {
		id: 'node-under-test',
		name,
		type,
		typeVersion: Array.isArray(spec.nodeType.description.version)
			? Math.max(...spec.nodeType.description.version)
			: spec.nodeType.description.version,
		position: [200, 0],
		parameters: spec.parameters,
		credentials: Object.fromEntries(Object.keys(credentials).map((t, i) => [t, { id: `cred-${i}`, name: `${t} (test)` }])),
		...(spec.settings ?? {}),
	};
	const input = spec.withInput ? inputNodeType(spec.withInput) : undefined;
	const byType = (t: string): INodeType => {
		if (t === type) return spec.nodeType;
		if (input && t === 'test.input') return input;
		throw new Error(`harness: unknown node type ${t}`);
	};
	const nodeTypes = {
		getByName: byType,
		getByNameAndVersion: (t: string) => byType(t),
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const nodes: INode[] = [node];
	const connections: IConnections = {};
	if (input) {
		nodes.unshift({ id: 'input', name: INPUT_NODE, type: 'test.input', typeVersion: 1, position: [0, 0], parameters: {} });
		connections[INPUT_NODE] = { main: [[{ node: name, type: NodeConnectionTypes.Main, index: 0 }]] };
	}
	const settings = { timezone: spec.timezone ?? 'UTC' };
	const workflowData: IWorkflowBase = {
		id: 'harness-workflow',
		name: 'Harness',
		nodes,
		connections,
		active: false,
		settings,
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
	} as unknown as IWorkflowBase;
	const workflow = new Workflow({
		id: workflowData.id,
		name: workflowData.name,
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: spec.staticData,
		settings,
	});
	const additionalData = {
		credentialsHelper: credentialsHelper(credentials, credentialRequests),
		hooks: new ExecutionLifecycleHooks('manual', 'harness-exec', workflowData),
		executionId: 'harness-exec',
		restApiUrl: 'http://localhost:5678/rest',
		instanceBaseUrl: 'http://localhost:5678/',
		webhookBaseUrl: 'http://localhost:5678/webhook',
		webhookWaitingBaseUrl: 'http://localhost:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://localhost:5678/webhook-test',
		formWaitingBaseUrl: 'http://localhost:5678/form-waiting',
		variables: {},
		currentNodeExecutionIndex: 0,
		userId: 'harness-user',
	} as unknown as IWorkflowExecuteAdditionalData;
	return { workflow, node: workflow.getNode(name)!, additionalData, nodeTypes, credentialRequests };
}
