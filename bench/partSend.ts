/**
 * Parts 1 and 5: sendBulk through the real node (n8n-core ExecuteContext) in fresh child
 * processes, against the simulator in this process (bodies not recorded; the request log counts).
 */
import type { GatewayId } from '../nodes/gateways/kit/declaration';
import type { Simulator } from '../test/simulator';
import { raiseQuotas } from '../test/simulator/stats';
import { runChild } from './runChild';
import { fmt, pool, table } from './table';
import { GATEWAYS, documentedLimit, minimumRequests } from './workload';

export interface SendResult {
	ms: number;
	outputItems: number;
	failed: number;
	error: string | null;
	peakRssMb: number;
	maxRssMb: number;
	profile?: { paramMs: number; paramCalls: number; httpMs: number; httpCalls: number };
}

export interface MeasuredSend extends SendResult {
	gateway: GatewayId;
	items: number;
	messages: number;
	requests: number;
	minimum: number;
}

/**
 * Several children may run at once: each is counted by its own gateway's request log, and at
 * most one child per gateway runs at a time.
 */
export async function measureSends(
	buildDir: string,
	sim: Simulator,
	runs: Array<{ gateway: GatewayId; items: number; messages: number }>,
	parallel: number,
	log: (line: string) => void,
): Promise<MeasuredSend[]> {
	const busy = new Set<GatewayId>();
	const queue = [...runs];
	const results = new Map<(typeof runs)[number], MeasuredSend>();
	const next = () => queue.find((r) => !busy.has(r.gateway));
	const lane = async (): Promise<void> => {
		for (;;) {
			const run = next();
			if (!run) {
				if (queue.length === 0) return;
				await new Promise((resolve) => setTimeout(resolve, 100));
				continue;
			}
			queue.splice(queue.indexOf(run), 1);
			busy.add(run.gateway);
			const before = sim.requests(run.gateway).length;
			const result = await runChild<SendResult>(buildDir, 'sendBulk', { ...run, url: sim.urls[run.gateway], profile: true });
			const requests = sim.requests(run.gateway).length - before;
			busy.delete(run.gateway);
			// Keep the simulator's memory flat: its list of sent messages is not what is measured.
			sim.vendor(run.gateway).reset();
			raiseQuotas(sim);
			const measured = { ...run, ...result, requests, minimum: minimumRequests(run.gateway, run) };
			log(`  ${run.gateway} ${fmt.int(run.items)} items / ${run.messages} messages: ${requests} requests (minimum ${measured.minimum}), ${fmt.ms(result.ms)}, peak RSS ${fmt.mb(result.peakRssMb)}${result.error ? `, ERROR ${result.error}` : ''}${result.failed ? `, ${result.failed} items failed` : ''}`);
			results.set(run, measured);
		}
	};
	await pool(Array.from({ length: parallel }, () => lane), parallel);
	return runs.map((r) => results.get(r)!);
}

export function efficiencyTable(results: MeasuredSend[], items: number): string {
	const messageCounts = [...new Set(results.map((r) => r.messages))];
	const rows = GATEWAYS.map((gateway) => {
		const cells: Array<string | number> = [gateway, documentedLimit(gateway)];
		for (const m of messageCounts) {
			const r = results.find((x) => x.gateway === gateway && x.messages === m);
			cells.push(r ? `${r.requests} / ${r.minimum} = ${fmt.ratio(r.requests / r.minimum)}${r.error || r.failed ? ' (FAILED)' : ''}` : '—');
		}
		return cells;
	});
	const slowest = Math.max(...results.map((r) => r.ms));
	const perItem = results.map((r) => r.ms / r.items);
	return table(
		`1. Request efficiency: sendBulk of ${fmt.int(items)} items (requests made / minimum the documented limit allows; target 1.00)`,
		['gateway', 'limit/request', ...messageCounts.map((m) => `${m} message${m === 1 ? '' : 's'}`)],
		rows,
		[
			'Real node execute path: nodes/CnSms execute() in an n8n-core ExecuteContext (test/harness), one fresh process per run; simulator in the parent process, requests counted from its log.',
			`Each run took ${fmt.ms(Math.min(...results.map((r) => r.ms)))} to ${fmt.ms(slowest)} (${Math.round(Math.min(...perItem) * 1000)}–${Math.round(Math.max(...perItem) * 1000)} µs per item).`,
		],
	);
}

export function costTable(results: MeasuredSend[]): string {
	const rows = results.map((r) => {
		const p = r.profile!;
		const own = r.ms - p.paramMs - p.httpMs;
		return [
			r.gateway,
			fmt.int(r.items),
			r.messages,
			fmt.ms(r.ms),
			`${fmt.ms(p.paramMs)} (${Math.round((p.paramMs / r.ms) * 100)}%)`,
			`${fmt.ms(p.httpMs)} (${Math.round((p.httpMs / r.ms) * 100)}%)`,
			`${fmt.ms(own)} (${Math.round((own / r.ms) * 100)}%)`,
			`${Math.round((own / r.items) * 1000)} µs`,
		];
	});
	return table(
		'1b. Where the time of each part-1 run goes',
		['gateway', 'items', 'messages', 'wall', "n8n getNodeParameter", 'HTTP (in transport)', 'node code (rest)', 'node code / item'],
		rows,
		['getNodeParameter: time inside n8n-core resolving the parameters (expressions) per item — n8n\'s cost, paid by any node. HTTP: time inside transport.request (concurrency 1, so wall time).'],
	);
}

export function memoryTable(results: MeasuredSend[]): string {
	const sorted = [...results].sort((a, b) => a.items - b.items);
	const base = sorted[0];
	const rows = sorted.map((r) => [
		r.gateway,
		fmt.int(r.items),
		r.messages,
		fmt.mb(r.peakRssMb),
		fmt.mb(r.maxRssMb),
		r === base ? '—' : `${Math.round(((r.maxRssMb - base.maxRssMb) / (r.items - base.items)) * 1024 * 1024)} bytes/item`,
		fmt.ms(r.ms),
	]);
	return table('5. Memory: peak RSS of sendBulk, each size in a fresh process', ['gateway', 'items', 'messages', 'peak RSS (sampled 10 ms)', 'maxRSS (resourceUsage)', `growth from ${fmt.int(base.items)}`, 'wall'], rows, [
		'The process holds n8n-core, the node, the input items and the output items (one per input item); the simulator runs in another process.',
	]);
}
