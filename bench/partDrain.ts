/**
 * Part 4: draining pending delivery reports with the node's fetchReports operation (execute() in
 * an n8n-core ExecuteContext, Max Calls 1000) in a fresh child process; reports queued in the
 * simulator of this process. Once with the real spacing (the adapters' documented/chosen default,
 * n8n's sleep) and once with spacing 0 (the node's test seam `timing.sleep` made a no-op).
 */
import type { GatewayId } from '../nodes/gateways/kit/declaration';
import type { Simulator } from '../test/simulator';
import { raiseQuotas } from '../test/simulator/stats';
import { runChild } from './runChild';
import { fmt, table } from './table';
import { phone } from './workload';

export interface DrainRun {
	gateway: GatewayId;
	pending: number;
	spacing: 'real' | 0;
	spacingMs: number;
}

export interface DrainResult extends DrainRun {
	ms: number;
	events: number;
	calls: number;
	error: string | null;
	peakRssMb: number;
	maxRssMb: number;
}

export async function measureDrain(buildDir: string, sim: Simulator, run: DrainRun): Promise<DrainResult> {
	sim.vendor(run.gateway).reset();
	raiseQuotas(sim);
	for (let i = 0; i < run.pending; i++) sim.queueReport(run.gateway, { mobile: phone(i), messageId: String(100_000 + (i % 1000)) });
	const before = sim.requests(run.gateway).length;
	const result = await runChild<Omit<DrainResult, keyof DrainRun | 'calls'>>(buildDir, 'fetch', { gateway: run.gateway, url: sim.urls[run.gateway], spacing: run.spacing });
	const calls = sim.requests(run.gateway).length - before;
	const left = sim.pending(run.gateway).reports;
	if (left > 0) result.error = `${result.error ?? ''} ${left} reports left pending`.trim();
	return { ...run, ...result, calls };
}

export function drainTable(results: DrainResult[]): string {
	const rows = results.map((r) => [
		r.gateway,
		fmt.int(r.pending),
		r.spacing === 'real' ? `real: ${r.spacingMs} ms` : '0 (test seam)',
		r.calls,
		fmt.int(r.events),
		fmt.ms(r.ms),
		fmt.int(Math.round(r.events / (r.ms / 1000))),
		fmt.mb(r.peakRssMb),
		fmt.mb(r.maxRssMb),
		r.error ?? '',
	]);
	return table('4. Draining delivery reports with fetchReports', ['gateway', 'pending', 'spacing between calls', 'calls', 'events', 'wall', 'events/s', 'peak RSS (sampled)', 'maxRSS', 'error'], rows, [
		'The node\'s fetchReports operation (router → drain → adapter) in an n8n-core ExecuteContext, Max Calls 1000, one fresh process per run; the simulator in the parent.',
		'Real spacing: sms10692 1 s (our chosen default; seed 004 gives none), sms112088 0.5 s (courtesy), counted from each answer. Spacing 0 shows the cost of the node itself.',
	]);
}
