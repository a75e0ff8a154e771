/**
 * The only code that does HTTP. Builds query strings and form bodies percent-encoded in the
 * gateway's charset, decodes answers from bytes (the charset the answer declares, else the
 * gateway's), applies a timeout and a size cap, and reports failures with every secret removed.
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
import { redact } from './redact';
import type { Charset } from './types';

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

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes without an incomplete UTF-8 sequence at the very end (an answer cut mid-character). */
function withoutCutCharacter(bytes: Buffer): Buffer {
	for (let back = 1; back <= Math.min(3, bytes.length); back++) {
		const b = bytes[bytes.length - back];
		if (b < 0x80) return bytes;
		if (b >= 0xc0) {
			const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
			return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
		}
	}
	return bytes;
}

function isUtf8(bytes: Buffer): boolean {
	try {
		STRICT_UTF8.decode(withoutCutCharacter(bytes));
		return true;
	} catch {
		return false;
	}
}

/** Valid UTF-8 whose every non-ASCII character takes three bytes, as Chinese text in UTF-8 does. */
function looksLikeChineseUtf8(all: Buffer): boolean {
	const bytes = withoutCutCharacter(all);
	let multiByte = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b < 0x80) continue;
		if (b < 0xe0 || b > 0xef) return false;
		multiByte++;
		i += 2;
	}
	return multiByte > 0 && isUtf8(bytes);
}

/**
 * Decode an answer in `charset`, unless the bytes plainly are in the other one: the old gateways
 * document GBK and some answer UTF-8 (and the other way round), which would garble every reply
 * text and can swallow a separator into a GBK character (`好|` in UTF-8 reads as two GBK
 * characters). UTF-8 expected but the bytes are no UTF-8 and read as GBK without a flaw → GBK.
 * GBK expected but the bytes are UTF-8 made of 3-byte characters only → UTF-8: GBK text forms
 * that only when every run of Chinese characters has a length divisible by three and each pair
 * of bytes happens to fit UTF-8's narrow ranges (well under one in a thousand for short texts).
 */
export function decodeAnswerBytes(bytes: Buffer, charset: Charset): { text: string; charset: Charset } {
	if (charset === 'utf8') {
		if (!isUtf8(bytes)) {
			const gbk = decodeBytes(bytes, 'gbk');
			if (!gbk.includes('\uFFFD')) return { text: gbk, charset: 'gbk' };
		}
		return { text: decodeBytes(bytes, 'utf8'), charset };
	}
	if (looksLikeChineseUtf8(bytes)) return { text: decodeBytes(bytes, 'utf8'), charset: 'utf8' };
	return { text: decodeBytes(bytes, charset), charset };
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
					return {
						text: redact(decodeAnswerBytes(bytes, declaredCharset(incoming.headers) ?? req.charset).text, req.secrets),
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
					const decoded = decodeAnswerBytes(bytes, declaredCharset(incoming.headers) ?? req.charset);
					const { text, charset } = decoded;
					const status = incoming.statusCode ?? 0;
					if (status < 200 || status > 299) {
						// Redact before cutting: a secret cut in half by the excerpt would no longer match.
						const shown = excerptOf(redact(text, req.secrets));
						done(fail('http', `HTTP ${status} from the gateway: "${shown}"`, { httpCode: status, excerpt: shown, mayHaveReached: true }));
						return;
					}
					done(null, { status, headers: incoming.headers, bytes, text, charset, url: safeUrl });
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
