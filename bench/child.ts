/**
 * One measurement in a fresh process (so its memory is its own): `node child.js <task> '<json>'`.
 * The simulator runs in the parent; this process is the n8n worker. Prints one JSON line last.
 *
 * Tasks
 * - sendBulk {gateway, items, messages, url, profile?}: the node's sendBulk through execute() in a
 *   real n8n-core ExecuteContext; wall time, peak RSS, and with `profile` the time spent in n8n's
 *   getNodeParameter and waiting on HTTP (the rest is the node's own work).
 * - ab {gateway, items, messages, url, rounds, replayFile}: node path (A) and a plain node:http
 *   replay of the same requests (B), alternately, `rounds` times each.
 * - fetch {gateway, url, spacing: 'real' | 0}: the node's fetchReports until nothing is pending.
 */
import '../test/harness/env';

import * as fs from 'node:fs';
import * as http from 'node:http';

import { ExecuteContext } from 'n8n-core';
import type { INodeExecutionData } from 'n8n-workflow';

import * as transportModule from '../nodes/gateways/kit/transport';
import type { GatewayId } from '../nodes/gateways/kit/declaration';
import { executeNode } from '../test/harness/execute';
import { actionNode } from '../test/support/nodes';
import { bulkItems, bulkParameters, credentialsFor } from './workload';

interface SendArgs {
	gateway: GatewayId;
	items: number;
	messages: number;
	url: string;
	profile?: boolean;
}

/** Peak RSS, sampled every 10 ms, and the kernel's maximum (resourceUsage, in kB). */
function memoryWatch(): { stop(): { peakRssMb: number; maxRssMb: number } } {
	let peak = process.memoryUsage().rss;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
	return {
		stop: () => {
			clearInterval(timer);
			peak = Math.max(peak, process.memoryUsage().rss);
			return { peakRssMb: peak / 2 ** 20, maxRssMb: process.resourceUsage().maxRSS / 1024 };
		},
	};
}

const profile = { paramMs: 0, paramCalls: 0, httpMs: 0, httpCalls: 0 };

function instrument(): void {
	// ExecuteContext's getNodeParameter is an instance arrow that calls the inherited _getNodeParameter.
	const proto = ExecuteContext.prototype as unknown as { _getNodeParameter: (...args: unknown[]) => unknown };
	const getNodeParameter = proto._getNodeParameter;
	proto._getNodeParameter = function (this: unknown, ...args: unknown[]) {
		const t = performance.now();
		try {
			return getNodeParameter.apply(this, args);
		} finally {
			profile.paramMs += performance.now() - t;
			profile.paramCalls++;
		}
	};
	const mod = transportModule as { createTransport: typeof transportModule.createTransport };
	const createTransport = mod.createTransport;
	mod.createTransport = (gateway, options) => {
		const transport = createTransport(gateway, options);
		return {
			...transport,
			request: async (req) => {
				const t = performance.now();
				try {
					return await transport.request(req);
				} finally {
					profile.httpMs += performance.now() - t;
					profile.httpCalls++;
				}
			},
		};
	};
}

async function runBulk(a: SendArgs): Promise<{ ms: number; output: INodeExecutionData[]; error: string | null }> {
	const items = bulkItems(a);
	const started = performance.now();
	const result = await executeNode(
		{ nodeType: actionNode(a.gateway), parameters: bulkParameters(a.gateway, a), credentials: credentialsFor(a.gateway, a.url) },
		items,
	);
	const ms = performance.now() - started;
	return { ms, output: result.output?.[0] ?? [], error: result.error ? String((result.error as Error).message ?? result.error) : null };
}

async function sendBulk(a: SendArgs) {
	if (a.profile) instrument();
	const watch = memoryWatch();
	const run = await runBulk(a);
	const mem = watch.stop();
	const failed = run.output.filter((o) => o.json.success !== true).length;
	return { ms: run.ms, outputItems: run.output.length, failed, error: run.error, ...mem, ...(a.profile ? { profile } : {}) };
}

interface Replayed {
	method: string;
	path: string;
	rawQuery: string;
	headers: Record<string, string>;
	body: string;
}

/** The plain client: node:http, one connection per request (as the transport), same bytes, in order. */
function replayOne(base: URL, r: Replayed, body: Buffer): Promise<void> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			{ host: base.hostname, port: base.port, method: r.method, path: r.rawQuery ? `${r.path}?${r.rawQuery}` : r.path, headers: r.headers, agent: false },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					Buffer.concat(chunks).toString('latin1');
					resolve();
				});
				res.on('error', reject);
			},
		);
		req.on('error', reject);
		req.end(body.length ? body : undefined);
	});
}

async function replay(url: string, requests: Replayed[], bodies: Buffer[], concurrency: number): Promise<number> {
	const base = new URL(url);
	const started = performance.now();
	let next = 0;
	const lane = async () => {
		while (next < requests.length) {
			const i = next++;
			await replayOne(base, requests[i], bodies[i]);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, concurrency) }, lane));
	return performance.now() - started;
}

async function ab(a: SendArgs & { rounds: number; replayFile: string; concurrency: number }) {
	const requests = JSON.parse(fs.readFileSync(a.replayFile, 'utf8')) as Replayed[];
	const bodies = requests.map((r) => Buffer.from(r.body, 'base64'));
	// One untimed round of each first: module loading and JIT warm-up are not what is compared.
	await runBulk(a);
	await replay(a.url, requests, bodies, a.concurrency);
	const node: number[] = [];
	const wire: number[] = [];
	for (let round = 0; round < a.rounds; round++) {
		const run = await runBulk(a);
		if (run.error || run.output.some((o) => o.json.success !== true)) throw new Error(`node run failed: ${run.error ?? 'an item failed'}`);
		node.push(run.ms);
		wire.push(await replay(a.url, requests, bodies, a.concurrency));
	}
	return { node, wire };
}

async function fetchAll(a: { gateway: GatewayId; url: string; spacing: 'real' | 0 }) {
	const watch = memoryWatch();
	const started = performance.now();
	const result = await executeNode(
		{
			nodeType: actionNode(a.gateway, a.spacing === 0 ? { sleep: async () => undefined } : {}),
			parameters: { operation: 'fetchReports', options: { maxCalls: 1000 } },
			credentials: credentialsFor(a.gateway, a.url),
		},
		[{}],
	);
	const ms = performance.now() - started;
	const mem = watch.stop();
	const out = result.output?.[0] ?? [];
	return { ms, events: out.filter((o) => o.json.type === 'report').length, error: result.error ? String((result.error as Error).message) : null, ...mem };
}

async function main(): Promise<void> {
	const [task, json] = process.argv.slice(2);
	const args = JSON.parse(json ?? '{}');
	const tasks: Record<string, (a: never) => Promise<unknown>> = { sendBulk, ab, fetch: fetchAll };
	const fn = tasks[task];
	if (!fn) throw new Error(`unknown task ${task}`);
	const result = await fn(args as never);
	process.stdout.write(`\n${JSON.stringify(result)}\n`);
}

main().then(
	() => process.exit(0),
	(error: Error) => {
		process.stderr.write(`${error.stack ?? error.message}\n`);
		process.exit(1);
	},
);
