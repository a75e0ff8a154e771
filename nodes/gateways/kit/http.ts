/**
 * The HTTP seam of the gateway layer: one exchange as it must go on the wire, the answer, and how
 * an exchange failed. The nodes hand n8n's request helper in through it (nodes/n8n/httpClient.ts);
 * tests may hand anything.
 */
/** Header names in lower case, as HTTP clients hand them over. */
export type HttpHeaders = Record<string, string | string[] | undefined>;

/** One HTTP exchange, exactly as it must go on the wire. */
export interface HttpRequest {
	method: 'GET' | 'POST';
	/** Absolute URL. Its query string holds the exact bytes to send, percent-encoded: send it as is. */
	url: string;
	headers: Record<string, string>;
	/** The body byte for byte (form bodies are already percent-encoded in the gateway's charset). */
	body?: Buffer;
	/** The whole exchange, connecting included, ends within this; past it the request is abandoned. */
	timeoutMs: number;
	/** Stop reading an answer longer than this (failure `tooLarge`, keeping what fits). */
	maxBodyBytes: number;
}

/** An answer as it arrived, whatever its status (HTTP error statuses are answers, not failures). */
export interface HttpAnswer {
	status: number;
	headers: HttpHeaders;
	body: Buffer;
}

/**
 * How an exchange failed, from the one question that matters for retrying: could the gateway have
 * received the whole request?
 * - `connect`: certainly not: no connection, no TLS session, or the request never left whole.
 * - `reset`: the connection broke after the request went out, before an answer began.
 * - `timeout`: the time ran out after the request went out (possibly while the answer arrived).
 * - `cut`: the answer began and broke off before it was complete.
 * - `tooLarge`: the answer is longer than `maxBodyBytes`.
 * Only `connect` means the gateway cannot have acted.
 */
export type HttpFailureKind = 'connect' | 'reset' | 'timeout' | 'cut' | 'tooLarge';

/** What an `HttpClient` throws when an exchange fails. */
export class HttpFailure extends Error {
	readonly kind: HttpFailureKind;
	/** The network error code (`ECONNREFUSED`, `ENOTFOUND`, …) where there is one. */
	readonly code: string | null;
	/** `connect` only: the time ran out before the request could go out. */
	readonly timedOut: boolean;
	/** What arrived of the answer before the failure (its status, headers and bytes), if anything. */
	readonly partial: HttpAnswer | null;

	constructor(kind: HttpFailureKind, message: string, options: { code?: string | null; timedOut?: boolean; partial?: HttpAnswer | null } = {}) {
		super(message);
		this.name = 'HttpFailure';
		this.kind = kind;
		this.code = options.code ?? null;
		this.timedOut = options.timedOut ?? false;
		this.partial = options.partial ?? null;
	}
}

/** Sends one request and resolves with the answer, or rejects with an `HttpFailure`. */
export type HttpClient = (request: HttpRequest) => Promise<HttpAnswer>;

/**
 * Network error codes in plain words. n8n replaces any error message containing one of these codes
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
	ENETUNREACH: 'network unreachable',
	EADDRNOTAVAIL: 'address not available',
	EPIPE: 'connection closed while sending',
};

/** A failure's cause in plain words: the code's words, else what the client said. */
export function networkWords(failure: { code?: string | null; message: string }): string {
	const code = failure.code ?? '';
	return NETWORK_WORDS[code] ?? (failure.message || code);
}
