/**
 * Runs a node's webhook() inside n8n-core's real WebhookContext: a one-node Workflow (defaults
 * filled in by n8n itself), the engine's own parameter resolution, static data, mode and webhook
 * URL. The request is what n8n's web server hands a webhook node: the request line in
 * `url`/`originalUrl`, `query` as n8n parses it (UTF-8, whatever the sender's charset), and the
 * body through n8n's body stage (n8n webhooks/webhook-helpers `parseRequestBody`, middlewares
 * `parseBody`): a version-1 start node whose `options.binaryData` is set gets the body unread
 * (`readRawBody()` fills `rawBody`); otherwise n8n reads it into `rawBody` and parses JSON, form,
 * text and XML bodies in the charset the Content-Type names, answering 422 without running the
 * node when it knows no such charset (GBK, GB2312). What n8n itself would answer is emulated:
 * the node's own answer when it returns `noWebhookResponse`, else n8n's default JSON.
 *
 * Two ways in: `runWebhook()` with an in-memory request, and `startWebhookServer()`, a loopback
 * HTTP server that hands each real request (socket, headers, bytes) to webhook() the same way.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import * as querystring from 'node:querystring';

import type {
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	INodeTypes,
	IWebhookData,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { encodePairs } from '../../nodes/gateways/kit/charset';
import { installedType } from '../support/nodes';

/** The node's name in the harness workflow: its default name, as n8n names a new node. */
function nodeNameOf(nodeType: INodeType): string {
	return nodeType.description.defaults.name ?? nodeType.description.displayName;
}

// n8n-core's InstanceSettings writes a settings file into the user folder: keep it out of $HOME.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-webhook-harness-'));

export const WEBHOOK_ID = '5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f';
export const WEBHOOK_BASE_URL = 'http://127.0.0.1:5678/webhook';

export interface LogLine {
	level: 'error' | 'warn' | 'info' | 'debug';
	message: string;
}

export interface WebhookRequestSpec {
	method?: string;
	/** The raw query string, without `?` (percent-escapes as the sender wrote them). */
	query?: string;
	body?: Buffer | string;
	headers?: Record<string, string>;
	/** The connecting address (default 127.0.0.1). */
	remoteAddress?: string;
}

/** Static data as n8n keeps it between webhook calls: saved after each production call. */
export interface StaticDataStore {
	data: IDataObject;
}

export interface WebhookRunOptions {
	/** The node's parameters as a user saves them; n8n fills in the defaults. */
	parameters: INodeParameters;
	/** `webhook` for a production call, `manual` for the editor's test URL. */
	mode?: 'webhook' | 'manual';
	/** Kept across calls like n8n's database copy (saved only when changed, never in manual mode). */
	store?: StaticDataStore;
}

export interface WebhookRunResult {
	status: number;
	headers: Record<string, string>;
	body: Buffer;
	text: string;
	/** What webhook() returned; undefined when it threw. */
	result: IWebhookResponseData | undefined;
	error: unknown;
	/** The JSON of the items the execution starts with; null when no execution starts. */
	items: IDataObject[] | null;
	logs: LogLine[];
	/** The node's static data after the call, as saved. */
	staticData: IDataObject;
	/** `req.query` and `req.body` as n8n's own parsers made them (for comparison). */
	n8nParsed: { query: unknown; body: unknown };
}

function nodeTypesOf(nodeType: INodeType): INodeTypes {
	const get = (name: string) => {
		if (name !== installedType(nodeType)) throw new Error(`Unknown node type ${name}`);
		return nodeType;
	};
	return { getByName: get, getByNameAndVersion: get, getKnownTypes: () => ({}) };
}

/** The request fields n8n's server sets, on top of what Node's http gives. */
interface HarnessRequest {
	method: string;
	url: string;
	originalUrl: string;
	headers: http.IncomingHttpHeaders;
	/** Set once n8n read the body (it parsed it, or the node called readRawBody). */
	rawBody?: Buffer;
	readRawBody?: () => Promise<void>;
	query: unknown;
	body: unknown;
	params: Record<string, string>;
	socket: { remoteAddress?: string };
}

function decorate(req: HarnessRequest): void {
	const url = req.url;
	const q = url.indexOf('?');
	req.originalUrl = url;
	req.query = { ...querystring.parse(q < 0 ? '' : url.slice(q + 1)) };
	req.params = {};
}

/**
 * n8n's body stage for the start node: null when the node runs, else n8n's own answer. `bytes`
 * are the body as sent; they reach `rawBody` as n8n would put them there.
 */
function n8nBodyStage(req: HarnessRequest, node: INode, bytes: Buffer): { status: number; body: string } | null {
	delete req.rawBody;
	req.readRawBody = async () => {
		req.rawBody = bytes;
	};
	const options = node.parameters.options as IDataObject | undefined;
	if (node.typeVersion === 1 && options?.binaryData) return null;
	req.rawBody = bytes;
	const [type, ...params] = String(req.headers['content-type'] ?? '').split(';');
	const charset = params.map((p) => /^\s*charset=(.*)$/i.exec(p)?.[1]).find((c) => c !== undefined);
	const encoding = (charset ?? 'utf-8').trim().replace(/^"|"$/g, '').toLowerCase();
	const media = type.toLowerCase();
	const parsed = ['application/json', 'application/x-www-form-urlencoded', 'text/plain'].includes(media) || /[/+]xml$/.test(media);
	if (bytes.length === 0 || !parsed) return null;
	if (!Buffer.isEncoding(encoding)) {
		return { status: 422, body: JSON.stringify({ code: 422, message: 'Failed to parse request body', hint: `Unknown encoding: ${encoding}` }) };
	}
	const text = bytes.toString(encoding as BufferEncoding);
	if (media === 'application/x-www-form-urlencoded') req.body = { ...querystring.parse(text) };
	else if (media === 'text/plain') req.body = text;
	return null;
}

/** A response that records what the node writes (the subset of ServerResponse it uses). */
class RecordingResponse {
	statusCode = 200;
	headersSent = false;
	finished = false;
	private headers: Record<string, string> = {};
	private chunks: Buffer[] = [];

	setHeader(name: string, value: string | number): this {
		this.headers[name.toLowerCase()] = String(value);
		return this;
	}

	writeHead(status: number, headers: Record<string, string | number> = {}): this {
		this.statusCode = status;
		for (const [k, v] of Object.entries(headers)) this.setHeader(k, v);
		this.headersSent = true;
		return this;
	}

	end(chunk?: string | Buffer): this {
		if (chunk !== undefined) this.chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
		this.headersSent = true;
		this.finished = true;
		return this;
	}

	recorded() {
		return { status: this.statusCode, headers: { ...this.headers }, body: Buffer.concat(this.chunks) };
	}
}

interface Invocation {
	/** n8n answered itself before the node ran (422 for a body it cannot parse). */
	n8nAnswer?: { status: number; body: string };
	result: IWebhookResponseData | undefined;
	error: unknown;
	logs: LogLine[];
	staticData: IDataObject;
}

function buildWorkflow(nodeType: INodeType, options: WebhookRunOptions, staticData: IDataObject): Workflow {
	const mode = options.mode ?? 'webhook';
	const node: INode = {
		id: 'c0ffee00-0000-4000-8000-000000000002',
		name: nodeNameOf(nodeType),
		type: installedType(nodeType),
		typeVersion: 1,
		position: [0, 0],
		parameters: structuredClone(options.parameters),
		webhookId: WEBHOOK_ID,
	};
	return new Workflow({
		id: 'wf-webhook-harness',
		name: 'Webhook harness',
		nodes: [node],
		connections: {},
		active: mode === 'webhook',
		nodeTypes: nodeTypesOf(nodeType),
		staticData: structuredClone(staticData),
	});
}

function additionalDataFor(req: unknown, res: unknown): IWorkflowExecuteAdditionalData {
	return {
		httpRequest: req,
		httpResponse: res,
		executionId: undefined,
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: WEBHOOK_BASE_URL,
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		restApiUrl: 'http://127.0.0.1:5678/rest',
		variables: {},
		userId: 'user-1',
	} as unknown as IWorkflowExecuteAdditionalData;
}

/** Route a context's log lines into `logs` (the engine's logger is a container singleton). */
function captureLogs(context: object): LogLine[] {
	const logs: LogLine[] = [];
	const capture = (level: LogLine['level']) => (message: string) => {
		logs.push({ level, message });
	};
	const logger = { error: capture('error'), warn: capture('warn'), info: capture('info'), debug: capture('debug'), scoped: () => logger };
	Object.defineProperty(context, 'logger', { value: logger });
	return logs;
}

async function invoke(
	nodeType: INodeType,
	options: WebhookRunOptions,
	req: HarnessRequest,
	res: unknown,
	bytes: Buffer,
): Promise<Invocation> {
	// Loaded here so the user folder above is set before n8n-core reads its configuration.
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { WebhookContext } = require('n8n-core') as typeof import('n8n-core');
	const mode = options.mode ?? 'webhook';
	const store = options.store ?? { data: {} };
	// A fresh Workflow per call with the saved static data, as n8n loads it for each request.
	const workflow = buildWorkflow(nodeType, options, store.data);
	const refused = n8nBodyStage(req, workflow.getNode(nodeNameOf(nodeType))!, bytes);
	if (refused) return { n8nAnswer: refused, result: undefined, error: undefined, logs: [], staticData: {} };
	const additionalData = additionalDataFor(req, res);
	const description = nodeType.description.webhooks!.find((w) => w.httpMethod === req.method) ?? nodeType.description.webhooks![0];
	const webhookData = {
		httpMethod: req.method,
		node: nodeNameOf(nodeType),
		path: `${WEBHOOK_ID}/${String(description.path)}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest: mode === 'manual',
	} as unknown as IWebhookData;
	const context = new WebhookContext(workflow, workflow.getNode(nodeNameOf(nodeType))!, additionalData, mode, webhookData, [], null);
	const logs = captureLogs(context);

	let result: IWebhookResponseData | undefined;
	let error: unknown;
	try {
		result = await nodeType.webhook!.call(context);
	} catch (thrown) {
		error = thrown;
	}
	// n8n saves changed static data after every production webhook call, not in manual mode.
	const staticData = workflow.staticData as IDataObject & { __dataChanged?: boolean };
	if (mode === 'webhook' && staticData.__dataChanged === true) store.data = JSON.parse(JSON.stringify(staticData)) as IDataObject;
	return {
		result,
		error,
		logs,
		staticData: (JSON.parse(JSON.stringify(staticData)) as IDataObject)[`node:${nodeNameOf(nodeType)}`] as IDataObject ?? {},
	};
}

/** What n8n answers when the node did not answer itself. */
function n8nDefaultAnswer(invocation: Invocation): { status: number; body: string } | null {
	if (invocation.n8nAnswer) return invocation.n8nAnswer;
	if (invocation.error !== undefined) {
		return { status: 500, body: JSON.stringify({ code: 0, message: (invocation.error as Error).message }) };
	}
	if (invocation.result?.noWebhookResponse === true) return null;
	if (invocation.result?.workflowData === undefined) return { status: 200, body: JSON.stringify({ message: 'Webhook call received' }) };
	return { status: 200, body: JSON.stringify({ message: 'Workflow was started' }) };
}

function itemsOf(invocation: Invocation): IDataObject[] | null {
	const data = invocation.result?.workflowData;
	if (invocation.error !== undefined || data === undefined) return null;
	return (data[0] ?? []).map((item) => item.json);
}

/**
 * The node to run, or a maker of it: then `parameters.gateway` picks the gateway's push trigger
 * and is not passed to the node (it has no such parameter).
 */
export type PushTriggerChoice = INodeType | ((gateway: string) => INodeType);

function resolve(choice: PushTriggerChoice, options: WebhookRunOptions): [INodeType, WebhookRunOptions] {
	if (typeof choice !== 'function') return [choice, options];
	const { gateway, ...own } = options.parameters;
	return [choice(String(gateway)), { ...options, parameters: own }];
}

/** Call webhook() with an in-memory request. */
export async function runWebhook(
	choice: PushTriggerChoice,
	givenOptions: WebhookRunOptions,
	request: WebhookRequestSpec,
): Promise<WebhookRunResult> {
	const [nodeType, options] = resolve(choice, givenOptions);
	const body = request.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(request.body) ? request.body : Buffer.from(request.body);
	const headers: http.IncomingHttpHeaders = {};
	for (const [k, v] of Object.entries(request.headers ?? {})) headers[k.toLowerCase()] = v;
	if (body.length > 0) headers['content-length'] ??= String(body.length);
	const req = {
		method: request.method ?? 'GET',
		url: `/webhook/${WEBHOOK_ID}/cn-sms${request.query ? `?${request.query}` : ''}`,
		headers,
		socket: { remoteAddress: request.remoteAddress ?? '127.0.0.1' },
	} as HarnessRequest;
	decorate(req);
	const res = new RecordingResponse();
	const invocation = await invoke(nodeType, options, req, res, body);
	const fallback = n8nDefaultAnswer(invocation);
	if (fallback && !res.headersSent) res.writeHead(fallback.status, { 'content-type': 'application/json' }).end(fallback.body);
	const recorded = res.recorded();
	return {
		...recorded,
		text: recorded.body.toString('utf8'),
		result: invocation.result,
		error: invocation.error,
		items: itemsOf(invocation),
		logs: invocation.logs,
		staticData: invocation.staticData,
		n8nParsed: { query: req.query, body: req.body },
	};
}

export interface WebhookServer {
	/** The webhook URL to push to (`http://127.0.0.1:<port>/webhook/<id>/cn-sms`). */
	url: string;
	/** One entry per request handled, in order. */
	calls: Array<Omit<WebhookRunResult, 'status' | 'headers' | 'body' | 'text'>>;
	store: StaticDataStore;
	close(): Promise<void>;
}

/** A loopback HTTP server handing every request to webhook() the way n8n's server does. */
export async function startWebhookServer(choice: PushTriggerChoice, givenOptions: WebhookRunOptions): Promise<WebhookServer> {
	const [nodeType, options] = resolve(choice, givenOptions);
	const store = options.store ?? { data: {} };
	const calls: WebhookServer['calls'] = [];
	const server = http.createServer((incoming, res) => {
		const chunks: Buffer[] = [];
		incoming.on('data', (c: Buffer) => chunks.push(c));
		incoming.on('end', () => {
			const req = incoming as unknown as HarnessRequest;
			decorate(req);
			void invoke(nodeType, { ...options, store }, req, res, Buffer.concat(chunks)).then((invocation) => {
				const fallback = n8nDefaultAnswer(invocation);
				if (fallback && !res.headersSent) {
					res.writeHead(fallback.status, { 'content-type': 'application/json' });
					res.end(fallback.body);
				}
				calls.push({
					result: invocation.result,
					error: invocation.error,
					items: itemsOf(invocation),
					logs: invocation.logs,
					staticData: invocation.staticData,
					n8nParsed: { query: req.query, body: req.body },
				});
			});
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/${WEBHOOK_ID}/cn-sms`,
		calls,
		store,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		},
	};
}

/** The request a simulator vendor module's pushRequest() describes, with its real bytes. */
export function requestFromPushSpec(
	spec: { method: 'GET' | 'POST'; params: Array<[string, string]>; charset: 'gbk' | 'gb2312' | 'utf8'; in: 'query' | 'body'; contentType?: string },
	extra: Omit<WebhookRequestSpec, 'method' | 'query' | 'body'> = {},
): WebhookRequestSpec {
	const encoded = encodePairs(spec.params, spec.charset);
	if (spec.in === 'body' && spec.method === 'POST') {
		return {
			...extra,
			method: 'POST',
			body: Buffer.from(encoded, 'latin1'),
			headers: { 'content-type': spec.contentType ?? 'application/x-www-form-urlencoded', ...(extra.headers ?? {}) },
		};
	}
	return { ...extra, method: spec.method, query: encoded };
}

export interface HookRunResult {
	returned: boolean | undefined;
	error: unknown;
	logs: LogLine[];
}

/** Run one of `webhookMethods.default` in n8n-core's real HookContext, as activation does. */
export async function runWebhookMethod(
	choice: PushTriggerChoice,
	method: 'checkExists' | 'create' | 'delete',
	givenOptions: WebhookRunOptions,
): Promise<HookRunResult> {
	const [nodeType, options] = resolve(choice, givenOptions);
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const { HookContext } = require('n8n-core') as typeof import('n8n-core');
	const mode = options.mode ?? 'webhook';
	const workflow = buildWorkflow(nodeType, options, options.store?.data ?? {});
	const additionalData = additionalDataFor(undefined, undefined);
	const description = nodeType.description.webhooks![0];
	const webhookData = {
		httpMethod: description.httpMethod,
		node: nodeNameOf(nodeType),
		path: `${WEBHOOK_ID}/${String(description.path)}`,
		webhookDescription: description,
		workflowId: workflow.id,
		workflowExecuteAdditionalData: additionalData,
		isTest: mode === 'manual',
	} as unknown as IWebhookData;
	const context = new HookContext(workflow, workflow.getNode(nodeNameOf(nodeType))!, additionalData, mode, mode === 'manual' ? 'manual' : 'activate', webhookData);
	const logs = captureLogs(context);
	const methods = (nodeType as { webhookMethods?: Record<string, Record<string, (this: unknown) => Promise<boolean>>> }).webhookMethods;
	try {
		return { returned: await methods!.default[method].call(context), error: undefined, logs };
	} catch (error) {
		return { returned: undefined, error, logs };
	}
}
