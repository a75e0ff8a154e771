/**
 * Input checks of the send operations, run for every item before any request is sent. Each check
 * returns problems in plain English; `check*` collect them and throw one InputError per item whose
 * message names the item (`Item 2: …`, the n8n item index) and every problem found in it.
 * Free of n8n: benchmarks and other nodes can reuse it.
 */
import { describeCharacters, unencodableCharacters } from '../kit/charset';
import { formatChinaTime } from '../kit/chinaTime';
import { InputError } from '../kit/errors';
import { normaliseNumber, parseRecipients } from '../kit/phone';
import { LONG_SMS_PART_CHARS, SINGLE_SMS_CHARS, countSegments, messageLength } from '../kit/segments';
import type { Charset, GatewayAdapter, GatewayId, SendRequest } from '../kit/types';

/** The `options` collection of the send operations (CONTRACT.md), as the node reads it. */
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

/** Options each gateway has besides sendAt and signature; others are ignored (hidden in the UI). */
export const GATEWAY_OPTIONS: Record<GatewayId, Array<'extno' | 'linkId' | 'product' | 'statusReport'>> = {
	chinaSms: ['extno'],
	smsAdmin: ['linkId'],
	sms112088: [],
	sms18: ['extno', 'product', 'statusReport'],
	sms10692: ['extno'],
};

export const MAX_CONCURRENCY = 5;

export interface CheckContext {
	adapter: GatewayAdapter;
	/** Charset on the wire for the credentials in use. */
	charset: Charset;
	now: Date;
	/** IANA zone a `sendAt` without offset is read in (the workflow's time zone). */
	timeZone: string;
}

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

function fail(itemIndex: number, problems: string[]): never {
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

/** Offset of `zone` from UTC at `date`, in ms. */
function zoneOffsetMs(date: Date, zone: string): number {
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(date);
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return asUtc - Math.floor(date.getTime() / 1000) * 1000;
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * A `sendAt` value as a Date: ISO text with or without offset (without: read in `timeZone`),
 * a Date, epoch milliseconds, or a Luxon DateTime (n8n expressions). Null when empty; throws a
 * plain Error with the reason when it is no date.
 */
export function parseSendAt(value: unknown, timeZone: string): Date | null {
	if (value === undefined || value === null || value === '') return null;
	if (value instanceof Date) return assertValid(value, value);
	if (typeof value === 'number') return assertValid(new Date(value), value);
	if (typeof value === 'object' && typeof (value as { toJSDate?: unknown }).toJSDate === 'function') {
		return assertValid((value as { toJSDate: () => Date }).toJSDate(), value);
	}
	const text = String(value).trim();
	const m = DATE_TIME.exec(text);
	if (!m) throw new Error(`"${text}" is no date and time (expected e.g. 2026-12-01T09:30:00)`);
	// Date.UTC would roll month 13 or hour 99 over into another date: refuse them instead.
	const [month, day, hour, minute, second] = [+m[2], +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)];
	const daysInMonth = new Date(Date.UTC(+m[1], month, 0)).getUTCDate();
	if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
		throw new Error(`"${text}" is no valid date and time`);
	}
	if (m[8]) return assertValid(new Date(text.replace(' ', 'T')), text);
	const wall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
	// The offset at the wall time read as UTC is right except within an hour of a DST change;
	// a second pass with the offset at the first guess settles it.
	let guess = wall - zoneOffsetMs(new Date(wall), timeZone);
	guess = wall - zoneOffsetMs(new Date(guess), timeZone);
	return assertValid(new Date(guess), text);
}

function assertValid(date: Date, original: unknown): Date {
	if (Number.isNaN(date.getTime())) throw new Error(`"${String(original)}" is no valid date and time`);
	return date;
}

/** China time of a date as ISO 8601 with `+08:00`. */
export function chinaIso(date: Date): string {
	return `${formatChinaTime(date, 'yyyy-MM-dd HH:mm:ss').replace(' ', 'T')}+08:00`;
}

function sendAtProblems(ctx: CheckContext, raw: unknown): { sendAt?: Date; problems: string[] } {
	let sendAt: Date | null;
	try {
		sendAt = parseSendAt(raw, ctx.timeZone);
	} catch (error) {
		return { problems: [`Send At ${(error as Error).message}`] };
	}
	if (!sendAt) return { problems: [] };
	if (!ctx.adapter.limits.supportsSchedule) {
		return { problems: [`${ctx.adapter.displayName} cannot schedule messages: leave Send At empty`] };
	}
	if (sendAt.getTime() <= ctx.now.getTime()) {
		return {
			problems: [`Send At ${formatChinaTime(sendAt, 'yyyy-MM-dd HH:mm:ss')} China time is in the past (now ${formatChinaTime(ctx.now, 'yyyy-MM-dd HH:mm:ss')})`],
		};
	}
	return { sendAt, problems: [] };
}

function runOptionProblems(ctx: CheckContext, options: SendOptions, documentedMax: number, unit: string): { limit: number; concurrency: number; problems: string[] } {
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

/** The message, request options and grouping key of one item of send / sendBulk. */
function checkMessageAndOptions(ctx: CheckContext, message: string, options: SendOptions): CheckedMessage & { problems: string[] } {
	const final = applySignature(String(message ?? ''), options.signature);
	const problems = messageProblems(ctx, final);
	const when = sendAtProblems(ctx, options.sendAt);
	problems.push(...when.problems);
	const allowed = GATEWAY_OPTIONS[ctx.adapter.id] ?? [];
	const request: Omit<SendRequest, 'recipients'> = { message: final };
	if (when.sendAt) request.sendAt = when.sendAt;
	const text = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());
	if (allowed.includes('extno') && text(options.extno)) request.extno = text(options.extno);
	if (allowed.includes('linkId') && text(options.linkId)) request.linkId = text(options.linkId);
	if (allowed.includes('product') && text(options.product)) request.product = text(options.product);
	if (allowed.includes('statusReport')) request.statusReport = options.statusReport ?? true;
	if (problems.length === 0 && ctx.adapter.validateSend) problems.push(...ctx.adapter.validateSend(request));
	const run = runOptionProblems(ctx, options, ctx.adapter.limits.maxRecipientsPerRequest, 'numbers');
	problems.push(...run.problems);
	const key = JSON.stringify([final, request.sendAt?.getTime() ?? null, request.extno ?? null, request.linkId ?? null, request.product ?? null, request.statusReport ?? null, run.limit]);
	return { request, segments: countSegments(final), key, limit: run.limit, concurrency: run.concurrency, problems };
}

/** `send`: a recipient list and a message. */
export function checkSend(ctx: CheckContext, itemIndex: number, recipientsText: unknown, message: unknown, options: SendOptions): CheckedMessage & { recipients: string[] } {
	const who = textOf(recipientsText, 'Recipients', { list: true });
	const what = textOf(message, 'Message');
	const { numbers, invalid } = parseRecipients(who.text);
	const problems: string[] = [];
	if (who.problem) problems.push(who.problem);
	else if (invalid.length > 0) problems.push(invalidNumbers(invalid));
	else if (numbers.length === 0) problems.push('no recipients: Recipients is empty');
	if (what.problem) fail(itemIndex, [...problems, what.problem]);
	const checked = checkMessageAndOptions(ctx, what.text, options);
	problems.push(...checked.problems);
	if (problems.length > 0) fail(itemIndex, problems);
	return { ...checked, recipients: numbers };
}

function invalidNumbers(invalid: string[]): string {
	const shown = invalid.slice(0, MAX_LISTED_NUMBERS).map((n) => `"${n.length > 40 ? `${n.slice(0, 40)}…` : n}"`);
	const list = invalid.length > MAX_LISTED_NUMBERS ? `${shown.join(', ')} … (${invalid.length} in all)` : shown.join(', ');
	return `invalid phone number${invalid.length > 1 ? 's' : ''} ${list}: expected an 11-digit mainland mobile (a leading +86, 0086 or 86 is removed) or a fixed-line number with area code`;
}

function recipientProblems(text: unknown): { recipient: string | null; problems: string[] } {
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

/** `sendBulk`: one recipient and a message per item. */
export function checkBulkItem(ctx: CheckContext, itemIndex: number, recipient: unknown, message: unknown, options: SendOptions): CheckedMessage & { recipient: string } {
	const who = recipientProblems(recipient);
	const what = textOf(message, 'Message');
	if (what.problem) fail(itemIndex, [...who.problems, what.problem]);
	const checked = checkMessageAndOptions(ctx, what.text, options);
	const problems = [...who.problems, ...checked.problems];
	if (problems.length > 0 || who.recipient === null) fail(itemIndex, problems);
	return { ...checked, recipient: who.recipient };
}

const PLACEHOLDER = /\{value(\d+)\}/g;

/** Placeholder numbers of a template, or problems when they repeat or leave gaps. */
export function templatePlaceholders(template: string): { count: number; problems: string[] } {
	const seen: number[] = [];
	const problems: string[] = [];
	for (const m of template.matchAll(PLACEHOLDER)) {
		const n = Number(m[1]);
		// seed 001 §4: 变量标识符号不能重复 — each placeholder may appear once.
		if (seen.includes(n)) problems.push(`the template uses {value${n}} more than once; each placeholder may appear once`);
		else seen.push(n);
	}
	const count = seen.length === 0 ? 0 : Math.max(...seen) + 1;
	for (let i = 0; i < count; i++) {
		if (!seen.includes(i)) problems.push(`the template has no {value${i}}: placeholders are numbered from {value0} without gaps`);
	}
	return { count, problems };
}

export function fillTemplate(template: string, values: string[]): string {
	return template.replace(PLACEHOLDER, (whole, n: string) => values[Number(n)] ?? whole);
}

/** Values of one item, comma-separated (also the Chinese ，). */
export function splitValues(text: unknown): string[] {
	const raw = String(text ?? '');
	if (!raw.trim()) return [];
	return raw.split(/[,，]/u).map((v) => v.trim());
}

export interface CheckedTemplateItem {
	recipient: string;
	values: string[];
	template: string;
	sendAt?: Date;
	linkId?: string;
	segments: number;
	key: string;
	limit: number;
	concurrency: number;
}

/** `sendTemplate`: template, recipient and comma-separated values per item. */
export function checkTemplateItem(
	ctx: CheckContext,
	itemIndex: number,
	template: unknown,
	recipient: unknown,
	valuesText: unknown,
	options: SendOptions,
): CheckedTemplateItem {
	const who = recipientProblems(recipient);
	const tpl = textOf(template, 'Template');
	const valuesGiven = textOf(valuesText, 'Values', { list: true });
	const typeProblems = [tpl.problem, valuesGiven.problem].filter((p): p is string => p !== undefined);
	if (typeProblems.length > 0) fail(itemIndex, [...who.problems, ...typeProblems]);
	const finalTemplate = applySignature(tpl.text, options.signature);
	const problems = [...who.problems];
	const placeholders = templatePlaceholders(finalTemplate);
	problems.push(...placeholders.problems);
	const values = splitValues(valuesGiven.text);
	if (!finalTemplate.trim()) problems.push('the template is empty');
	else if (values.length !== placeholders.count) {
		problems.push(`Values has ${values.length} value${values.length === 1 ? '' : 's'} but the template has ${placeholders.count} placeholder${placeholders.count === 1 ? '' : 's'} ({value0}…)`);
	}
	// The values travel as `number,v0,v1;number,…` (seed 001 §4): a value cannot hold ; or ,
	const separators = values.filter((v) => v.includes(';') || v.includes('；'));
	if (separators.length > 0) problems.push(`a value cannot contain ";": ${separators.map((v) => `"${v}"`).join(', ')}`);
	const filled = fillTemplate(finalTemplate, values);
	if (finalTemplate.trim() && problems.length === 0) problems.push(...messageProblems(ctx, filled, 'the filled-in message'));
	const when = sendAtProblems(ctx, options.sendAt);
	problems.push(...when.problems);
	const linkId = (GATEWAY_OPTIONS[ctx.adapter.id] ?? []).includes('linkId') && options.linkId ? String(options.linkId).trim() : '';
	if (problems.length === 0 && ctx.adapter.validateSend) {
		problems.push(...ctx.adapter.validateSend({ message: filled, ...(when.sendAt ? { sendAt: when.sendAt } : {}), ...(linkId ? { linkId } : {}) }));
	}
	const documented = ctx.adapter.limits.maxTemplateRowsPerRequest ?? ctx.adapter.limits.maxRecipientsPerRequest;
	const run = runOptionProblems(ctx, options, documented, 'value groups');
	problems.push(...run.problems);
	if (problems.length > 0 || who.recipient === null) fail(itemIndex, problems);
	const key = JSON.stringify([finalTemplate, when.sendAt?.getTime() ?? null, linkId || null, run.limit]);
	return {
		recipient: who.recipient,
		values,
		template: finalTemplate,
		...(when.sendAt ? { sendAt: when.sendAt } : {}),
		...(linkId ? { linkId } : {}),
		segments: countSegments(filled),
		key,
		limit: run.limit,
		concurrency: run.concurrency,
	};
}

/** `checkContent`: the message must not be empty. */
export function checkContentMessage(itemIndex: number, message: unknown): string {
	const given = textOf(message, 'Message');
	if (given.problem) fail(itemIndex, [given.problem]);
	const text = given.text;
	if (!text.trim()) fail(itemIndex, ['the message is empty']);
	return text;
}
