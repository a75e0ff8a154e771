/**
 * Part 6: sends per second through n8n's queue mode, one worker against two. The package is built
 * and packed (`npm run build`), then the queue-mode
 * harness of `npm run test:queue` (test/queue/support/cluster.ts: Redis, Postgres, n8n main, two
 * workers, a webhook processor, this package installed in each user folder) runs a workflow of
 * Webhook → send (sms18) on the gateway simulator with 20 ms latency per answer. Each round posts
 * the same number of webhook calls (one message each) to the webhook processor, twenty callers at a
 * time; the workers take the jobs from Redis. Round 1 runs with worker2 stopped, round 2 with both.
 *
 * Figures per round: the processing window in Postgres (first execution started → last stopped),
 * the wall time from the first call to the last execution finished, sends per second over each,
 * and how many executions each worker ran (from the workers' logs).
 */
import { spawnSync } from 'node:child_process';
import * as os from 'node:os';

import { startSimulator } from '../test/simulator';
import type { Simulator } from '../test/simulator';
import { raiseQuotas } from '../test/simulator/stats';
import type { GatewayId } from '../test/simulator/types';
import { CREDENTIAL_TYPE, simulatorCredentials } from '../test/e2e/support/credentials';
import { activateWorkflow, callWebhook, createCredential, createWorkflow } from '../test/e2e/support/n8n';
import type { Cluster } from '../test/queue/support/cluster';
import { PORTS, startCluster } from '../test/queue/support/cluster';
import { executionsOf, sendWorkflow, waitForExecutions } from '../test/queue/support/workflows';
import { REPO_DIR } from './build';
import { fmt, table } from './table';

export const QUEUE_SENDS = Number(process.env.BENCH_QUEUE_SENDS || 300);
const LATENCY_MS = 20;
const CALLERS = 20;
const GATEWAY: GatewayId = 'sms18';
const GATEWAYS: GatewayId[] = ['chinaSms', 'smsAdmin', 'sms112088', 'sms18', 'sms10692'];

export interface QueueRound {
	workers: number;
	sends: number;
	/** First execution started → last execution stopped (Postgres), ms. */
	windowMs: number;
	/** First webhook call → last execution finished, ms. */
	wallMs: number;
	perWorker: Record<string, number>;
	failed: number;
	delivered: number;
}

async function round(cluster: Cluster, sim: Simulator, workflowId: string, path: string, workers: number, offset: number, count = QUEUE_SENDS): Promise<QueueRound> {
	const before = new Set((await executionsOf(cluster.pg, workflowId)).map((e) => e.id));
	const sentBefore = sim.sent(GATEWAY).length;
	const url = `${cluster.webhookBase}/webhook/${path}`;
	const t = Date.now();
	let next = 0;
	await Promise.all(
		Array.from({ length: CALLERS }, async () => {
			while (next < count) {
				const k = offset + next++;
				const answer = await callWebhook(url, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ phone: `152${String(k).padStart(8, '0')}`, text: `吞吐测试 ${k}` }),
				});
				if (answer.status !== 200) throw new Error(`webhook call ${k}: HTTP ${answer.status} ${answer.body.slice(0, 200)}`);
			}
		}),
	);
	const all = await waitForExecutions(cluster.pg, workflowId, before.size + count, 600_000);
	const wallMs = Date.now() - t;
	const mine = all.filter((e) => !before.has(e.id));
	const started = Math.min(...mine.map((e) => Date.parse(e.startedAt ?? e.createdAt)));
	const stopped = Math.max(...mine.map((e) => Date.parse(e.stoppedAt ?? e.createdAt)));
	const byWorker = cluster.workerOf();
	const perWorker: Record<string, number> = {};
	for (const e of mine) {
		const w = byWorker.get(e.id) ?? 'unknown';
		perWorker[w] = (perWorker[w] ?? 0) + 1;
	}
	return {
		workers,
		sends: mine.length,
		windowMs: stopped - started,
		wallMs,
		perWorker,
		failed: mine.filter((e) => e.status !== 'success').length,
		delivered: sim.sent(GATEWAY).length - sentBefore,
	};
}

export async function measureQueue(log: (line: string) => void): Promise<QueueRound[]> {
	const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, encoding: 'utf8' });
	if (build.status !== 0) throw new Error(`npm run build failed: ${(build.stdout + build.stderr).slice(-1500)}`);
	const sim = await startSimulator({ ports: Object.fromEntries(GATEWAYS.map((g, i) => [g, PORTS.simulatorBase + i])), recordBodies: false, latencyMs: LATENCY_MS });
	raiseQuotas(sim);
	let cluster: Cluster | null = null;
	try {
		cluster = await startCluster({ log: (line) => log(`  ${line}`) });
		const c = simulatorCredentials(sim.urls).find((x) => x.gateway === GATEWAY && x.type === CREDENTIAL_TYPE[GATEWAY])!;
		const credential = await createCredential(cluster.rest, c.name, c.type, c.data);
		const path = 'bench-queue-send';
		const wf = await createWorkflow(cluster.rest, sendWorkflow(GATEWAY, credential, path));
		await activateWorkflow(cluster.rest, wf);
		// A few untimed calls first: webhook registration, module loading, the workers' first jobs.
		await round(cluster, sim, wf.id, path, 2, 900_000, 20).catch((error: Error) => log(`  warm-up: ${error.message}`));
		const [worker1, worker2] = cluster.workers;
		await worker2.stop();
		log(`  round 1: ${QUEUE_SENDS} sends, ${worker1.name} only`);
		const one = await round(cluster, sim, wf.id, path, 1, 0);
		await worker2.start();
		log(`  round 2: ${QUEUE_SENDS} sends, ${worker1.name} and ${worker2.name}`);
		const two = await round(cluster, sim, wf.id, path, 2, QUEUE_SENDS);
		return [one, two];
	} finally {
		await cluster?.stop();
		await sim.close();
	}
}

export function queueTable(rounds: QueueRound[]): string {
	const rate = (n: number, ms: number) => (ms > 0 ? (n * 1000) / ms : 0);
	const [one, two] = rounds;
	const rows = rounds.map((r) => [
		String(r.workers),
		fmt.int(r.sends),
		fmt.ms(r.windowMs),
		rate(r.sends, r.windowMs).toFixed(1),
		fmt.ms(r.wallMs),
		rate(r.sends, r.wallMs).toFixed(1),
		Object.entries(r.perWorker)
			.map(([w, n]) => `${w} ${n}`)
			.join(', '),
		`${fmt.int(r.delivered)} / ${r.failed}`,
	]);
	const ratio = one && two ? rate(two.sends, two.windowMs) / rate(one.sends, one.windowMs) : NaN;
	const wallRatio = one && two ? rate(two.sends, two.wallMs) / rate(one.sends, one.wallMs) : NaN;
	return table(
		`6. Queue mode: sends per second through one and through two workers (simulator latency ${LATENCY_MS} ms) — two ÷ one = ${fmt.ratio(ratio)} (processing window), ${fmt.ratio(wallRatio)} (wall)`,
		['workers', 'sends', 'processing window', 'sends/s (window)', 'wall (first call → last finished)', 'sends/s (wall)', 'executions per worker', 'delivered / failed'],
		rows,
		[
			`n8n 2.41.1 in queue mode (Redis, Postgres 15, main, webhook processor, workers with the default concurrency 10), all on this machine's ${os.cpus().length} cores with the simulator; one execution per message: Webhook → sms18 send, started by POSTs to the webhook processor, ${CALLERS} callers at a time.`,
			'Processing window: first execution started → last execution stopped, from Postgres. Wall: first webhook call → all executions finished (includes the webhook intake and polling Postgres once a second).',
			'One untimed warm-up round with both workers runs first. Round 1 stops worker2 (SIGTERM) first; round 2 starts it again.',
		],
	);
}
