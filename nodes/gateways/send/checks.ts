/**
 * The checks every send operation shares, run for every item before any request is sent: the
 * message (empty, too long, characters the charset cannot carry), Send At, the signature, the
 * gateway's own options, Batch Size and Concurrency, and recipients. Each check returns problems
 * in plain English; `failItem` throws one InputError per item whose message names the item
 * (`Item 2: …`, the n8n item index) and every problem found in it.
 */
import { describeCharacters, unencodableCharacters } from '../kit/charset';
import { InputError } from '../kit/errors';
import { normaliseNumber, parseRecipients } from '../kit/phone';
import type { CheckContext } from './checkContext';
import { sendAtProblems } from './sendAt';
import { LONG_SMS_PART_CHARS, SINGLE_SMS_CHARS, countSegments, messageLength } from '../kit/segments';
import type { Charset, OutgoingMessage, SendRequest } from '../kit/model';

/** The `options` collection of the send operations (README "Options of the send operations"), as the node reads it. */
export interface SendOptions {
	sendAt?: unknown;
	signature?: string;
	extno?: string;
	linkId?: string;
	product?: string;
	statusReport?: boolean;
	batchSize?: number;
	concurrency?: number;
}

export const MAX_CONCURRENCY = 5;

export interface CheckedMessage {
	/** Everything of the send request but the recipients; signature applied. */
	request: Omit<SendRequest, 'recipients'>;
	segments: number;
	/** Items with equal keys may share one request. */
	key: string;
	/** The request limit for this item: documented maximum or the smaller batch size. */
	limit: number;
	concurrency: number;
}

const CHARSET_NAME: Record<Charset, string> = { gbk: 'GBK', gb2312: 'GB2312', utf8: 'UTF-8' };
/**
 * Where a gateway documents no length: a long SMS has at most 255 parts (one-byte part counter in
 * the user data header), so a longer text can never be delivered as one message.
 */
export const MAX_LONG_SMS_CHARS = 255 * LONG_SMS_PART_CHARS;
/** Invalid numbers quoted in an error at most; the rest are counted. */
const MAX_LISTED_NUMBERS = 10;

function kindOf(value: unknown): string {
	if (Array.isArray(value)) return 'a list';
	if (value === null) return 'null';
	return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * A text parameter as text. Expressions can resolve to anything: numbers are written out, empty
 * values are empty; objects, booleans (and lists, unless `list` allows them) are refused, since
 * their text ("[object Object]", "true") would be sent as the message.
 */
export function textOf(value: unknown, label: string, options: { list?: boolean } = {}): { text: string; problem?: string } {
	if (value === undefined || value === null) return { text: '' };
	if (typeof value === 'string') return { text: value };
	if (typeof value === 'number' && Number.isFinite(value)) return { text: String(value) };
	if (options.list && Array.isArray(value) && value.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
		return { text: value.join(',') };
	}
	return { text: '', problem: `${label} must be text, but the expression gave ${kindOf(value)}` };
}
const SIGNATURE = /【[^【】]+】/u;

export function itemLabel(itemIndex: number): string {
	return `Item ${itemIndex}`;
}

export function failItem(itemIndex: number, problems: string[]): never {
	throw new InputError(`${itemLabel(itemIndex)}: ${problems.join('; ')}`, itemIndex);
}

/** `【公司名】` appended unless the message already holds a 【…】 signature. */
export function applySignature(message: string, signature?: string): string {
	const name = (signature ?? '').trim().replace(/^【|】$/g, '');
	if (!name || SIGNATURE.test(message)) return message;
	return `${message}【${name}】`;
}

export function segmentNote(message: string): string {
	const n = countSegments(message);
	return `${n} segment${n === 1 ? '' : 's'}: ${SINGLE_SMS_CHARS} characters for one message, ${LONG_SMS_PART_CHARS} per part beyond`;
}

/** Problems of a final message text: empty, too long, characters the charset cannot carry. */
export function messageProblems(ctx: CheckContext, message: string, what = 'the message'): string[] {
	if (!message.trim()) return [`${what} is empty`];
	const problems: string[] = [];
	const length = messageLength(message);
	const max = ctx.adapter.limits.maxMessageLength;
	if (max !== undefined && length > max) {
		problems.push(`${what} is ${length} characters (${segmentNote(message)}); ${ctx.adapter.displayName} accepts at most ${max}`);
	} else if (max === undefined && length > MAX_LONG_SMS_CHARS) {
		problems.push(`${what} is ${length} characters; an SMS has at most 255 parts, ${MAX_LONG_SMS_CHARS} characters`);
	}
	const bad = unencodableCharacters(message, ctx.charset);
	if (bad.length > 0) {
		problems.push(`${what} holds characters ${CHARSET_NAME[ctx.charset]} cannot carry: ${describeCharacters(bad)}`);
	}
	return problems;
}

export function runOptionProblems(ctx: CheckContext, options: SendOptions, documentedMax: number, unit: string): { limit: number; concurrency: number; problems: string[] } {
	const problems: string[] = [];
	let limit = documentedMax;
	const batchSize = options.batchSize;
	if (batchSize !== undefined && batchSize !== null && batchSize !== 0) {
		if (!Number.isInteger(batchSize) || batchSize < 1) problems.push(`Batch Size must be a whole number of at least 1, got ${batchSize}`);
		else if (batchSize > documentedMax) {
			problems.push(`Batch Size ${batchSize} is above the ${documentedMax} ${unit} per request ${ctx.adapter.displayName} documents`);
		} else limit = batchSize;
	}
	const concurrency = options.concurrency ?? 1;
	if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
		problems.push(`Concurrency must be a whole number from 1 to ${MAX_CONCURRENCY}, got ${concurrency}`);
	}
	return { limit, concurrency, problems };
}

/** What only the gateway refuses in this message to these numbers; asked once the rest is fine. */
export function gatewayProblems(ctx: CheckContext, message: OutgoingMessage, recipients: readonly string[], problems: string[]): string[] {
	return problems.length === 0 && ctx.adapter.sendProblems ? ctx.adapter.sendProblems(message, recipients) : [];
}

/** The message, request options and grouping key of one item of send / sendBulk. */
export function checkMessageAndOptions(ctx: CheckContext, message: string, options: SendOptions): CheckedMessage & { problems: string[] } {
	const final = applySignature(String(message ?? ''), options.signature);
	const problems = messageProblems(ctx, final);
	const when = sendAtProblems(ctx, options.sendAt);
	problems.push(...when.problems);
	const allowed = ctx.adapter.declaration.sendOptions;
	const request: Omit<SendRequest, 'recipients'> = { message: final };
	if (when.sendAt) request.sendAt = when.sendAt;
	const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
	if (allowed.includes('extno') && text(options.extno)) request.extno = text(options.extno);
	if (allowed.includes('linkId') && text(options.linkId)) request.linkId = text(options.linkId);
	if (allowed.includes('product') && text(options.product)) request.product = text(options.product);
	if (allowed.includes('statusReport')) request.statusReport = options.statusReport ?? true;
	const run = runOptionProblems(ctx, options, ctx.adapter.limits.maxRecipientsPerRequest, 'numbers');
	problems.push(...run.problems);
	const key = JSON.stringify([final, request.sendAt?.getTime() ?? null, request.extno ?? null, request.linkId ?? null, request.product ?? null, request.statusReport ?? null, run.limit]);
	return { request, segments: countSegments(final), key, limit: run.limit, concurrency: run.concurrency, problems };
}

export function invalidNumbers(invalid: string[]): string {
	const shown = invalid.slice(0, MAX_LISTED_NUMBERS).map((n) => `"${n.length > 40 ? `${n.slice(0, 40)}…` : n}"`);
	const list = invalid.length > MAX_LISTED_NUMBERS ? `${shown.join(', ')} … (${invalid.length} in all)` : shown.join(', ');
	return `invalid phone number${invalid.length > 1 ? 's' : ''} ${list}: expected an 11-digit mainland mobile (a leading +86, 0086 or 86 is removed) or a fixed-line number with area code`;
}

export function recipientProblems(text: unknown): { recipient: string | null; problems: string[] } {
	const given = textOf(text, 'Recipient');
	if (given.problem) return { recipient: null, problems: [given.problem] };
	const raw = given.text.trim();
	if (!raw) return { recipient: null, problems: ['no recipient: Recipient is empty'] };
	// One number, possibly written with spaces or hyphens inside (`+86 138 0013 8000`).
	const single = normaliseNumber(raw);
	if (single) return { recipient: single.number, problems: [] };
	const { numbers, invalid } = parseRecipients(raw);
	if (invalid.length === 0 && numbers.length > 1) {
		return { recipient: null, problems: [`Recipient holds ${numbers.length} numbers; give one number per item (or use Send for a list)`] };
	}
	return { recipient: null, problems: [invalidNumbers([raw])] };
}

