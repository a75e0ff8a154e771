/**
 * 112088 Enterprise SMS (企业短信通, 112088.net), seed 002. GET requests with `us_name`/`us_pwd`;
 * answers are bare codes (`-7`, `-3|禁发词`) or pipe-delimited text in the gateway charset
 * (undocumented: GBK by default, UTF-8 by credential setting).
 */
import { formatChinaTime } from '../kit/chinaTime';
import { GatewayError, InputError, unexpectedResponse } from '../kit/errors';
import { flagMismatch } from '../kit/charsetMismatch';
import { defineAdapter } from '../kit/adapter';
import { gatewayDisplayName } from '../kit/declaration';
import { sms112088Declaration } from './declaration';
import type { CharsetMismatch } from '../kit/model';
import { salvageFetch } from '../kit/salvage';
import type { GatewayContext } from '../kit/adapter';
import type { BalanceResult, DeliveryReport, DeliveryStatus, FetchPage, InboundReply, RecipientOutcome, SendOutcome, SendRequest } from '../kit/model';
import { text, gbkUnlessUtf8 } from '../kit/credentialValues';
import {
	SMS112088_BALANCE_ERRORS,
	SMS112088_FETCH_ERRORS,
	SMS112088_SEND_ERRORS,
	SMS112088_UNKNOWN_REASON,
	type Sms112088Code,
} from './errors';

export const SMS112088_DISPLAY_NAME = gatewayDisplayName(sms112088Declaration);
const DEFAULT_BASE_URL = 'http://www.112088.net:8088';
export const SMS112088_PATHS = {
	send: '/sendsms_txt.asp',
	reports: '/get_report_txt.asp',
	replies: '/get_receive_message_txt.asp',
	balance: '/Get_Account_Balance.asp',
} as const;

const REPORT_PAGE = 100; // seed 002 §1.1.2: "最大返回 100 条"
const REPLY_PAGE = 50; // seed 002 §1.1.3: "最大返回 50 条"
/** The credential setting that picks the charset (its display name), named in charset advice. */
const CHARSET_SETTING = 'Charset';

/** An answer, trimmed, with the charset mismatch suspected in it (for clear errors and flagged events). */
interface Answer {
	body: string;
	mismatch: CharsetMismatch | null;
}

function unexpected(what: string, answer: Answer) {
	return unexpectedResponse(SMS112088_DISPLAY_NAME, what, answer.body, [], answer.mismatch);
}

async function call(ctx: GatewayContext, path: string, params: Array<[string, string]>, retryOnConnectError = false): Promise<Answer> {
	const c = ctx.credentials;
	const name = text(c.username).trim();
	const password = text(c.password);
	if (!name || !password) throw new InputError(`${SMS112088_DISPLAY_NAME}: the credentials need a user name and a password`);
	const res = await ctx.transport.request({
		method: 'GET',
		baseUrl: text(c.baseUrl).trim() || DEFAULT_BASE_URL,
		path,
		query: [['us_name', name], ['us_pwd', password], ...params],
		charset: gbkUnlessUtf8(c),
		charsetSetting: CHARSET_SETTING,
		secrets: [password],
		retryOnConnectError,
	});
	return { body: res.text.replace(/^\uFEFF/, '').trim(), mismatch: res.charsetMismatch };
}

/** A refusal: a negative code alone, or with a detail after one `|` (`-3|禁发词`). */
function refusalIn(body: string, table: Record<string, Sms112088Code>): GatewayError | null {
	const m = /^(-\d+)(?:\|([\s\S]*))?$/.exec(body);
	if (!m) return null;
	const known = table[m[1]];
	const detail = (m[2] ?? '').trim();
	let reason = known?.reason ?? SMS112088_UNKNOWN_REASON;
	if (detail && m[1] === '-3' && table === SMS112088_SEND_ERRORS) reason += ` ("${detail}")`;
	return new GatewayError(SMS112088_DISPLAY_NAME, m[1], reason, known ? `${body} (${known.vendorText})` : body);
}

/** What the gateway counts as a wrong-length number ("一般为号码长度不对等"): no mobile, no fixed line. */
function plausibleNumber(number: string): boolean {
	return /^(1\d{10}|0\d{9,11})$/.test(number);
}

/**
 * seed 002 §1.1.1: `0|a|b|d` — a numbers accepted, b failed, d the SMSIDs, one per accepted
 * number ("SMSID 的个数是本次提交成功的号码数"). The report example shares one id between two
 * numbers, so d is the batch id, repeated per number; ids are matched to numbers only when the
 * counts leave no doubt which numbers were accepted (all of them, none of them, or exactly the
 * wrong-length ones failed), in request order. Otherwise every number counts as accepted with no
 * id: the request went through, and calling numbers "refused" could make a user send twice.
 */
function outcomeOf(numbers: string[], accepted: number, failed: number, ids: string[]): RecipientOutcome[] {
	const refused = `${SMS112088_DISPLAY_NAME}: the gateway did not accept this number (wrong length or not a valid number)`;
	let ok: boolean[];
	if (accepted === numbers.length && failed === 0) ok = numbers.map(() => true);
	else if (accepted === 0) ok = numbers.map(() => false);
	else {
		const plausible = numbers.map(plausibleNumber);
		const clear = accepted + failed === numbers.length && plausible.filter((p) => !p).length === failed;
		if (!clear) return numbers.map((recipient) => ({ recipient, success: true, messageId: null }));
		ok = plausible;
	}
	const mapIds = ids.length === ok.filter(Boolean).length;
	let next = 0;
	return numbers.map((recipient, i) =>
		ok[i]
			? { recipient, success: true, messageId: mapIds ? ids[next++] : null }
			: { recipient, success: false, messageId: null, error: refused },
	);
}

async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const params: Array<[string, string]> = [
		['send_phone', request.recipients.join(',')],
		['send_content', request.message],
	];
	// seed 002 §1.1.1: send_time is 14 digits, China time.
	if (request.sendAt) params.push(['send_time', formatChinaTime(request.sendAt, 'yyyyMMddHHmmss')]);
	const answer = await call(ctx, SMS112088_PATHS.send, params);
	const refusal = refusalIn(answer.body, SMS112088_SEND_ERRORS);
	if (refusal) throw refusal;
	const m = /^0\|\s*(\d+)\s*\|\s*(\d+)\s*(?:\|([\s\S]*))?$/.exec(answer.body);
	if (!m) throw unexpected('send', answer);
	const ids = (m[3] ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id.length > 0);
	return {
		recipients: outcomeOf(request.recipients, Number(m[1]), Number(m[2]), ids),
		messageIds: [...new Set(ids)],
		raw: { code: '0', accepted: Number(m[1]), failed: Number(m[2]), smsIds: ids },
	};
}

async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	const answer = await call(ctx, SMS112088_PATHS.balance, [], true);
	const body = answer.body;
	const refusal = refusalIn(body, SMS112088_BALANCE_ERRORS);
	if (refusal) throw refusal;
	// seed 002 §1.1.4: "0" is a zero balance ("当前可用条数为 0"), counted in messages.
	if (!/^\d+(\.\d+)?$/.test(body)) throw unexpected('the balance query', answer);
	return { balance: Number(body), unit: 'messages', products: null, raw: { balance: body } };
}

/** A fetch answer: `0` (nothing pending), a refusal, or `count|record|record…`. */
/** A cut-off `count|record|…` answer: the records followed by `|` arrived whole, the last did not. */
function cutOffList(text: string): { count: number; pieces: string[]; rest: string } | null {
	const m = /^\s*(\d+)\s*\|([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
	if (!m) return null;
	const pieces = m[2].split('|');
	return { count: Number(m[1]), pieces: pieces.slice(0, -1), rest: pieces[pieces.length - 1] };
}

function cutOffNote(count: number, whole: number, what: string): string {
	return `the answer announced ${count} ${what}, ${Math.max(0, count - whole)} of them did not arrive whole`;
}

interface List {
	count: number;
	pieces: string[];
	mismatch: CharsetMismatch | null;
}

async function fetchList(ctx: GatewayContext, path: string, what: string): Promise<List | null> {
	const answer = await call(ctx, path, []);
	const body = answer.body;
	const refusal = refusalIn(body, SMS112088_FETCH_ERRORS);
	if (refusal) throw refusal;
	if (/^0+$/.test(body)) return null;
	const m = /^(\d+)\s*\|([\s\S]*)$/.exec(body);
	if (!m) throw unexpected(what, answer);
	// No trailing `|` is documented: a last empty piece is part of a reply text ending in `|`.
	return { count: Number(m[1]), pieces: m[2].split('|'), mismatch: answer.mismatch };
}

const REPORT_STATUS: Record<string, DeliveryStatus> = { '10': 'delivered', '20': 'failed', '-1': 'unknown' };
/** seed 002 §1.1.2: 批次编号;号码;状态 (a `,` is accepted too, as in the reply example). */
const REPORT_RECORD = /^\s*([^;,\s]+)\s*[;,]\s*(\+?\d+)\s*[;,]\s*(-?\d+)\s*$/;

function reportEvent(record: string): DeliveryReport {
	const m = REPORT_RECORD.exec(record);
	const base = { type: 'report' as const, extno: null, linkId: null, reportedAt: null };
	if (!m) {
		return { ...base, messageId: null, mobile: null, status: 'unknown', vendorStatus: null, raw: { record }, parseError: 'not in the documented "id;number;status" shape' };
	}
	return {
		...base,
		messageId: m[1],
		mobile: m[2],
		status: REPORT_STATUS[m[3]] ?? 'unknown',
		vendorStatus: m[3],
		raw: { smsId: m[1], mobile: m[2], status: m[3] },
	};
}

async function fetchReports(ctx: GatewayContext): Promise<FetchPage<DeliveryReport>> {
	let list: Awaited<ReturnType<typeof fetchList>>;
	try {
		list = await fetchList(ctx, SMS112088_PATHS.reports, 'the report fetch');
	} catch (error) {
		return salvageFetch(error, 'reports', (text, mismatch) => {
			const cut = cutOffList(text);
			if (!cut) return { events: [] as DeliveryReport[], rest: text };
			const events = cut.pieces.filter((p) => p.trim() !== '').map((p) => flagMismatch(reportEvent(p), p, mismatch));
			return { events, rest: cut.rest, note: cutOffNote(cut.count, events.length, 'reports') };
		});
	}
	if (!list) return { events: [], more: false };
	const { mismatch } = list;
	const events = list.pieces.filter((p) => p.trim() !== '').map((p) => flagMismatch(reportEvent(p), p, mismatch));
	return { events, more: Math.max(list.count, events.length) >= REPORT_PAGE };
}

/**
 * seed 002 §1.1.3: 短信编号;号码;内容 per reply, but its example separates id and number with a
 * comma (`133,13798361236;我回复一条`): both are accepted.
 */
const REPLY_START = /^\s*(\d+)\s*[;,]\s*(\+?\d{3,20})\s*[;,]/;

interface ReplyPiece {
	record: string;
	/** Pieces of text joined onto it because the content itself held `|`. */
	joined: number;
	shaped: boolean;
}

/**
 * Split the pieces between `|` into replies. A reply's content may hold `|` and `;`: a piece that
 * does not start like a reply (`id;number;`) continues the one before, unless the leading count
 * says there are more replies than well-formed starts — then such pieces are replies of their own
 * that could not be read. Nothing handed over is dropped.
 */
function groupReplies(count: number, pieces: string[]): ReplyPiece[] {
	const shaped = pieces.map((p) => REPLY_START.test(p));
	const starts = shaped.filter(Boolean).length;
	const firstStart = shaped.indexOf(true);
	const leading = firstStart < 0 ? pieces.length : firstStart;
	const loose = shaped.slice(leading).filter((s) => !s).length;
	const missing = count - starts - leading;
	const looseAreReplies = missing > 0 && missing >= loose;
	const groups: ReplyPiece[] = [];
	pieces.forEach((piece, i) => {
		const current = groups[groups.length - 1];
		if (shaped[i] || i < leading || looseAreReplies || !current) groups.push({ record: piece, joined: 0, shaped: shaped[i] });
		else {
			current.record += `|${piece}`;
			current.joined++;
		}
	});
	return groups;
}

function replyEvent(group: ReplyPiece, mismatch: 'none' | 'more' | 'fewer', count: number, found: number): InboundReply {
	const base = { type: 'reply' as const, receivedAt: null, destination: null, extno: null, linkId: null };
	const m = REPLY_START.exec(group.record);
	if (!m || !group.shaped) {
		return { ...base, id: null, mobile: null, text: null, raw: { record: group.record }, parseError: 'not in the documented "id;number;content" shape' };
	}
	const content = group.record.slice(m[0].length);
	const event: InboundReply = { ...base, id: m[1], mobile: m[2], text: content, raw: { id: m[1], mobile: m[2], content } };
	if (mismatch === 'more' || (mismatch === 'fewer' && group.joined > 0)) {
		event.parseError = `the answer announced ${count} replies but held ${found}; this reply's text may hold "|" and part of another reply`;
		event.raw = { ...event.raw, record: group.record };
	}
	return event;
}

async function fetchReplies(ctx: GatewayContext): Promise<FetchPage<InboundReply>> {
	let list: Awaited<ReturnType<typeof fetchList>>;
	try {
		list = await fetchList(ctx, SMS112088_PATHS.replies, 'the reply fetch');
	} catch (error) {
		return salvageFetch(error, 'replies', (text, mismatch) => {
			const cut = cutOffList(text);
			if (!cut) return { events: [] as InboundReply[], rest: text };
			// Counted by well-formed starts: a piece that is no start continues a text holding `|`.
			const groups = groupReplies(cut.pieces.filter((p) => REPLY_START.test(p)).length, cut.pieces);
			const events = groups.map((g) => flagMismatch(replyEvent(g, 'none', cut.count, groups.length), g.record, mismatch));
			return { events, rest: cut.rest, note: cutOffNote(cut.count, events.length, 'replies') };
		});
	}
	if (!list) return { events: [], more: false };
	const groups = groupReplies(list.count, list.pieces);
	const mismatch = groups.length > list.count ? 'more' : groups.length < list.count ? 'fewer' : 'none';
	const events = groups.map((g) => flagMismatch(replyEvent(g, mismatch, list.count, groups.length), g.record, list.mismatch));
	return { events, more: Math.max(list.count, events.length) >= REPLY_PAGE };
}

function sendProblems(request: Omit<SendRequest, 'recipients'>): string[] {
	const problems: string[] = [];
	// seed 002 §1.1.1 has no sender / sub-number parameter.
	if (request.extno) problems.push(`${SMS112088_DISPLAY_NAME} has no Extension Number parameter`);
	if (request.linkId) problems.push(`${SMS112088_DISPLAY_NAME} has no Link ID`);
	if (request.product) problems.push(`${SMS112088_DISPLAY_NAME} has no Product`);
	return problems;
}

export const sms112088 = defineAdapter(sms112088Declaration, {
	charset: gbkUnlessUtf8,
	sendProblems,
	send,
	getBalance,
	fetchReports,
	fetchReplies,
});
