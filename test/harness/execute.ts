/**
 * Test harness, part 2: run a node's `execute()` for real.
 *
 * - `executeNode(spec, input)`: one call of `execute()` in an n8n-core `ExecuteContext` (what a
 *   worker does for one node), no engine around it. Returns `{ output, error, hints, built }`:
 *   `output` is what execute() returned (null when it threw), `error` what it threw.
 * - `runWorkflow(spec, input)`: the real engine (`WorkflowExecute`) runs Input → node, so n8n's own
 *   handling applies: "continue on fail", the error output (`onError: 'continueErrorOutput'`),
 *   "retry on fail", pairedItem checks, normalisation of error items. Returns
 *   `{ status, outputs, error, hints, built }` where `outputs[0]` is the main output and
 *   `outputs[1]` the error output when enabled; `error` is the node's execution error.
 * `spec` is a `WorkflowSpec` (see workflow.ts); `input` is a list of item JSON objects or items.
 */
import { buildWorkflow } from './workflow';
import type { BuiltWorkflow, WorkflowSpec } from './workflow';
import { INPUT_NODE } from './workflow';

import { ExecuteContext, WorkflowExecute } from 'n8n-core';
import type { ExecutionError, IDataObject, INodeExecutionData, IRunExecutionData, NodeExecutionHint } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

export type InputItems = Array<IDataObject | INodeExecutionData>;

function toItems(input: InputItems): INodeExecutionData[] {
	return input.map((entry, i) => {
		const item = entry as INodeExecutionData;
		const isItem = typeof item.json === 'object' && item.json !== null && Object.keys(entry).every((k) => ['json', 'binary', 'pairedItem'].includes(k));
		return isItem ? { pairedItem: { item: i }, ...item } : { json: entry as IDataObject, pairedItem: { item: i } };
	});
}

export interface ExecuteResult {
	output: INodeExecutionData[][] | null;
	error: unknown;
	hints: NodeExecutionHint[];
	built: BuiltWorkflow;
}

export async function executeNode(spec: WorkflowSpec, input: InputItems = [{}]): Promise<ExecuteResult> {
	const built = buildWorkflow(spec);
	const items = toItems(input);
	const runExecutionData: IRunExecutionData = createRunExecutionData({});
	const inputData = { main: [items] };
	const context = new ExecuteContext(
		built.workflow,
		built.node,
		built.additionalData,
		'manual',
		runExecutionData,
		0,
		items,
		inputData,
		{ node: built.node, data: inputData, source: { main: [{ previousNode: INPUT_NODE }] } },
		[],
	);
	try {
		const output = (await spec.nodeType.execute!.call(context)) as INodeExecutionData[][];
		return { output, error: null, hints: context.hints, built };
	} catch (error) {
		return { output: null, error, hints: context.hints, built };
	}
}

export interface RunResult {
	status: string;
	/** The node's outputs: [main] or [main, error output]; [] when it failed. */
	outputs: INodeExecutionData[][];
	error: ExecutionError | null;
	hints: NodeExecutionHint[];
	built: BuiltWorkflow;
}

export async function runWorkflow(spec: WorkflowSpec, input: InputItems = [{}]): Promise<RunResult> {
	const items = toItems(input).map(({ json, binary }) => ({ json, ...(binary ? { binary } : {}) }));
	const built = buildWorkflow({ ...spec, withInput: items });
	const engine = new WorkflowExecute(built.additionalData, 'manual');
	const run = await engine.run({ workflow: built.workflow, startNode: built.workflow.getNode(INPUT_NODE)! });
	const task = run.data.resultData.runData[built.node.name]?.[0];
	return {
		status: run.status,
		outputs: (task?.data?.main ?? []).map((o) => o ?? []),
		error: task?.error ?? null,
		hints: task?.hints ?? [],
		built,
	};
}
