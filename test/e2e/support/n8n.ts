/**
 * A running n8n for the end-to-end suites, on top of scripts/n8n-env.ts: the package packed and
 * installed as the community-nodes panel installs it, n8n started once, and the REST calls the
 * suites need — credentials, workflows, activation (publishing), webhooks and executions.
 *
 * Executions are read back through n8n's REST API: `GET /rest/executions/:id` returns the run data
 * as a flatted string (the format of `execution_data.data` in the database), parsed here with the
 * `flatted` package n8n itself uses.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { parse } from 'flatted';

import { N8nRestClient, createUserFolder, ensureN8n, packPackage, startN8n } from '../../../scripts/n8n-env';
import type { RunningN8n } from '../../../scripts/n8n-env';

export const PACKAGE = 'n8n-nodes-cn-sms';

export interface E2eN8n {
	n8n: RunningN8n;
	rest: N8nRestClient;
	userFolder: string;
	stop(): Promise<void>;
}

/** Pack, install into a fresh user folder, start n8n and log in as the owner. */
export async function startE2eN8n(port: number, brokerPort: number): Promise<E2eN8n> {
	const env = ensureN8n();
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-e2e-pack-'));
	const userFolder = createUserFolder({ tarball: packPackage(packDir) });
	fs.rmSync(packDir, { recursive: true, force: true });
	const n8n = await startN8n({ env, userFolder, port, brokerPort });
	const rest = new N8nRestClient(n8n.url);
	await rest.login();
	return {
		n8n,
		rest,
		userFolder,
		stop: async () => {
			await n8n.stop();
			if (process.env.CN_SMS_KEEP) console.log(`user folder kept: ${userFolder}`);
			else fs.rmSync(userFolder, { recursive: true, force: true });
		},
	};
}

export interface CredentialRef {
	id: string;
	name: string;
}

export async function createCredential(rest: N8nRestClient, name: string, type: string, data: Record<string, string>): Promise<CredentialRef> {
	const created = await rest.json<{ id: string }>('POST', '/rest/credentials', { name, type, data });
	return { id: created.id, name };
}

export interface WorkflowNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: Record<string, unknown>;
	credentials?: Record<string, CredentialRef>;
	webhookId?: string;
	onError?: 'continueErrorOutput' | 'continueRegularOutput' | 'stopWorkflow';
}

export interface WorkflowSpec {
	name: string;
	nodes: WorkflowNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: 'main'; index: number }>> }>;
}

export interface SavedWorkflow {
	id: string;
	versionId: string;
}

export async function createWorkflow(rest: N8nRestClient, spec: WorkflowSpec): Promise<SavedWorkflow> {
	const saved = await rest.json<SavedWorkflow>('POST', '/rest/workflows', {
		...spec,
		active: false,
		settings: { executionOrder: 'v1', saveManualExecutions: true },
	});
	return { id: saved.id, versionId: saved.versionId };
}

/** Publish (activate) a saved workflow: its triggers start, a polling trigger polls at once. */
export async function activateWorkflow(rest: N8nRestClient, workflow: SavedWorkflow): Promise<void> {
	const result = await rest.json<{ activeVersionId?: string | null }>('POST', `/rest/workflows/${workflow.id}/activate`, {
		versionId: workflow.versionId,
	});
	if (result.activeVersionId !== workflow.versionId) {
		throw new Error(`workflow ${workflow.id} was not activated: ${JSON.stringify(result).slice(0, 300)}`);
	}
}

/**
 * An HTTP call to a production webhook. Right after activation n8n may still answer 404 (the
 * webhook is registered a moment later): retried for a few seconds, only on that 404.
 */
export async function callWebhook(url: string, init: RequestInit = {}, waitMs = 15_000): Promise<{ status: number; body: string }> {
	const deadline = Date.now() + waitMs;
	for (;;) {
		const res = await fetch(url, init);
		const body = await res.text();
		if (res.status !== 404 || !/is not registered/.test(body) || Date.now() > deadline) return { status: res.status, body };
		await sleep(250);
	}
}

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	mode: string;
	status: string;
	startedAt: string;
	stoppedAt: string | null;
}

export interface NodeRun {
	executionStatus?: string;
	error?: { message?: string; description?: string };
	data?: { main: Array<Array<{ json: Record<string, unknown>; pairedItem?: unknown }> | null> };
}

export interface ExecutionDetail extends ExecutionSummary {
	runData: Record<string, NodeRun[]>;
}

export async function listExecutions(rest: N8nRestClient, workflowId: string): Promise<ExecutionSummary[]> {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const list = await rest.json<{ results: ExecutionSummary[] }>('GET', `/rest/executions?filter=${filter}&limit=100`);
	return list.results.filter((e) => e.workflowId === workflowId).sort((a, b) => Number(a.id) - Number(b.id));
}

export async function getExecution(rest: N8nRestClient, id: string): Promise<ExecutionDetail> {
	const raw = await rest.json<ExecutionSummary & { data: string }>('GET', `/rest/executions/${id}`);
	const data = parse(raw.data) as { resultData: { runData: Record<string, NodeRun[]> } };
	return { ...raw, runData: data.resultData.runData };
}

/** Waits until the workflow has at least `count` finished executions; returns them, oldest first. */
export async function waitForExecutions(rest: N8nRestClient, workflowId: string, count: number, timeoutMs: number): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const all = await listExecutions(rest, workflowId);
		const finished = all.filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (finished.length >= count && finished.length === all.length) return finished;
		if (Date.now() > deadline) {
			throw new Error(`workflow ${workflowId}: ${finished.length} of ${count} executions finished after ${timeoutMs / 1000} s`);
		}
		await sleep(500);
	}
}

/** The JSON of the items a node put on one of its outputs (0: main, 1: error output). */
export function outputOf(execution: ExecutionDetail, node: string, output = 0): Array<Record<string, unknown>> {
	const runs = execution.runData[node];
	if (!runs?.length) throw new Error(`node "${node}" did not run in execution ${execution.id}`);
	return (runs[0].data?.main[output] ?? []).map((item) => item.json);
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
