/**
 * n8n's request helper (`this.helpers.httpRequest`) as the gateway layer's `HttpClient`, so every
 * request honours n8n's proxy, SSRF and outbound settings, and n8n's errors are sorted into the
 * failures the gateway layer tells apart (nodes/gateway/transport.ts):
 *
 * - The URL goes out as written: n8n and its HTTP library parse it with `new URL`, which leaves
 *   `%XX` escapes and the characters our encoder emits untouched, and add no query of their own.
 * - The body is a Buffer, sent as is; the headers are the transport's. Only the headers the library
 *   would add by default are switched off (`Accept-Encoding`), so the request is the same bytes.
 * - The answer is read as a stream, chunk by chunk, so the part of an answer cut off mid-way is
 *   still there to salvage, and the size cap holds while reading. HTTP error statuses and
 *   redirects come back as answers.
 * - The time limit covers the whole exchange: the library's own timeout covers connecting and
 *   waiting for the head, and a wait through n8n's `sleep` aborts the request when the limit is
 *   reached while the body is still arriving.
 * - Whether the request went out is read from the Node request object in n8n's error (`wentOut`).
 *   A request that did not go out whole cannot have been acted on: `connect`.
 */
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { HttpFailure } from '../gateways/kit/http';
import type { HttpAnswer, HttpClient, HttpHeaders, HttpRequest } from '../gateways/kit/http';

/** The part of an n8n context's helpers this needs (execute, poll, webhook and hook contexts have it). */
export interface RequestHelper {
	httpRequest(options: IHttpRequestOptions): Promise<unknown>;
}

/** What n8n's errors carry: the library's error code, its cause, and the Node request it made. */
interface RequestError {
	name?: string;
	message?: string;
	code?: unknown;
	cause?: { code?: unknown; message?: unknown };
	isAxiosError?: boolean;
	request?: { writableFinished?: boolean; socket?: { encrypted?: boolean; alpnProtocol?: unknown } | null } | null;
}

interface FullResponse {
	statusCode: number;
	headers: unknown;
	body: unknown;
}

function codeOf(error: RequestError): string | null {
	if (typeof error.code === 'string') return error.code;
	return typeof error.cause?.code === 'string' ? error.cause.code : null;
}

function messageOf(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** Response headers as a plain object, names in lower case. */
function plainHeaders(headers: unknown): HttpHeaders {
	const source = (headers as { toJSON?: () => unknown } | null)?.toJSON?.() ?? headers ?? {};
	const out: HttpHeaders = {};
	for (const [name, value] of Object.entries(source as Record<string, unknown>)) {
		if (typeof value === 'string') out[name.toLowerCase()] = value;
		else if (Array.isArray(value)) out[name.toLowerCase()] = value.map(String);
		else if (typeof value === 'number') out[name.toLowerCase()] = String(value);
	}
	return out;
}

/**
 * Did the whole request leave? Node's request object says so in `writableFinished`. Over TLS a
 * failed handshake also ends the write (with an error), so there the TLS session must exist too:
 * a TLS socket's `alpnProtocol` stays null until the handshake completes (then a name or false).
 */
function wentOut(request: RequestError['request']): boolean {
	if (request?.writableFinished !== true) return false;
	const socket = request.socket;
	return !(socket?.encrypted === true && socket.alpnProtocol === null);
}

/** n8n's error for a request that got no answer, as the failure the gateway layer knows. */
function requestFailure(thrown: unknown, expired: boolean): HttpFailure {
	const error = (thrown ?? {}) as RequestError;
	const code = codeOf(error);
	const message = messageOf(thrown);
	const sent = wentOut(error.request);
	const timedOut = expired || (error.isAxiosError === true && code === 'ECONNABORTED');
	if (!sent) return new HttpFailure('connect', message, { code, timedOut });
	if (timedOut) return new HttpFailure('timeout', message, { code });
	return new HttpFailure('reset', message, { code });
}

function isReadable(body: unknown): body is AsyncIterable<unknown> & { destroy?: () => void } {
	return typeof body === 'object' && body !== null && Symbol.asyncIterator in body;
}

async function readBody(response: FullResponse, request: HttpRequest, expired: () => boolean): Promise<HttpAnswer> {
	const head = { status: response.statusCode, headers: plainHeaders(response.headers) };
	const { body } = response;
	if (Buffer.isBuffer(body)) return { ...head, body };
	if (!isReadable(body)) return { ...head, body: Buffer.from(typeof body === 'string' ? body : '', 'latin1') };
	const announced = Number(head.headers['content-length']);
	if (Number.isFinite(announced) && announced > request.maxBodyBytes) {
		body.destroy?.();
		throw new HttpFailure('tooLarge', `answer of ${announced} bytes`, { partial: { ...head, body: Buffer.alloc(0) } });
	}
	const chunks: Buffer[] = [];
	let size = 0;
	let tooLarge = false;
	let broke: unknown = null;
	try {
		for await (const chunk of body) {
			const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array);
			if (size + bytes.length > request.maxBodyBytes) {
				// Keep what fits (bounded memory): a fetch keeps the complete records in it.
				chunks.push(bytes.subarray(0, request.maxBodyBytes - size));
				size = request.maxBodyBytes;
				tooLarge = true;
				break;
			}
			chunks.push(bytes);
			size += bytes.length;
		}
	} catch (error) {
		broke = error;
	}
	const partial = { ...head, body: Buffer.concat(chunks) };
	if (tooLarge) throw new HttpFailure('tooLarge', `answer over ${request.maxBodyBytes} bytes`, { partial });
	if (broke !== null) {
		const error = broke as RequestError;
		if (expired()) throw new HttpFailure('timeout', messageOf(broke), { code: codeOf(error), partial });
		throw new HttpFailure('cut', messageOf(broke), { code: codeOf(error), partial });
	}
	return partial;
}

/** The HttpClient of an n8n context: `httpClientFrom(this.helpers)`. */
export function httpClientFrom(helpers: RequestHelper): HttpClient {
	return async (request) => {
		// `cancel` stops the request when the time is up; `finished` ends that wait once done.
		const cancel = new AbortController();
		const finished = new AbortController();
		let expired = false;
		void sleep(request.timeoutMs, finished.signal).then(
			() => {
				expired = true;
				cancel.abort();
			},
			() => undefined,
		);
		try {
			return await exchange(helpers, request, cancel.signal, () => expired);
		} finally {
			finished.abort();
		}
	};
}

async function exchange(helpers: RequestHelper, request: HttpRequest, signal: AbortSignal, expired: () => boolean): Promise<HttpAnswer> {
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url,
		// `false` keeps the library from adding its default Accept-Encoding: the gateway answers in
		// plain bytes, as it always did, and a cut answer is cut in those bytes.
		headers: { ...request.headers, 'accept-encoding': false } as IDataObject,
		...(request.body ? { body: request.body } : {}),
		encoding: 'stream',
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		disableFollowRedirect: true,
		timeout: request.timeoutMs,
		abortSignal: signal,
	};
	let response: FullResponse | null = null;
	let failed: unknown = null;
	try {
		response = (await helpers.httpRequest(options)) as FullResponse;
	} catch (error) {
		failed = error;
	}
	if (!response) throw requestFailure(failed, expired());
	return await readBody(response, request, expired);
}

/** The only HTTP a credential test gets from n8n (ICredentialTestFunctions: `helpers.request`). */
export interface LegacyRequestHelper {
	request(options: object): Promise<unknown>;
}

/** Network codes that come only from looking up the host or opening the connection. */
const NOT_CONNECTED = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'EADDRNOTAVAIL']);

/**
 * The HttpClient of a credential test. n8n (2.41) gives credential tests no `httpRequest`, only
 * its older `request` helper, which runs on the same library but takes older options and strips
 * the request object from its errors: whether a request went out is read from the error code
 * alone, and a failure that does not prove it stayed home counts as possibly sent. The body is
 * read whole (a balance answer is short), so a cut answer keeps no bytes.
 */
export function httpClientFromLegacy(helpers: LegacyRequestHelper): HttpClient {
	return async (request) => {
		let response: FullResponse | null = null;
		let failed: unknown = null;
		try {
			response = (await helpers.request({
				uri: request.url,
				method: request.method,
				headers: { ...request.headers, 'accept-encoding': false },
				...(request.body ? { body: request.body } : {}),
				encoding: null,
				json: false,
				resolveWithFullResponse: true,
				simple: false,
				followRedirect: false,
				timeout: request.timeoutMs,
			})) as FullResponse;
		} catch (error) {
			failed = error;
		}
		if (!response) {
			const error = (failed ?? {}) as RequestError;
			const code = codeOf(error);
			const message = messageOf(failed);
			if (code !== null && NOT_CONNECTED.has(code)) throw new HttpFailure('connect', message, { code });
			if (code === 'ECONNABORTED' || code === 'ETIMEDOUT') throw new HttpFailure('timeout', message, { code });
			throw new HttpFailure('reset', message, { code });
		}
		return await readBody(response, request, () => false);
	};
}
