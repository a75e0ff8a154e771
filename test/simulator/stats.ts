/**
 * Benchmark support for the simulator (used by bench/ and, with SIM_STATS_PORT, by cli.ts).
 *
 * - `raiseQuotas(sim)`: the simulated accounts hold small prepaid balances (sms18 1000 messages,
 *   sms10692 10,000 points, sms112088 10,000 messages) so that tests can reach "balance too low";
 *   a benchmark of 100,000 messages must not run into them. sms112088's module has no setting for
 *   it, so its account is reset to the full balance before each send (it is handled synchronously,
 *   so no request sees another's reset). Call it again after `sim.reset()`.
 * - `startStatsServer(sim, port)`: a loopback-only endpoint for a simulator running in its own
 *   process: `GET /stats` → `{ <gateway>: { requests, byPath: { <path>: n } } }`,
 *   `POST /reset` clears the log (and raises the quotas again), `POST /latency?ms=20`.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Simulator } from './index';
import { GATEWAY_IDS } from './index';
import type { Sms10692Sim } from './vendors/sms10692';
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
	const sms112088 = sim.vendor('sms112088');
	const original = sms112088.handle.bind(sms112088);
	if ((original as { benchWrapped?: boolean }).benchWrapped) return;
	const wrapped = (req: Parameters<typeof original>[0], ctx: Parameters<typeof original>[1]) => {
		if (req.path.toLowerCase() === '/sendsms_txt.asp') sms112088.reset();
		return original(req, ctx);
	};
	(wrapped as { benchWrapped?: boolean }).benchWrapped = true;
	sms112088.handle = wrapped;
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
