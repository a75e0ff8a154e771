/**
 * The polling scenario: events are queued in the simulator in batches; the first batch before the
 * workflow is activated (activation polls at once), each further batch once every event queued so
 * far has arrived in executions. n8n's own schedule (every minute, at a random second) does the
 * polling; this only watches and queues. The scenario ends when all batches arrived or time runs out.
 */
import type { N8nRestClient } from '../../../scripts/n8n-env';
import type { Simulator } from '../../simulator';
import type { GatewayId, SimReply, SimReport } from '../../simulator/types';
import type { ExecutionDetail, SavedWorkflow } from './n8n';
import { activateWorkflow, getExecution, listExecutions, outputOf, sleep } from './n8n';
import { POLL_NODE } from './workflows';

export interface PollBatch {
	replies: SimReply[];
	reports: SimReport[];
}

export interface PollOutcome {
	gateway: GatewayId;
	batches: PollBatch[];
	executions: ExecutionDetail[];
	/** Every item the trigger emitted, in execution order. */
	items: Array<Record<string, unknown>>;
	/** Why the scenario stopped early, or null. */
	problem: string | null;
}

export function pollBatches(gateway: GatewayId, index: number, withReports: boolean): PollBatch[] {
	const batch = (n: number): PollBatch => ({
		replies: [1, 2].map((k) => ({ mobile: `1360000${index}${n}0${k}`, text: `第${n + 1}批回复${k} ${gateway}` })),
		reports: withReports
			? [1, 2].map((k) => ({ mobile: `1350000${index}${n}0${k}`, messageId: `${7000 + index * 100 + n * 10 + k}`, linkId: `L${index}${n}${k}` }))
			: [],
	});
	return [batch(0), batch(1), batch(2)];
}

function queue(sim: Simulator, gateway: GatewayId, batch: PollBatch): void {
	for (const reply of batch.replies) sim.queueReply(gateway, reply);
	for (const report of batch.reports) sim.queueReport(gateway, report);
}

const eventsIn = (batches: PollBatch[]) => batches.reduce((n, b) => n + b.replies.length + b.reports.length, 0);

/** Queue the first batch, activate, then feed the remaining batches as the polls take them. */
export async function runPollScenario(
	rest: N8nRestClient,
	sim: Simulator,
	gateway: GatewayId,
	workflow: SavedWorkflow,
	batches: PollBatch[],
	timeoutMs: number,
): Promise<PollOutcome> {
	const outcome: PollOutcome = { gateway, batches, executions: [], items: [], problem: null };
	queue(sim, gateway, batches[0]);
	await activateWorkflow(rest, workflow);
	const deadline = Date.now() + timeoutMs;
	let queued = 1;
	const seen = new Set<string>();
	while (Date.now() < deadline) {
		for (const summary of await listExecutions(rest, workflow.id)) {
			if (seen.has(summary.id) || ['new', 'running', 'waiting'].includes(summary.status)) continue;
			seen.add(summary.id);
			const execution = await getExecution(rest, summary.id);
			outcome.executions.push(execution);
			outcome.items.push(...outputOf(execution, POLL_NODE));
		}
		if (outcome.items.length >= eventsIn(batches.slice(0, queued))) {
			if (queued === batches.length) return outcome;
			queue(sim, gateway, batches[queued++]);
		}
		await sleep(1000);
	}
	outcome.problem = `${outcome.items.length} of ${eventsIn(batches.slice(0, queued))} queued events arrived within ${timeoutMs / 1000} s (${queued} of ${batches.length} batches queued)`;
	return outcome;
}
