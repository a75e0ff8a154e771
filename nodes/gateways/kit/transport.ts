/**
 * Every request of the gateway layer passes here. Builds query strings and form bodies
 * percent-encoded in the gateway's charset, decodes answers from bytes (the charset the answer
 * declares, else the gateway's), caps their size, and reports failures with every secret removed.
 * It never switches charset on a guess: bytes that plainly are in the other charset are read as
 * they are and diagnosed (`charsetMismatch`, see charsetMismatch.ts) so failures and events can say so.
 *
 * The HTTP itself is an injected `HttpClient` (http.ts: n8n's request helper in the nodes, anything in
 * tests): this layer imports nothing of n8n and starts no timer. The client sorts what went wrong
 * into the failures below; from them this layer decides what may be retried: never a request that
 * may have reached the gateway. Read-only calls may ask for one retry when the request certainly
 * did not leave (`retryOnConnectError`).
 */
import { charsetFromLabel, decodeBytes, encodePairs } from './charset';
import { TransportError, excerptOf } from './errors';
import type { CutOffAnswer } from './errors';
import { diagnoseCharset } from './charsetMismatch';
import type { CharsetMismatch, CharsetSource } from './model';
import { redact } from './redact';
import { HttpFailure, networkWords } from './http';
import type { HttpAnswer, HttpClient, HttpHeaders } from './http';
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
	/** Ask for one retry when the request certainly did not leave. Only for calls that change nothing. */
	retryOnConnectError?: boolean;
	timeoutMs?: number;
}

export interface TransportResponse {
	status: number;
	headers: HttpHeaders;
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
	/** Does the HTTP: n8n's request helper in the nodes (nodes/n8n/httpClient.ts). */
	http: HttpClient;
	timeoutMs?: number;
	maxBodyBytes?: number;
	/**
	 * Called once per attempt to send a request, before it is handed to `http` (for counting
	 * `requests` in outputs): a retry after a failed connection counts again; an invalid base URL
	 * does not count.
	 */
	onRequest?: () => void;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

export { redact };

function durationText(ms: number): string {
	return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

function joinUrl(baseUrl: string, path: string): string {
	return `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
}

function headerText(headers: HttpHeaders, name: string): string | undefined {
	const value = headers[name];
	return Array.isArray(value) ? value.join(', ') : value;
}

function declaredCharset(headers: HttpHeaders): Charset | null {
	const type = headerText(headers, 'content-type');
	const match = type === undefined ? null : /charset\s*=\s*([^;\s]+)/i.exec(type);
	return charsetFromLabel(match?.[1]);
}

/** An answer read strictly: in the charset it declares, else the request's. Never a guess. */
function readAnswer(bytes: Buffer, headers: HttpHeaders, req: TransportRequest) {
	const declared = declaredCharset(headers);
	const charset = declared ?? req.charset;
	const source: CharsetSource = declared ? { declaredBy: 'Content-Type header' } : req.charsetSetting ? { setting: req.charsetSetting } : 'gateway';
	return { text: decodeBytes(bytes, charset), charset, charsetMismatch: diagnoseCharset(bytes, charset, source, req.secrets) };
}

/** What arrived of a 2xx answer that did not arrive whole, for fetches to salvage; else null. */
function cutOffAnswer(partial: HttpAnswer | null, req: TransportRequest): CutOffAnswer | null {
	if (!partial || partial.body.length === 0 || partial.status < 200 || partial.status > 299) return null;
	const { text, charsetMismatch } = readAnswer(partial.body, partial.headers, req);
	const announced = headerText(partial.headers, 'content-length');
	const expected = announced === undefined ? NaN : Number(announced);
	return {
		text: redact(text, req.secrets),
		charsetMismatch,
		receivedBytes: partial.body.length,
		expectedBytes: Number.isFinite(expected) ? expected : null,
	};
}

const CHARSET_LABEL: Record<Charset, string> = { utf8: 'UTF-8', gbk: 'GBK', gb2312: 'GB2312' };

export function createTransport(gateway: string, options: TransportOptions): Transport {
	const { http } = options;
	const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
	const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

	async function request(req: TransportRequest): Promise<TransportResponse> {
		const first = await attempt(req);
		if (!(first instanceof TransportError)) return first;
		const again = req.retryOnConnectError === true && first.failure === 'connect';
		const outcome = again ? await attempt(req) : first;
		if (outcome instanceof TransportError) throw outcome;
		return outcome;
	}

	/** One try: the answer, or the failure as a TransportError (returned, so the caller decides). */
	async function attempt(req: TransportRequest): Promise<TransportResponse | TransportError> {
		const query = req.query?.length ? `?${encodePairs(req.query, req.charset)}` : '';
		const fullUrl = joinUrl(req.baseUrl, req.path) + query;
		const safeUrl = redact(fullUrl, req.secrets);
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
			return fail('connect', `invalid base URL "${req.baseUrl}"`, { mayHaveReached: false });
		}
		if (url.protocol !== 'http:' && url.protocol !== 'https:') {
			return fail('connect', `invalid base URL "${req.baseUrl}": it must start with http:// or https://`, { mayHaveReached: false });
		}
		const limitMs = req.timeoutMs ?? timeoutMs;
		// Every request gets a connection of its own: a pooled connection the gateway closed while
		// idle fails with a reset that cannot be told from a reset after the gateway read the request,
		// and would make sends "may have reached" for nothing.
		const headers: Record<string, string> = { 'user-agent': 'n8n-nodes-cn-sms', accept: '*/*', connection: 'close' };
		const body = req.form ? Buffer.from(encodePairs(req.form, req.charset), 'latin1') : undefined;
		if (body) {
			headers['content-type'] = `application/x-www-form-urlencoded; charset=${CHARSET_LABEL[req.charset]}`;
			headers['content-length'] = String(body.length);
		}

		options.onRequest?.();
		let answer: HttpAnswer | null = null;
		let failure: unknown = null;
		try {
			answer = await http({ method: req.method, url: fullUrl, headers, body, timeoutMs: limitMs, maxBodyBytes });
		} catch (error) {
			failure = error;
		}
		if (!answer) return transportFailure(failure, url.host, limitMs);
		if (answer.body.length > maxBodyBytes) {
			const partial = { ...answer, body: answer.body.subarray(0, maxBodyBytes) };
			return fail('tooLarge', `answer larger than ${maxBodyBytes} bytes`, { httpCode: answer.status, mayHaveReached: true, partial: cutOffAnswer(partial, req) });
		}
		const { text, charset, charsetMismatch } = readAnswer(answer.body, answer.headers, req);
		if (answer.status < 200 || answer.status > 299) {
			// Redact before cutting: a secret cut in half by the excerpt would no longer match.
			const shown = excerptOf(redact(text, req.secrets));
			return fail('http', `HTTP ${answer.status} from the gateway: "${shown}"`, { httpCode: answer.status, excerpt: shown, mayHaveReached: true });
		}
		return { status: answer.status, headers: answer.headers, bytes: answer.body, text, charset, charsetMismatch, url: safeUrl };

		function transportFailure(error: unknown, host: string, ms: number): TransportError {
			if (!(error instanceof HttpFailure)) {
				// A client that does not sort its failures: nothing says the request did not go out.
				const said = error instanceof Error ? error.message : String(error);
				return fail('reset', `the request failed (${said})`, { mayHaveReached: true });
			}
			const partial = error.partial;
			const httpCode = partial?.status;
			switch (error.kind) {
				case 'connect':
					return fail('connect', error.timedOut ? `could not connect to ${host} within ${durationText(ms)}` : `could not connect to ${host} (${networkWords(error)})`, {
						mayHaveReached: false,
					});
				case 'reset':
					return fail('reset', `the connection broke before an answer arrived (${networkWords(error)})`, { mayHaveReached: true });
				case 'timeout':
					return fail('timeout', `no answer within ${durationText(ms)}`, { httpCode, mayHaveReached: true, partial: cutOffAnswer(partial, req) });
				case 'cut':
					return fail('reset', 'the connection broke while the answer was arriving (truncated answer)', { httpCode, mayHaveReached: true, partial: cutOffAnswer(partial, req) });
				case 'tooLarge':
					return fail('tooLarge', `answer larger than ${maxBodyBytes} bytes`, { httpCode, mayHaveReached: true, partial: cutOffAnswer(partial, req) });
			}
		}
	}

	return { gateway, request, redact };
}
