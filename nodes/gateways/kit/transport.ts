/**
 * The only code that does HTTP. Builds query strings and form bodies percent-encoded in the
 * gateway's charset, decodes answers from bytes (the charset the answer declares, else the
 * gateway's), applies a timeout and a size cap, and reports failures with every secret removed.
 * It never switches charset on a guess: bytes that plainly are in the other charset are read as
 * they are and diagnosed (`charsetMismatch`, see mismatch.ts) so failures and events can say so.
 *
 * It never retries a request that may have reached the gateway. Read-only calls may ask for one
 * retry when the connection could not be made at all (`retryOnConnectError`).
 *
 * Every request gets a connection of its own (no keep-alive): a pooled connection the gateway
 * closed while idle fails with a reset that cannot be told from a reset after the gateway read
 * the request, and would make sends "may have reached" for nothing.
 */
import * as http from 'node:http';
import * as https from 'node:https';

import { charsetFromLabel, decodeBytes, encodePairs } from './charset';
import { TransportError, excerptOf } from './errors';
import type { CutOffAnswer } from './errors';
import { diagnoseCharset } from './charsetMismatch';
import type { CharsetMismatch, CharsetSource } from './charsetMismatch';
import { redact } from './redact';
import type { Charset } from './model';

export interface TransportRequest {
	method: 'GET' | 'POST';
	/** Base URL (scheme, host, port) from the credential, e.g. `http://www.smsadmin.cn`. */
	baseUrl: string;
	/** The endpoint's documented path, e.g. `/smsmarketing/wwwroot/api/post_send/`. */
	path: string;
	/** Query parameters in order, values percent-encoded in `charset`. */
	query?: Array<[string, string]>;
	/** Form body parameters in order (application/x-www-form-urlencoded), in `charset`. */
	form?: Array<[string, string]>;
	charset: Charset;
	/**
	 * Display name of the credential setting that chose `charset` (e.g. `Charset`), for the advice
	 * given when an answer plainly is in another charset. Omit when the gateway's charset is fixed.
	 */
	charsetSetting?: string;
	/** Values to remove from anything reported (passwords, MD5 hashes, signatures). */
	secrets: string[];
	/** Ask for one retry when no connection could be made. Only for calls that change nothing. */
	retryOnConnectError?: boolean;
	timeoutMs?: number;
}

export interface TransportResponse {
	status: number;
	headers: http.IncomingHttpHeaders;
	bytes: Buffer;
	/** The body decoded with `charset`. */
	text: string;
	/** The charset used to decode: the one the answer declared, else the request's. */
	charset: Charset;
	/**
	 * Set when the bytes plainly are in another charset than `charset` (the text stays as read):
	 * for clear errors, and for flagging events read from it (mismatch.ts).
	 */
	charsetMismatch: CharsetMismatch | null;
	/** Redacted URL of the request, for error messages. */
	url: string;
}

export interface Transport {
	/** Display name of the gateway, used in error messages. */
	gateway: string;
	request(req: TransportRequest): Promise<TransportResponse>;
	/** Replace secrets in text (for building `raw` outputs and messages). */
	redact(text: string, secrets: string[]): string;
}

export interface TransportOptions {
	timeoutMs?: number;
	maxBodyBytes?: number;
	/**
	 * Called once per attempt to send a request, before connecting (for counting `requests` in
	 * outputs): a retry after a failed connection counts again; an invalid base URL does not count.
	 */
	onRequest?: () => void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export { redact };

function durationText(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

/**
 * Node's error codes in plain words. n8n replaces any error message containing one of these codes
 * with a generic sentence of its own, which would lose the gateway's name; so the codes stay out.
 */
const NETWORK_WORDS: Record<string, string> = {
	ECONNREFUSED: 'connection refused',
	ECONNRESET: 'connection reset by the other side',
	ECONNABORTED: 'connection aborted',
	ETIMEDOUT: 'timed out',
	ENOTFOUND: 'host name not found',
	EAI_AGAIN: 'host name lookup failed',
	EHOSTUNREACH: 'host unreachable',
	EADDRNOTAVAIL: 'address not available',
	EPIPE: 'connection closed while sending',
};

export function networkWords(error: NodeJS.ErrnoException): string {
	const code = error.code ?? '';
	return NETWORK_WORDS[code] ?? (code || error.message);
}

function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function declaredCharset(headers: http.IncomingHttpHeaders): Charset | null {
	const type = headers['content-type'];
	const match = typeof type === 'string' ? /charset\s*=\s*([^;\s]+)/i.exec(type) : null;
	return charsetFromLabel(match?.[1]);
}

/** An answer read strictly: in the charset it declares, else the request's. Never a guess. */
function readAnswer(bytes: Buffer, headers: http.IncomingHttpHeaders, req: TransportRequest) {
	const declared = declaredCharset(headers);
	const charset = declared ?? req.charset;
	const source: CharsetSource = declared ? { declaredBy: 'Content-Type header' } : req.charsetSetting ? { setting: req.charsetSetting } : 'gateway';
	return { text: decodeBytes(bytes, charset), charset, charsetMismatch: diagnoseCharset(bytes, charset, source, req.secrets) };
}

export function createTransport(gateway: string, options: TransportOptions = {}): Transport {
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

	async function request(req: TransportRequest): Promise<TransportResponse> {
		try {
			return await once(req);
		} catch (error) {
			if (req.retryOnConnectError && error instanceof TransportError && error.failure === 'connect') {
				return await once(req);
			}
			throw error;
		}
	}

	function once(req: TransportRequest): Promise<TransportResponse> {
		const query = req.query?.length ? `?${encodePairs(req.query, req.charset)}` : '';
		const fullUrl = joinUrl(req.baseUrl, req.path) + query;
		const safeUrl = redact(fullUrl, req.secrets);
		const body = req.form ? Buffer.from(encodePairs(req.form, req.charset), 'latin1') : undefined;
		const fail = (
			failure: TransportError['failure'],
			message: string,
			extra: { httpCode?: number; excerpt?: string; mayHaveReached: boolean; partial?: CutOffAnswer | null },
		) =>
			new TransportError({
				gateway,
				failure,
				message: redact(message, req.secrets),
				url: safeUrl,
				httpCode: extra.httpCode,
				excerpt: extra.excerpt === undefined ? null : redact(extra.excerpt, req.secrets),
				mayHaveReached: extra.mayHaveReached,
				partial: extra.partial,
			});

		let url: URL;
		try {
			url = new URL(fullUrl);
		} catch {
			return Promise.reject(fail('connect', `invalid base URL "${req.baseUrl}"`, { mayHaveReached: false }));
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			return Promise.reject(fail('connect', `invalid base URL "${req.baseUrl}": it must start with http:// or https://`, { mayHaveReached: false }));
		}
		const secure = url.protocol === 'https:';
		const client = secure ? https : http;
		const limitMs = req.timeoutMs ?? timeoutMs;
		const headers: http.OutgoingHttpHeaders = { 'user-agent': 'n8n-nodes-cn-sms', accept: '*/*' };
		if (body) {
			const label = req.charset === 'utf8' ? 'UTF-8' : req.charset === 'gbk' ? 'GBK' : 'GB2312';
			headers['content-type'] = `application/x-www-form-urlencoded; charset=${label}`;
			headers['content-length'] = body.length;
		}

		return new Promise<TransportResponse>((resolve, reject) => {
			let connected = false;
			let cutOff: (() => CutOffAnswer | null) | null = null;
			let settled = false;
			const done = (error: TransportError | null, value?: TransportResponse) => {
				if (settled) return;
				settled = true;
				clearTimeout(timer);
				if (error) reject(error);
				else resolve(value as TransportResponse);
			};
			options.onRequest?.();
			const outgoing = client.request(url, { method: req.method, headers, agent: false }, (incoming) => {
				const chunks: Buffer[] = [];
				let size = 0;
				// What arrived of an answer that did not arrive whole, for fetches to salvage (2xx only).
				cutOff = () => {
					const status = incoming.statusCode ?? 0;
					if (size === 0 || status < 200 || status > 299) return null;
					const bytes = Buffer.concat(chunks);
					const announced = Number(incoming.headers['content-length']);
					const { text, charsetMismatch } = readAnswer(bytes, incoming.headers, req);
					return {
						text: redact(text, req.secrets),
						charsetMismatch,
						receivedBytes: bytes.length,
						expectedBytes: Number.isFinite(announced) && incoming.headers['content-length'] !== undefined ? announced : null,
					};
				};
				const broke = (message: string) =>
					done(fail('reset', message, { httpCode: incoming.statusCode, mayHaveReached: true, partial: cutOff?.() ?? null }));
				incoming.on('data', (chunk: Buffer) => {
					if (settled) return;
					if (size + chunk.length > maxBodyBytes) {
						// Keep what fits (bounded memory): a fetch keeps the complete records in it.
						chunks.push(chunk.subarray(0, maxBodyBytes - size));
						size = maxBodyBytes;
						done(fail('tooLarge', `answer larger than ${maxBodyBytes} bytes`, { httpCode: incoming.statusCode, mayHaveReached: true, partial: cutOff?.() ?? null }));
						outgoing.destroy();
						return;
					}
					size += chunk.length;
					chunks.push(chunk);
				});
				incoming.on('aborted', () => broke('the connection broke while the answer was arriving (truncated answer)'));
				incoming.on('error', (error: NodeJS.ErrnoException) => broke(`the connection broke while the answer was arriving (${networkWords(error)})`));
				incoming.on('end', () => {
					if (!incoming.complete) {
						broke('the answer was cut off before it was complete');
						return;
					}
					const bytes = Buffer.concat(chunks);
					const { text, charset, charsetMismatch } = readAnswer(bytes, incoming.headers, req);
					const status = incoming.statusCode ?? 0;
					if (status < 200 || status > 299) {
						// Redact before cutting: a secret cut in half by the excerpt would no longer match.
						const shown = excerptOf(redact(text, req.secrets));
						done(fail('http', `HTTP ${status} from the gateway: "${shown}"`, { httpCode: status, excerpt: shown, mayHaveReached: true }));
						return;
					}
					done(null, { status, headers: incoming.headers, bytes, text, charset, charsetMismatch, url: safeUrl });
				});
				if (Number(incoming.headers['content-length']) > maxBodyBytes) {
					done(fail('tooLarge', `answer larger than ${maxBodyBytes} bytes`, { httpCode: incoming.statusCode, mayHaveReached: true }));
					outgoing.destroy();
				}
			});
			// "Connected" means the request may have been read: after the TLS handshake for https.
			outgoing.on('socket', (socket) => {
				if (!socket.connecting) connected = true;
				socket.once(secure ? 'secureConnect' : 'connect', () => (connected = true));
			});
			outgoing.on('error', (error: NodeJS.ErrnoException) => {
				const code = networkWords(error);
				if (!connected) {
					done(fail('connect', `could not connect to ${url.host} (${code})`, { mayHaveReached: false }));
				} else {
					done(fail('reset', `the connection broke before an answer arrived (${code})`, { mayHaveReached: true }));
				}
			});
			const timer = setTimeout(() => {
				done(
					connected
						? fail('timeout', `no answer within ${durationText(limitMs)}`, { mayHaveReached: true, partial: cutOff?.() ?? null })
						: fail('connect', `could not connect to ${url.host} within ${durationText(limitMs)}`, { mayHaveReached: false }),
				);
				outgoing.destroy();
			}, limitMs);
			if (body) outgoing.end(body);
			else outgoing.end();
		});
	}

	return { gateway, request, redact };
}
