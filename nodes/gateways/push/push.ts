/**
 * Pushes: what a gateway sends to a URL of ours when a reply or delivery report arrives. Each
 * vendor's handler (adapters/<id>.push.ts) reads the request from its raw bytes in the vendor's
 * charset, runs the checks the vendor allows, and says what to answer. No n8n here.
 */
import { timingSafeEqual, createHash } from 'node:crypto';

import { charsetFromLabel, decodePairs } from '../kit/charset';
import type { Charset, DeliveryReport, InboundReply } from '../kit/model';

export type PushKind = 'reply' | 'report';

/** A push as it arrived, before anyone decoded it. */
export interface PushRequest {
	method: string;
	/** The query string exactly as in the request line, without `?` (percent-escapes intact). */
	rawQuery: string;
	/** The body byte for byte (empty for GET). */
	body: Buffer;
	contentType?: string | null;
}

/** The user's settings for the checks and the charset (node options: a push carries no credential). */
export interface PushSettings {
	/** Charset to read the push in, instead of the handler's default (china-sms: GBK or UTF-8). */
	charset?: Charset;
	/** smsAdmin: the user id the push's `SmsName` must equal. */
	userId?: string;
	/** sms18: the `receiver` the push must carry. */
	receiver?: string;
	/** sms18: the `pswd` the push must carry. */
	password?: string;
}

/** One part of a long inbound message (sms18 `isems=1`, `emshead=id,total,part`). */
export interface LongMessagePart {
	/** Identifies the whole message: sender, the gateway's id and the part count. */
	key: string;
	id: string;
	total: number;
	number: number;
}

export interface PushedEvent {
	event: InboundReply | DeliveryReport;
	/** Set when the event is one part of a long message still to be joined. */
	part?: LongMessagePart;
}

export type PushOutcome =
	| { status: 'accepted'; events: PushedEvent[] }
	/** A check failed: answer 403, start nothing. The reason names no secret. */
	| { status: 'forbidden'; reason: string }
	/** Not a push this gateway sends: answer 400, start nothing. */
	| { status: 'malformed'; reason: string };

export interface PushAnswer {
	status: number;
	contentType: string;
	body: string;
}

export interface PushHandler {
	/** The kinds of event this gateway pushes. */
	kinds: PushKind[];
	/** Charset the gateway's pushes are in unless the settings say otherwise. */
	charset: Charset;
	/** HTTP methods the gateway is documented (or seen) to push with. */
	methods: Array<'GET' | 'POST'>;
	parse(request: PushRequest, settings: PushSettings): PushOutcome;
	/** What to answer the gateway for each outcome. */
	answer(outcome: PushOutcome['status']): PushAnswer;
}

export function forbidden(reason: string): PushOutcome {
	return { status: 'forbidden', reason };
}

export function malformed(reason: string): PushOutcome {
	return { status: 'malformed', reason };
}

/** A plain answer of status and text. */
export function plainAnswer(status: number, body: string): PushAnswer {
	return { status, contentType: 'text/plain', body };
}

// ---------------------------------------------------------------------------------------------
// Parameters from the raw request

/** The parameters of a push: query string first, then a form body, names trimmed. */
export interface PushParams {
	pairs: Array<[string, string]>;
	/** First value of a parameter, name compared trimmed and case-insensitively. */
	get(name: string): string | undefined;
	/** First value, trimmed; undefined when absent or blank. */
	value(name: string): string | undefined;
	/** Every parameter as `raw`, first value per name, without the named secrets. */
	record(without?: string[]): Record<string, string>;
}

/**
 * Decode the query string and (form) body of a push in the charset, from the raw bytes (the
 * package's one form decoder, charset.ts decodePairs). Names are trimmed: seed 001 §9 shows
 * `& RevertTime=`.
 */
export function pushParams(request: PushRequest, charset: Charset): PushParams {
	const pairs = decodePairs(request.rawQuery, charset);
	if (request.body.length > 0 && isFormBody(request.contentType)) {
		pairs.push(...decodePairs(request.body, charsetFromContentType(request.contentType) ?? charset));
	}
	return paramsFrom(pairs.map(([name, value]) => [name.trim(), value]));
}

function paramsFrom(pairs: Array<[string, string]>): PushParams {
	const find = (name: string) => {
		const wanted = name.toLowerCase();
		return pairs.find(([k]) => k.toLowerCase() === wanted)?.[1];
	};
	return {
		pairs,
		get: find,
		value: (name) => {
			const v = find(name)?.trim();
			return v ? v : undefined;
		},
		record: (without = []) => {
			const skip = new Set(without.map((n) => n.toLowerCase()));
			const out: Record<string, string> = {};
			for (const [k, v] of pairs) {
				if (!skip.has(k.toLowerCase()) && !(k in out)) out[k] = v;
			}
			return out;
		},
	};
}

function mediaType(contentType: string | null | undefined): string {
	return String(contentType ?? '').split(';')[0].trim().toLowerCase();
}

/** Bodies read as form parameters: form-urlencoded, text/plain, or no Content-Type at all. */
export function isFormBody(contentType: string | null | undefined): boolean {
	const type = mediaType(contentType);
	return type === '' || type === 'application/x-www-form-urlencoded' || type === 'text/plain';
}

/** The charset a Content-Type declares, if it is one we read. */
export function charsetFromContentType(contentType: string | null | undefined): Charset | null {
	const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(String(contentType ?? ''));
	return match ? charsetFromLabel(match[2]) : null;
}

// ---------------------------------------------------------------------------------------------
// Checks and mapping

/** Compare a pushed secret with the configured one without leaking where they differ. */
export function constantTimeEqual(given: string, expected: string): boolean {
	const a = createHash('sha256').update(given, 'utf8').digest();
	const b = createHash('sha256').update(expected, 'utf8').digest();
	return timingSafeEqual(a, b) && given.length === expected.length;
}
