/**
 * `npm run bench`: request efficiency, overhead against the wire, real n8n against its HTTP
 * Request node, draining, memory, and queue mode (one worker against two). Prints one table per
 * part (results: bench/RESULTS.md).
 *
 * Environment: BENCH_ITEMS (part 1 size, default 100000), BENCH_PARALLEL (part-1 processes at once,
 * default 2), BENCH_ROUNDS (part 2, default 5), BENCH_SKIP_N8N=1 (skip parts 3 and 6),
 * BENCH_QUEUE_SENDS (part 6 sends per round, default 300; part 6 uses the ports of
 * `npm run test:queue`, so not both at once), BENCH_PARTS=1,2,3,4,5,6 (choose parts),
 * BENCH_N8N_PORT / BENCH_N8N_BROKER_PORT /
 * BENCH_SIM_PORT_BASE (part 3 ports, default 15778 / 15779 / 18401-18410), BENCH_KEEP=1 (keep the
 * transpiled folder and part 3's n8n user folder for inspection).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';

import { startSimulator } from '../test/simulator';
import { raiseQuotas } from '../test/simulator/stats';
import { buildBench } from './build';
import { measureDrain, drainTable } from './partDrain';
import type { DrainResult } from './partDrain';
import { measureN8n, n8nTable } from './partN8n';
import { measureQueue, queueTable } from './partQueue';
import { costTable, efficiencyTable, measureSends, memoryTable } from './partSend';
import type { MeasuredSend } from './partSend';
import { measureWire, wireTable } from './partWire';
import type { WireResult } from './partWire';
import { fmt } from './table';
import { GATEWAYS } from './workload';

const ITEMS = Number(process.env.BENCH_ITEMS || 100_000);
const PARALLEL = Number(process.env.BENCH_PARALLEL || 2);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const PARTS = new Set((process.env.BENCH_PARTS || '1,2,3,4,5,6').split(',').map((p) => p.trim()));
const MESSAGE_COUNTS = [1, 10, 1000];
const MEMORY_GATEWAY = 'sms10692' as const;
const MEMORY_MESSAGES = 10;

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
	const began = Date.now();
	const elapsed = () => `${Math.round((Date.now() - began) / 1000)} s`;
	const out: string[] = [];
	const print = (text: string) => {
		out.push(text);
		process.stdout.write(`${text}\n`);
	};
	print(`# n8n-nodes-cn-sms benchmarks\n\nMachine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${fmt.int(Math.round(os.totalmem() / 2 ** 20))} MB RAM, Node ${process.version}, load average at start ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
	const buildDir = buildBench();
	log(`[bench] transpiled into ${buildDir} (${elapsed()})`);
	const sim = await startSimulator({ recordBodies: false });
	raiseQuotas(sim);
	try {
		if (PARTS.has('1') || PARTS.has('5')) {
			const runs = PARTS.has('1') ? GATEWAYS.flatMap((gateway) => MESSAGE_COUNTS.map((messages) => ({ gateway, items: ITEMS, messages }))) : [];
			const memoryRuns = PARTS.has('5')
				? [10_000, 30_000, 100_000]
						.filter((items) => !runs.some((r) => r.gateway === MEMORY_GATEWAY && r.items === items && r.messages === MEMORY_MESSAGES))
						.map((items) => ({ gateway: MEMORY_GATEWAY, items, messages: MEMORY_MESSAGES }))
				: [];
			log(`[bench] parts 1/5: ${runs.length + memoryRuns.length} sendBulk runs, ${PARALLEL} processes at a time (${elapsed()})`);
			const results: MeasuredSend[] = await measureSends(buildDir, sim, [...runs, ...memoryRuns], PARALLEL, log);
			if (PARTS.has('1')) {
				print(efficiencyTable(results.slice(0, runs.length), ITEMS));
				print(costTable(results.slice(0, runs.length)));
			}
			if (PARTS.has('5')) print(memoryTable(results.filter((r) => r.gateway === MEMORY_GATEWAY && r.messages === MEMORY_MESSAGES)));
		}
		if (PARTS.has('2')) {
			log(`[bench] part 2 (${elapsed()})`);
			const wire: WireResult[] = [];
			for (const scenario of [
				{ gateway: 'sms112088' as const, items: 10_000, messages: 1 },
				{ gateway: 'sms10692' as const, items: 10_000, messages: 10 },
			]) {
				wire.push(await measureWire(buildDir, sim, scenario, ROUNDS));
				log(`  ${scenario.gateway}: ratios ${wire[wire.length - 1].ratios.map((r) => r.toFixed(2)).join(' ')}`);
			}
			print(wireTable(wire));
		}
		if (PARTS.has('3')) {
			if (process.env.BENCH_SKIP_N8N === '1') {
				print('\n### 3. Real n8n 2.41.1\n\nSkipped (BENCH_SKIP_N8N=1).\n');
			} else {
				log(`[bench] part 3: real n8n (a missing n8n cache is installed first: about 7 minutes) (${elapsed()})`);
				try {
					print(n8nTable(await measureN8n(buildDir, log)));
				} catch (error) {
					print(`\n### 3. Real n8n 2.41.1\n\nFAILED: ${(error as Error).message}\n`);
				}
			}
		}
		if (PARTS.has('4')) {
			log(`[bench] part 4 (${elapsed()})`);
			const drains: DrainResult[] = [];
			for (const run of [
				{ gateway: 'sms10692' as const, pending: 100_000, spacing: 0 as const, spacingMs: 0 },
				{ gateway: 'sms112088' as const, pending: 10_000, spacing: 0 as const, spacingMs: 0 },
				{ gateway: 'sms10692' as const, pending: 100_000, spacing: 'real' as const, spacingMs: 1000 },
				{ gateway: 'sms112088' as const, pending: 10_000, spacing: 'real' as const, spacingMs: 500 },
			]) {
				drains.push(await measureDrain(buildDir, sim, run));
				const d = drains[drains.length - 1];
				log(`  ${d.gateway} spacing ${d.spacing}: ${d.events} events in ${fmt.ms(d.ms)}, ${d.calls} calls${d.error ? `, ${d.error}` : ''}`);
			}
			print(drainTable(drains));
		}
		if (PARTS.has('6')) {
			if (process.env.BENCH_SKIP_N8N === '1') {
				print('\n### 6. Queue mode\n\nSkipped (BENCH_SKIP_N8N=1).\n');
			} else {
				log(`[bench] part 6: queue mode, one worker against two (${elapsed()})`);
				try {
					print(queueTable(await measureQueue(log)));
				} catch (error) {
					print(`\n### 6. Queue mode\n\nFAILED: ${(error as Error).message}\n`);
				}
			}
		}
	} finally {
		await sim.close();
		if (process.env.BENCH_KEEP !== '1') fs.rmSync(buildDir, { recursive: true, force: true });
	}
	print(`\nTotal bench time: ${elapsed()}.`);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
