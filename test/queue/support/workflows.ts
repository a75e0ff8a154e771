/**
 * The workflows of the queue-mode cases, built from the node-type table (nodeTypes.ts), and the
 * executions read back from Postgres (`execution_entity`, `execution_data`; the run data is in
 * flatted format, parsed with the `flatted` package n8n itself uses).
 */
import { parse } from 'flatted';

import type { GatewayId } from '../../simulator/types';
import { CREDENTIAL_TYPE } from '../../e2e/support/credentials';
import type { CredentialRef, NodeRun, WorkflowNode, WorkflowSpec } from '../../e2e/support/n8n';
import { nodeFor } from './nodeTypes';
import type { Postgres } from './services';

export const SEND_NODE = 'Send';
export const POLL_NODE = 'SMS Trigger';
export const PUSH_NODE = 'SMS Push Trigger';

const link = (node: string) => ({ node, type: 'main' as const, index: 0 });

function webhookNode(path: string): WorkflowNode {
	return {
		id: `hook-${path}`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `queue-${path}`,
		parameters: { path, httpMethod: 'POST', responseMode: 'onReceived', options: {} },
	};
}

function actionNode(gateway: GatewayId, credential: CredentialRef, parameters: Record<string, unknown>): WorkflowNode {
	const { type, parameters: fixed } = nodeFor(gateway, 'action');
	return {
		id: `send-${gateway}`,
		name: SEND_NODE,
		type,
		typeVersion: 1,
		position: [400, 0],
		parameters: { ...fixed, ...parameters },
		credentials: { [CREDENTIAL_TYPE[gateway]]: credential },
	};
}

/** Production webhook (POST `{ phone, text }`) → send one message. */
export function sendWorkflow(gateway: GatewayId, credential: CredentialRef, path: string): WorkflowSpec {
	return {
		name: `Queue send ${gateway}`,
		nodes: [
			webhookNode(path),
			actionNode(gateway, credential, { operation: 'send', recipients: '={{ $json.body.phone }}', message: '={{ $json.body.text }}', options: {} }),
		],
		connections: { Webhook: { main: [[link(SEND_NODE)]] } },
	};
}

/** Production webhook (POST `{ people: [{ phone }] }`) → Split Out → sendBulk of one text. */
export function bulkWorkflow(gateway: GatewayId, credential: CredentialRef, path: string, text: string): WorkflowSpec {
	return {
		name: `Queue bulk ${gateway}`,
		nodes: [
			webhookNode(path),
			{
				id: `split-${path}`,
				name: 'People',
				type: 'n8n-nodes-base.splitOut',
				typeVersion: 1,
				position: [200, 0],
				parameters: { fieldToSplitOut: 'body.people', include: 'noOtherFields', options: {} },
			},
			actionNode(gateway, credential, { operation: 'sendBulk', recipient: '={{ $json.phone }}', message: text, options: {} }),
		],
		connections: { Webhook: { main: [[link('People')]] }, People: { main: [[link(SEND_NODE)]] } },
	};
}

export function pollingWorkflow(gateway: GatewayId, credential: CredentialRef, events: Array<'reply' | 'report'>, options: Record<string, unknown> = {}): WorkflowSpec {
	const { type, parameters } = nodeFor(gateway, 'poll');
	return {
		name: `Queue polling ${gateway}`,
		nodes: [
			{
				id: `poll-${gateway}`,
				name: POLL_NODE,
				type,
				typeVersion: 1,
				position: [0, 0],
				parameters: { pollTimes: { item: [{ mode: 'everyMinute' }] }, ...parameters, events, options },
				credentials: { [CREDENTIAL_TYPE[gateway]]: credential },
			},
		],
		connections: {},
	};
}

export function pushWorkflow(gateway: GatewayId, webhookId: string, events: Array<'reply' | 'report'>, options: Record<string, unknown>): WorkflowSpec {
	const { type, parameters } = nodeFor(gateway, 'push');
	return {
		name: `Queue push ${gateway} ${webhookId}`,
		nodes: [{ id: `push-${webhookId}`, name: PUSH_NODE, type, typeVersion: 1, position: [0, 0], webhookId, parameters: { ...parameters, events, options } }],
		connections: {},
	};
}

/** The node's fixed webhook path (`/webhook/<webhookId>/cn-sms`). */
export const pushUrl = (base: string, webhookId: string) => `${base}/webhook/${webhookId}/cn-sms`;

export interface PgExecution {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt: string | null;
	stoppedAt: string | null;
	createdAt: string;
	retryOf: string | null;
	/** The flatted run data (only when asked for). */
	data?: string | null;
}

const ID = /^[A-Za-z0-9_-]+$/;

/** The workflow's executions in Postgres, oldest first. */
export async function executionsOf(pg: Postgres, workflowId: string, withData = false): Promise<PgExecution[]> {
	if (!ID.test(workflowId)) throw new Error(`unexpected workflow id ${workflowId}`);
	const rows = await pg.rows<PgExecution & { id: number }>(
		`select e.id, e."workflowId", e.status, e.mode, e.finished, e."startedAt", e."stoppedAt", e."createdAt", e."retryOf"${withData ? ', d.data' : ''}
		 from execution_entity e ${withData ? 'left join execution_data d on d."executionId" = e.id' : ''}
		 where e."workflowId" = '${workflowId}' order by e.id`,
	);
	return rows.map((r) => ({ ...r, id: String(r.id) }));
}

export async function executionById(pg: Postgres, id: string): Promise<PgExecution | null> {
	if (!/^\d+$/.test(id)) throw new Error(`unexpected execution id ${id}`);
	const [row] = await pg.rows<PgExecution & { id: number }>(
		`select e.id, e."workflowId", e.status, e.mode, e.finished, e."startedAt", e."stoppedAt", e."createdAt", e."retryOf", d.data
		 from execution_entity e left join execution_data d on d."executionId" = e.id where e.id = ${id}`,
	);
	return row ? { ...row, id: String(row.id) } : null;
}

export const FINISHED = (e: PgExecution) => !['new', 'running', 'waiting'].includes(e.status);

export interface RunData {
	runData: Record<string, NodeRun[]>;
	error: { message?: string; description?: string } | null;
	lastNodeExecuted: string | null;
}

export function runDataOf(execution: PgExecution): RunData {
	if (!execution.data) throw new Error(`execution ${execution.id} has no data`);
	const data = parse(execution.data) as { resultData: { runData?: Record<string, NodeRun[]>; error?: RunData['error']; lastNodeExecuted?: string } };
	return { runData: data.resultData.runData ?? {}, error: data.resultData.error ?? null, lastNodeExecuted: data.resultData.lastNodeExecuted ?? null };
}

/** The JSON of the items a node put on an output of its first run ([] when it did not run). */
export function itemsOf(execution: PgExecution, node: string, output = 0): Array<Record<string, unknown>> {
	const runs = runDataOf(execution).runData[node];
	return (runs?.[0]?.data?.main[output] ?? []).map((item) => item.json);
}

/** Waits until the workflow has `count` finished executions and none unfinished; returns them with their data. */
export async function waitForExecutions(pg: Postgres, workflowId: string, count: number, timeoutMs: number): Promise<PgExecution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const all = await executionsOf(pg, workflowId);
		const finished = all.filter(FINISHED);
		if (finished.length >= count && finished.length === all.length) return await executionsOf(pg, workflowId, true);
		if (Date.now() > deadline) {
			throw new Error(`workflow ${workflowId}: ${finished.length} of ${count} executions finished (${all.length} in all) after ${timeoutMs / 1000} s`);
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
}
