/**
 * Errors of the gateway layer. The n8n nodes turn them into NodeApiError / NodeOperationError;
 * their messages are already safe to show (secrets removed by the transport).
 */
import type { CharsetMismatch } from './model';
import { redact } from './redact';

/** The gateway answered and refused: `<Gateway>: <plain English reason> (code <code>)`. */
export class GatewayError extends Error {
	readonly gateway: string;
	readonly code: string;
	readonly reason: string;
	readonly vendorMessage: string | null;

	constructor(gateway: string, code: string | number, reason: string, vendorMessage?: string | null) {
		super(`${gateway}: ${reason} (code ${code})`);
		this.name = 'GatewayError';
		this.gateway = gateway;
		this.code = String(code);
		this.reason = reason;
		this.vendorMessage = vendorMessage ?? null;
	}
}

export type TransportFailure =
	/** No connection was made: the request certainly did not reach the gateway. */
	| 'connect'
	/** Connected, but no complete answer in time. */
	| 'timeout'
	/** The connection broke after it was made. */
	| 'reset'
	/** An HTTP status other than 2xx. */
	| 'http'
	/** A 2xx answer whose body cannot be understood (HTML page, truncated, unknown format). */
	| 'unexpected'
	/** The body was larger than the transport accepts. */
	| 'tooLarge';

/** The part of an answer that arrived before it was cut off (or before the size cap stopped it). */
export interface CutOffAnswer {
	/** The bytes that arrived, decoded, secrets removed. */
	text: string;
	receivedBytes: number;
	/** What the answer announced (Content-Length), when it did. */
	expectedBytes: number | null;
	/** Set when the bytes that arrived plainly are in another charset than they were read in. */
	charsetMismatch?: CharsetMismatch | null;
}

/** The exchange with the gateway failed. `mayHaveReached` is true when the gateway may have acted. */
export class TransportError extends Error {
	readonly gateway: string;
	readonly failure: TransportFailure;
	readonly httpCode: number | null;
	readonly excerpt: string | null;
	/** The request URL with every secret replaced by `***`. */
	readonly url: string;
	readonly mayHaveReached: boolean;
	/**
	 * What arrived of an answer that was cut off, so a fetch can keep the complete records in it.
	 * Not enumerable: it never travels with the error into outputs or logs.
	 */
	declare readonly partial: CutOffAnswer | null;

	constructor(options: {
		gateway: string;
		failure: TransportFailure;
		message: string;
		url: string;
		httpCode?: number | null;
		excerpt?: string | null;
		mayHaveReached: boolean;
		partial?: CutOffAnswer | null;
	}) {
		super(`${options.gateway}: ${options.message}`);
		this.name = 'TransportError';
		this.gateway = options.gateway;
		this.failure = options.failure;
		this.httpCode = options.httpCode ?? null;
		this.excerpt = options.excerpt ?? null;
		this.url = options.url;
		this.mayHaveReached = options.mayHaveReached;
		Object.defineProperty(this, 'partial', { value: options.partial ?? null, enumerable: false });
	}
}

/** Bad input, found before anything is sent. `itemIndex` names the n8n item where known. */
export class InputError extends Error {
	readonly itemIndex: number | null;

	constructor(message: string, itemIndex?: number | null) {
		super(message);
		this.name = 'InputError';
		this.itemIndex = itemIndex ?? null;
	}
}


/** A short, single-line excerpt of a body for error messages. */
export function excerptOf(text: string, max = 200): string {
	const oneLine = text.replace(/\s+/g, ' ').trim();
	return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

/**
 * For a response the adapter does not recognise: a clear error quoting a short excerpt. Pass the
 * request's `secrets` when the answer may echo them (they are removed before the excerpt is cut),
 * and the response's `charsetMismatch`: when one is suspected the error says so and what to do.
 */
export function unexpectedResponse(
	gateway: string,
	what: string,
	body: string,
	secrets: string[] = [],
	mismatch: Pick<CharsetMismatch, 'note'> | null = null,
): TransportError {
	const excerpt = excerptOf(redact(body, secrets));
	const diagnosis = mismatch ? `. ${mismatch.note.charAt(0).toUpperCase()}${mismatch.note.slice(1)}.` : '';
	return new TransportError({
		gateway,
		failure: 'unexpected',
		message: `unexpected response to ${what}: "${excerpt}"${diagnosis}`,
		url: '',
		excerpt,
		mayHaveReached: true,
	});
}
