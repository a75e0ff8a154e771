/**
 * Keeping what a cut-off fetch answer held. The fetch-once endpoints hand each event out once, so
 * when an answer breaks off (the connection cut mid-answer, the size cap, a timeout mid-body) the
 * complete records in the part that arrived are returned as events, and the incomplete rest is
 * named, raw, in the error reported beside them. Nothing that arrived is dropped.
 */
import { TransportError } from './errors';
import type { CharsetMismatch } from './model';
import type { FetchPage } from './model';

/** What a reader made of the part that arrived. */
export interface SalvagedPart<T> {
	/** Events of the records that arrived whole. */
	events: T[];
	/** The incomplete rest, raw ('' when the cut fell between records). */
	rest: string;
	/** What else is known of what did not arrive (e.g. the count the answer announced). */
	note?: string;
}

/** Longest raw rest quoted in the error; a record is far shorter. */
const MAX_REST_CHARS = 2000;

/**
 * The page for a fetch call that failed with `error`: the complete records of a cut-off answer and
 * the failure beside them. Rethrows `error` when nothing of an answer arrived. `read` gets the
 * part's charset mismatch, if one is suspected, to flag its events (mismatch.ts `flagMismatch`).
 */
export function salvageFetch<T>(
	error: unknown,
	what: string,
	read: (text: string, mismatch: CharsetMismatch | null) => SalvagedPart<T>,
): FetchPage<T> {
	if (!(error instanceof TransportError) || !error.partial) throw error;
	const { text, receivedBytes, expectedBytes } = error.partial;
	const mismatch = error.partial.charsetMismatch ?? null;
	const part = read(text, mismatch);
	const rest = part.rest.trim();
	const shown = rest.length > MAX_REST_CHARS ? `${rest.slice(0, MAX_REST_CHARS)}…` : rest;
	const size = expectedBytes === null ? `${receivedBytes} bytes` : `${receivedBytes} of ${expectedBytes} bytes`;
	const restBytes = mismatch && rest ? mismatch.bytesOf(rest) : null;
	const sentences = [
		`The answer broke off after ${size}: the ${part.events.length} complete ${what} in it are kept`,
		rest ? `the incomplete rest, raw: "${shown}"${restBytes && restBytes.length <= MAX_REST_CHARS ? ` (its bytes, base64: ${restBytes})` : ''}` : 'no incomplete record arrived',
		...(part.note ? [part.note] : []),
		...(mismatch ? [mismatch.note] : []),
		'whatever the missing part held cannot be fetched again',
	];
	const own = error.message.startsWith(`${error.gateway}: `) ? error.message.slice(error.gateway.length + 2) : error.message;
	const salvaged = new TransportError({
		gateway: error.gateway,
		failure: error.failure,
		message: `${own}. ${sentences.join('; ')}`,
		url: error.url,
		httpCode: error.httpCode,
		excerpt: error.excerpt,
		mayHaveReached: true,
	});
	return { events: part.events, more: true, error: salvaged };
}

/** Lines ended by `\n` (the complete ones) and the unterminated rest. */
export function completeLines(text: string): { lines: string[]; rest: string } {
	const body = text.replace(/^\uFEFF/, '');
	const end = body.lastIndexOf('\n');
	if (end < 0) return { lines: [], rest: body };
	const lines = body
		.slice(0, end)
		.split('\n')
		.map((l) => l.replace(/\r$/, ''))
		.filter((l) => l.trim().length > 0);
	return { lines, rest: body.slice(end + 1) };
}
