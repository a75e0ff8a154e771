/**
 * Time per request of the transport on loopback, side by side: the same requests to the simulator
 * through n8n's request helper (what the nodes use), through its older `request` helper (what the
 * credential test uses), and through plain node:http (what the transport did itself before).
 * Rounds alternate between the clients so drift of the machine's load hits all of them alike.
 *
 *   npx ts-node --transpile-only bench/transport.ts
 *
 * Environment: BENCH_TRANSPORT_REQUESTS (per client and round, default 500), BENCH_TRANSPORT_ROUNDS
 * (default 5).
 */
import '../test/harness/env';

import { performance } from 'node:perf_hooks';

import { createTransport } from '../nodes/gateways/kit/transport';
import type { TransportRequest } from '../nodes/gateways/kit/transport';
import type { HttpClient } from '../nodes/gateways/kit/http';
import { n8nCredentialTestHttpClient, n8nHttpClient } from '../test/harness/http';
import { nodeHttpClient } from '../test/harness/nodeHttpClient';
import { SIM_ACCOUNTS, startSimulator } from '../test/simulator';
import { fmt } from './table';

const REQUESTS = Number(process.env.BENCH_TRANSPORT_REQUESTS || 500);
const ROUNDS = Number(process.env.BENCH_TRANSPORT_ROUNDS || 5);

async function main(): Promise<void> {
	const sim = await startSimulator({ recordBodies: false });
	const clients: Array<[string, HttpClient]> = [
		['node:http (the transport before)', nodeHttpClient()],
		['n8n helpers.httpRequest (nodes)', n8nHttpClient()],
		['n8n helpers.request (credential test)', n8nCredentialTestHttpClient()],
	];
	const workloads: Array<[string, TransportRequest]> = [
		[
			'GET, GBK query (chinaSms balance)',
			{ method: 'GET', baseUrl: sim.urls.chinaSms, path: '/send/getfee.asp', query: [['name', SIM_ACCOUNTS.chinaSms.username], ['pwd', SIM_ACCOUNTS.chinaSms.password]], charset: 'gbk', secrets: [SIM_ACCOUNTS.chinaSms.password] },
		],
		[
			'POST, GB2312 form (smsAdmin send)',
			{
				method: 'POST',
				baseUrl: sim.urls.smsAdmin,
				path: '/smsmarketing/wwwroot/api/post_send/',
				form: [['uid', SIM_ACCOUNTS.smsAdmin.userId], ['pwd', SIM_ACCOUNTS.smsAdmin.password], ['mobile', '13800000001'], ['msg', '您的验证码是123456，5分钟内有效。【公司】']],
				charset: 'gb2312',
				secrets: [SIM_ACCOUNTS.smsAdmin.password],
			},
		],
	];
	const rows: string[] = [];
	try {
		for (const [workload, req] of workloads) {
			const perClient = new Map<string, number[]>();
			for (const [name, http] of clients) {
				// Warm-up: module loading, JIT, the first connection.
				for (let i = 0; i < 50; i++) await createTransport('Bench', { http }).request(req);
				perClient.set(name, []);
			}
			for (let round = 0; round < ROUNDS; round++) {
				for (const [name, http] of clients) {
					const transport = createTransport('Bench', { http });
					const started = performance.now();
					for (let i = 0; i < REQUESTS; i++) await transport.request(req);
					perClient.get(name)!.push(((performance.now() - started) * 1000) / REQUESTS);
					sim.reset();
				}
			}
			const base = median(perClient.get(clients[0][0])!);
			for (const [name] of clients) {
				const times = perClient.get(name)!;
				const mid = median(times);
				rows.push(`| ${workload} | ${name} | ${fmt.int(Math.round(mid))} µs | ${fmt.int(Math.round(Math.min(...times)))}–${fmt.int(Math.round(Math.max(...times)))} µs | ${(mid / base).toFixed(2)}× |`);
			}
		}
	} finally {
		await sim.close();
	}
	process.stdout.write(
		[
			`Transport on loopback: ${REQUESTS} sequential requests per client and round, ${ROUNDS} rounds, Node ${process.version}`,
			'',
			'| request | client | median per request | rounds (min–max) | vs node:http |',
			'|---|---|---:|---:|---:|',
			...rows,
			'',
		].join('\n'),
	);
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

main().catch((error: unknown) => {
	process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
	process.exitCode = 1;
});
