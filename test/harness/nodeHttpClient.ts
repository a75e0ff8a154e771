/**
 * An HttpClient on plain node:http/https, doing what the transport did itself before requests went
 * through n8n's request helper: one connection per request, one timer for the whole exchange,
 * "sent" once the connection (and TLS session) is up. For benchmarks side by side with n8n's
 * helper, and for tests that need a client without n8n.
 */
import * as http from 'node:http';
import * as https from 'node:https';

import { HttpFailure } from '../../nodes/gateways/kit/http';
import type { HttpAnswer, HttpClient, HttpHeaders } from '../../nodes/gateways/kit/http';

export function nodeHttpClient(): HttpClient {
	return (request) =>
		new Promise<HttpAnswer>((resolve, reject) => {
			const url = new URL(request.url);
			const secure = url.protocol === 'https:';
			let connected = false;
			let settled = false;
			let head: { status: number; headers: HttpHeaders } | null = null;
			const chunks: Buffer[] = [];
			let size = 0;
			const partial = () => (head ? { ...head, body: Buffer.concat(chunks) } : null);
			const done = (error: HttpFailure | null, answer?: HttpAnswer) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				if (error) reject(error);
				else resolve(answer!);
			};
			const outgoing = (secure ? https : http).request(url, { method: request.method, headers: request.headers, agent: false }, (incoming) => {
				head = { status: incoming.statusCode ?? 0, headers: incoming.headers };
				const cut = (message: string, code?: string) => done(new HttpFailure('cut', message, { code, partial: partial() }));
				if (Number(incoming.headers['content-length']) > request.maxBodyBytes) {
					done(new HttpFailure('tooLarge', 'answer too large', { partial: partial() }));
					outgoing.destroy();
					return;
				}
				incoming.on('data', (chunk: Buffer) => {
					if (settled) return;
					if (size + chunk.length > request.maxBodyBytes) {
						chunks.push(chunk.subarray(0, request.maxBodyBytes - size));
						size = request.maxBodyBytes;
						done(new HttpFailure('tooLarge', 'answer too large', { partial: partial() }));
						outgoing.destroy();
						return;
					}
					size += chunk.length;
					chunks.push(chunk);
				});
				incoming.on('aborted', () => cut('aborted'));
				incoming.on('error', (error: NodeJS.ErrnoException) => cut(error.message, error.code));
				incoming.on('end', () => {
					if (!incoming.complete) cut('incomplete');
					else done(null, partial()!);
				});
			});
			outgoing.on('socket', (socket) => {
				if (!socket.connecting) connected = true;
				socket.once(secure ? 'secureConnect' : 'connect', () => (connected = true));
			});
			outgoing.on('error', (error: NodeJS.ErrnoException) => {
				done(new HttpFailure(connected ? 'reset' : 'connect', error.message, { code: error.code }));
			});
			const timer = setTimeout(() => {
				done(connected ? new HttpFailure('timeout', 'timed out', { partial: partial() }) : new HttpFailure('connect', 'timed out', { timedOut: true }));
				outgoing.destroy();
			}, request.timeoutMs);
			outgoing.end(request.body);
		});
}
