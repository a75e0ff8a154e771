/**
 * Benchmark support for the simulator (used by bench/ and, with SIM_STATS_PORT, by cli.ts).
 *
 * - `raiseQuotas(sim)`: the simulated accounts hold small prepaid balances (sms18 1000 messages,
 *   sms10692 10,000 points, sms112088 10,000 messages) so that tests can reach "balance too low";
 *   a benchmark of 100,000 messages must not run into them. Call it again after `sim.reset()`.
 * - `startStatsServer(sim, port)`: a loopback-only endpoint for a simulator running in its own
 *   process: `GET /stats` → `{ <gateway>: { requests, byPath: { <path>: n } } }`,
 *   `POST /reset` clears the log (and raises the quotas again), `POST /latency?ms=20`.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Simulator } from './index';
import { GATEWAY_IDS } from './index';
import type { Sms10692Sim } from './vendors/sms10692';
import type { Sms112088Sim } from './vendors/sms112088';
import type { Sms18Sim } from './vendors/sms18';

const PLENTY = 1_000_000_000_000;

export function raiseQuotas(sim: Simulator): void {
	(sim.vendor('sms18') as Sms18Sim).configure({
		products: [
			['1234567', PLENTY],
			['1234531', PLENTY],
		],
	});
	(sim.vendor('sms10692') as Sms10692Sim).configure({ balance: PLENTY });
	(sim.vendor('sms112088') as Sms112088Sim).setBalance(PLENTY);
}

export interface GatewayStats {
	requests: number;
	byPath: Record<string, number>;
}

export function requestStats(sim: Simulator): Record<string, GatewayStats> {
	const out: Record<string, GatewayStats> = {};
	for (const id of GATEWAY_IDS) {
		const stats: GatewayStats = { requests: 0, byPath: {} };
		for (const r of sim.requests(id)) {
			stats.requests++;
			stats.byPath[r.path] = (stats.byPath[r.path] ?? 0) + 1;
		}
		out[id] = stats;
	}
	return out;
}

export async function startStatsServer(sim: Simulator, port: number, host = '127.0.0.1'): Promise<{ url: string; close(): Promise<void> }> {
	if (host !== '127.0.0.1' && host !== '::1' && host !== 'localhost') throw new Error('the stats endpoint listens on loopback only');
	const server = http.createServer((req, res) => {
		const url = new URL(req.url ?? '/', 'http://stats');
		const reply = (status: number, body: unknown) => {
			res.writeHead(status, { 'content-type': 'application/json' });
			res.end(JSON.stringify(body));
		};
		if (req.method === 'GET' && url.pathname === '/stats') return reply(200, requestStats(sim));
		if (req.method === 'POST' && url.pathname === '/reset') {
			sim.reset();
			raiseQuotas(sim);
			return reply(200, { ok: true });
		}
		if (req.method === 'POST' && url.pathname === '/latency') {
			sim.setLatency(Number(url.searchParams.get('ms') ?? 0));
			return reply(200, { ok: true });
		}
		return reply(404, { error: 'GET /stats, POST /reset, POST /latency?ms=' });
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => resolve());
	});
	return {
		url: `http://${host}:${(server.address() as AddressInfo).port}`,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
