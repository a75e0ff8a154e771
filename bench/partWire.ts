/**
 * Part 2: the node's path against the wire. A first run against a recording simulator captures
 * the exact requests the node made; then, with 20 ms added to every answer, a child process runs
 * the node (A) and a plain node:http replay of those requests (B, same order, same bytes, same
 * concurrency, one connection per request as the transport) alternately.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import type { GatewayId } from '../nodes/gateways/kit/declaration';
import { startSimulator } from '../test/simulator';
import type { Simulator } from '../test/simulator';
import { raiseQuotas } from '../test/simulator/stats';
import { runChild } from './runChild';
import type { SendResult } from './partSend';
import { fmt, median, table } from './table';

export interface WireScenario {
	gateway: GatewayId;
	items: number;
	messages: number;
}

export interface WireResult extends WireScenario {
	requests: number;
	node: number[];
	wire: number[];
	ratios: number[];
}

export const LATENCY_MS = 20;

export async function measureWire(buildDir: string, sim: Simulator, scenario: WireScenario, rounds: number): Promise<WireResult> {
	const recorder = await startSimulator({ recordBodies: true });
	raiseQuotas(recorder);
	let replayFile: string;
	let requests: number;
	try {
		const first = await runChild<SendResult>(buildDir, 'sendBulk', { ...scenario, url: recorder.urls[scenario.gateway] });
		if (first.error || first.failed) throw new Error(`recording run failed: ${first.error ?? `${first.failed} items failed`}`);
		const recorded = recorder.requests(scenario.gateway).map((r) => {
			const { host, ...headers } = r.headers as Record<string, string>;
			return { method: r.method, path: r.path, rawQuery: r.rawQuery, headers, body: r.body.toString('base64') };
		});
		requests = recorded.length;
		replayFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-replay-')), 'requests.json');
		fs.writeFileSync(replayFile, JSON.stringify(recorded));
	} finally {
		await recorder.close();
	}
	sim.setLatency(LATENCY_MS);
	try {
		const before = sim.requests(scenario.gateway).length;
		const { node, wire } = await runChild<{ node: number[]; wire: number[] }>(buildDir, 'ab', {
			...scenario,
			url: sim.urls[scenario.gateway],
			rounds,
			replayFile,
			concurrency: 1,
		});
		const seen = sim.requests(scenario.gateway).length - before;
		// Warm-up round plus `rounds`, each A and B: every run must have made the recorded requests.
		if (seen !== (rounds + 1) * 2 * requests) throw new Error(`expected ${(rounds + 1) * 2 * requests} requests, the simulator saw ${seen}`);
		return { ...scenario, requests, node, wire, ratios: node.map((n, i) => n / wire[i]) };
	} finally {
		sim.setLatency(0);
		sim.vendor(scenario.gateway).reset();
		raiseQuotas(sim);
	}
}

export function wireTable(results: WireResult[]): string {
	const rows = results.map((r) => [
		r.gateway,
		fmt.int(r.items),
		r.messages,
		r.requests,
		fmt.ms(median(r.node)),
		fmt.ms(median(r.wire)),
		fmt.ratio(median(r.ratios)),
		`${fmt.ratio(Math.min(...r.ratios))}–${fmt.ratio(Math.max(...r.ratios))}`,
		r.ratios.length,
	]);
	return table(
		`2. Overhead against the wire (simulator adds ${LATENCY_MS} ms per answer; target ≤ 1.10)`,
		['gateway', 'items', 'messages', 'requests', 'node path (median)', 'plain node:http (median)', 'ratio (median)', 'ratio spread (min–max)', 'rounds'],
		rows,
		[
			'A = the node\'s sendBulk through execute() in an n8n-core ExecuteContext (parameters resolved per item, checks, planning, transport, output items); B = node:http replaying the same requests byte for byte, concurrency 1 (the node\'s default), one connection per request. Alternated A B A B … in one process after one untimed warm-up round of each.',
		],
	);
}
