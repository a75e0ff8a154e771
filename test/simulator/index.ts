/**
 * The local gateway simulator: one process, one loopback port per gateway, each vendor emulated
 * as its document describes (test/simulator/vendors/*). Records every request byte for byte,
 * injects faults, and pushes events to a URL.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import { decodeBytes, decodePairs, encodePairs, encodeText } from '../../nodes/gateways/kit/charset';
import type { FaultSpec, GatewayId, PushTarget, QueuedEvent, RecordedRequest, SentMessage, SimAccounts, SimReply, SimReport, SimRequest, SimResponse, VendorModule } from './types';
import { SIM_ACCOUNTS, createVendors } from './vendors';

export { SIM_ACCOUNTS };
export type { FaultSpec, RecordedRequest, SentMessage, SimReply, SimReport };

export const GATEWAY_IDS: GatewayId[] = ['chinaSms', 'smsAdmin', 'sms112088', 'sms18', 'sms10692'];

export interface SimulatorOptions {
	host?: string;
	/** Fixed ports per gateway (0 or absent: any free port). */
	ports?: Partial<Record<GatewayId, number>>;
	/** Added to every answer, in ms (for benchmarks against the wire). */
	latencyMs?: number;
	/** Keep request bodies and answers in the log (default true; benchmarks turn it off). */
	recordBodies?: boolean;
}

export interface SpacingViolation {
	gateway: GatewayId;
	key: string;
	gapMs: number;
	minMs: number;
}

export interface Simulator {
	urls: Record<GatewayId, string>;
	/** A loopback URL where nothing listens (connection refused). */
	closedUrl: string;
	accounts: SimAccounts;
	requests(gateway?: GatewayId): RecordedRequest[];
	/** Requests whose connection was closed before they were read. */
	droppedBeforeRead(gateway?: GatewayId): number;
	sent(gateway?: GatewayId): SentMessage[];
	queueReply(gateway: GatewayId, reply: SimReply): void;
	queueReport(gateway: GatewayId, report: SimReport): void;
	queueRaw(gateway: GatewayId, kind: 'reply' | 'report', raw: string): void;
	pending(gateway: GatewayId): { replies: number; reports: number };
	fault(gateway: GatewayId, spec: FaultSpec): void;
	setLatency(ms: number): void;
	spacingViolations(gateway?: GatewayId): SpacingViolation[];
	/** Push an event the way the vendor does; resolves with the receiver's answer. */
	push(gateway: GatewayId, kind: 'reply' | 'report', fields: QueuedEvent, target: PushTarget): Promise<{ status: number; body: string }>;
	vendor(gateway: GatewayId): VendorModule;
	/** Clear requests, queues, sent messages, faults and violations. */
	reset(): void;
	close(): Promise<void>;
}

const HTML_ERROR_PAGE =
	'<!DOCTYPE html><html><head><title>503 Service Unavailable</title></head><body><h1>Service Unavailable</h1><p>The server is temporarily unable to service your request.</p></body></html>';

export async function startSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
	const host = options.host ?? '127.0.0.1';
	const recordBodies = options.recordBodies ?? true;
	let latencyMs = options.latencyMs ?? 0;
	const vendors = createVendors();
	const log: RecordedRequest[] = [];
	const dropped: Record<string, number> = {};
	const faults: Record<string, Array<FaultSpec & { seen: number; used: number }>> = {};
	const lastCall = new Map<string, number>();
	const violations: SpacingViolation[] = [];
	let seq = 0;

	const servers: http.Server[] = [];
	const urls = {} as Record<GatewayId, string>;

	function takeFault(gateway: GatewayId, path: string): FaultSpec | null {
		const list = faults[gateway] ?? [];
		for (const f of list) {
			if (f.path && !path.includes(f.path)) continue;
			if (f.used >= (f.times ?? 1)) continue;
			if (f.seen < (f.after ?? 0)) {
				f.seen++;
				continue;
			}
			f.used++;
			return f;
		}
		return null;
	}

	function handlerFor(vendor: VendorModule): http.RequestListener {
		return (req, res) => {
			const url = new URL(req.url ?? '/', 'http://sim');
			const path = url.pathname;
			const fault = takeFault(vendor.id, path);
			if (fault?.type === 'dropBeforeRead') {
				dropped[vendor.id] = (dropped[vendor.id] ?? 0) + 1;
				req.socket.destroy();
				return;
			}
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const body = Buffer.concat(chunks);
				const rawQuery = (req.url ?? '').includes('?') ? (req.url ?? '').slice((req.url ?? '').indexOf('?') + 1) : '';
				const charset = vendor.requestCharset(path);
				const isForm = body.length > 0 && !/json|xml/i.test(String(req.headers['content-type'] ?? ''));
				const params = [...decodePairs(rawQuery, charset), ...(isForm ? decodePairs(body.toString('latin1'), charset) : [])];
				const simReq: SimRequest = {
					method: req.method ?? 'GET',
					path,
					rawQuery,
					headers: { ...req.headers },
					body,
					params,
					get: (name) => params.find(([k]) => k.trim() === name)?.[1],
				};
				const record: RecordedRequest = {
					gateway: vendor.id,
					seq: ++seq,
					at: Date.now(),
					method: simReq.method,
					path,
					rawQuery,
					headers: simReq.headers,
					body: recordBodies ? body : Buffer.alloc(0),
					params: recordBodies ? params : [],
					status: 0,
					response: Buffer.alloc(0),
				};
				log.push(record);

				const answer = (status: number, bytes: Buffer, contentType: string, cut = false) => {
					const send = () => {
						record.status = status;
						if (recordBodies) record.response = bytes;
						if (cut) {
							res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length });
							res.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
							setTimeout(() => res.socket?.destroy(), 5);
							return;
						}
						res.writeHead(status, { 'content-type': contentType, 'content-length': bytes.length });
						res.end(bytes);
					};
					const wait = latencyMs + (fault?.type === 'delay' ? fault.ms ?? 0 : 0);
					if (wait > 0) setTimeout(send, wait);
					else send();
				};

				if (fault?.type === 'http500') return answer(500, Buffer.from('Internal Server Error'), 'text/plain');
				if (fault?.type === 'htmlError') return answer(200, Buffer.from(HTML_ERROR_PAGE), 'text/html');

				let result: SimResponse;
				try {
					result = vendor.handle(simReq, {
						noteSpacedCall: (key, minMs) => {
							const now = Date.now();
							const k = `${vendor.id}:${key}`;
							const prev = lastCall.get(k);
							if (prev !== undefined && now - prev < minMs) {
								violations.push({ gateway: vendor.id, key, gapMs: now - prev, minMs });
							}
							lastCall.set(k, now);
						},
						now: () => new Date(),
					});
				} catch (error) {
					return answer(500, Buffer.from(`simulator error: ${(error as Error).message}`), 'text/plain');
				}
				if (fault?.type === 'dropAfterRead') {
					record.status = 0;
					req.socket.destroy();
					return;
				}
				let outCharset = result.charset ?? vendor.responseCharset(path);
				if (fault?.type === 'wrongCharset') outCharset = outCharset === 'utf8' ? 'gbk' : 'utf8';
				const bytes = typeof result.body === 'string' ? encodeText(result.body, outCharset) : result.body;
				answer(result.status ?? 200, bytes, result.contentType ?? 'text/plain', fault?.type === 'truncated');
			});
		};
	}

	for (const id of GATEWAY_IDS) {
		const server = http.createServer(handlerFor(vendors[id]));
		server.keepAliveTimeout = 5_000;
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject);
			server.listen(options.ports?.[id] ?? 0, host, () => resolve());
		});
		servers.push(server);
		urls[id] = `http://${host}:${(server.address() as AddressInfo).port}`;
	}

	// A port that was free a moment ago and has nothing listening now.
	const probe = http.createServer();
	await new Promise<void>((resolve) => probe.listen(0, host, () => resolve()));
	const closedUrl = `http://${host}:${(probe.address() as AddressInfo).port}`;
	await new Promise<void>((resolve) => probe.close(() => resolve()));

	async function push(gateway: GatewayId, kind: 'reply' | 'report', fields: QueuedEvent, target: PushTarget) {
		const vendor = vendors[gateway];
		const spec = vendor.pushRequest?.(kind, fields);
		if (!spec) throw new Error(`${gateway} does not push ${kind}s`);
		const encoded = encodePairs(spec.params, spec.charset);
		const url = new URL(target.url);
		const method = target.method ?? spec.method;
		const inBody = spec.in === 'body' && method === 'POST';
		if (!inBody) url.search = url.search ? `${url.search}&${encoded}` : `?${encoded}`;
		return await new Promise<{ status: number; body: string }>((resolve, reject) => {
			const req = http.request(
				url,
				{
					method,
					headers: inBody
						? { 'content-type': spec.contentType ?? 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(encoded) }
						: {},
				},
				(res) => {
					const chunks: Buffer[] = [];
					res.on('data', (c: Buffer) => chunks.push(c));
					res.on('end', () => resolve({ status: res.statusCode ?? 0, body: decodeBytes(Buffer.concat(chunks), 'utf8') }));
				},
			);
			req.on('error', reject);
			req.end(inBody ? encoded : undefined);
		});
	}

	return {
		urls,
		closedUrl,
		accounts: SIM_ACCOUNTS,
		requests: (gateway) => (gateway ? log.filter((r) => r.gateway === gateway) : [...log]),
		droppedBeforeRead: (gateway) =>
			gateway ? dropped[gateway] ?? 0 : Object.values(dropped).reduce((a, b) => a + b, 0),
		sent: (gateway) => (gateway ? vendors[gateway].sent() : GATEWAY_IDS.flatMap((id) => vendors[id].sent())),
		queueReply: (gateway, reply) => {
			const v = vendors[gateway];
			if (!v.queueReply) throw new Error(`${gateway} has no reply queue`);
			v.queueReply(reply);
		},
		queueReport: (gateway, report) => {
			const v = vendors[gateway];
			if (!v.queueReport) throw new Error(`${gateway} has no report queue`);
			v.queueReport(report);
		},
		queueRaw: (gateway, kind, raw) => {
			const v = vendors[gateway];
			if (!v.queueRaw) throw new Error(`${gateway} has no raw ${kind} queue`);
			v.queueRaw(kind, raw);
		},
		pending: (gateway) => vendors[gateway].pending(),
		fault: (gateway, spec) => {
			(faults[gateway] ??= []).push({ ...spec, seen: 0, used: 0 });
		},
		setLatency: (ms) => {
			latencyMs = ms;
		},
		spacingViolations: (gateway) => (gateway ? violations.filter((v) => v.gateway === gateway) : [...violations]),
		push,
		vendor: (gateway) => vendors[gateway],
		reset: () => {
			log.length = 0;
			violations.length = 0;
			lastCall.clear();
			for (const k of Object.keys(dropped)) delete dropped[k];
			for (const k of Object.keys(faults)) delete faults[k];
			for (const id of GATEWAY_IDS) vendors[id].reset();
		},
		close: async () => {
			await Promise.all(
				servers.map(
					(s) =>
						new Promise<void>((resolve) => {
							s.closeAllConnections();
							s.close(() => resolve());
						}),
				),
			);
		},
	};
}
