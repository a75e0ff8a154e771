/**
 * SMS10692 (sms10692.com), seed 004. Every call is a form post signed with
 * `md5(account + password + timestamp)`; answers are XML (`<returnsms>`).
 *
 * Charset: send, balance and keyword check go to `/v2sms.aspx` (UTF-8) or `/v2smsGBK.aspx`, which
 * the document calls "GB2312". We send GBK bytes there: the endpoint is named GBK, it is an
 * ASP.NET page, and .NET's "gb2312" encoding is code page 936, i.e. GBK, so characters GBK has
 * beyond GB2312 (镕, 喆, 珺 …) arrive intact. The report and reply queries have one endpoint each
 * and carry only ASCII parameters.
 */
import { signTimestamp } from '../kit/auth';
import { charsetFromLabel, decodeBytes, describeCharacters, unencodableCharacters } from '../kit/charset';
import { formatChinaTime, parseChinaTime } from '../kit/chinaTime';
import { GatewayError, InputError, unexpectedResponse } from '../kit/errors';
import { diagnoseCharset, flagMismatch } from '../kit/charsetMismatch';
import { defineAdapter } from '../kit/adapter';
import { gatewayDisplayName } from '../kit/declaration';
import { sms10692Declaration } from './declaration';
import type { CharsetMismatch } from '../kit/model';
import { salvageFetch } from '../kit/salvage';
import type { TransportResponse } from '../kit/transport';
import { readXml } from '../kit/xmlReader';
import type { XmlElement } from '../kit/xmlReader';
import type { GatewayContext } from '../kit/adapter';
import type { BalanceResult, Charset, ContentCheckResult, DeliveryReport, FetchPage, GatewayCredentials, InboundReply, SendOutcome, SendRequest } from '../kit/model';
import { text } from '../kit/credentialValues';
import { SMS10692_QUERY_ERRORS, SMS10692_UNKNOWN_MESSAGE, sms10692MessageFor } from './errors';

export const SMS10692_DISPLAY_NAME = gatewayDisplayName(sms10692Declaration);
export const SMS10692_PATHS = {
	utf8: '/v2sms.aspx',
	gbk: '/v2smsGBK.aspx',
	reports: '/v2statusApi.aspx',
	replies: '/v2callApi.aspx',
} as const;
const DEFAULT_BASE_URL = 'http://sms10692.com';
/** seed 004 §4.2: statusNum "每次取得号码数", default 4000. We always send it so `more` is exact. */
export const SMS10692_STATUS_NUM = 4000;
/**
 * The document gives no recipient limit. 1000 numbers (about 12 KB of form body) per request
 * keeps a refused batch small and stays far below ASP.NET's default request limits; users can
 * lower it with `batchSize`.
 */
export const SMS10692_MAX_RECIPIENTS = 1000;
const MAX_EXTNO_DIGITS = 10; // seed 004 §1.2: 子号只能为数字，且最多10位数
/** The credential setting that picks the send/balance/keyword endpoint, and with it the charset. */
const CHARSET_SETTING = 'Endpoint Charset';

const NAME = SMS10692_DISPLAY_NAME;

function endpointCharset(credentials: GatewayCredentials): Charset {
	return text(credentials.charset).trim().toLowerCase() === 'gbk' ? 'gbk' : 'utf8';
}

/** An answer as read, and the charset mismatch suspected in it (for clear errors and flagged events). */
interface Answer {
	body: string;
	mismatch: CharsetMismatch | null;
}

/** POST `action` plus the signed login, then `extra`, in the document's order (§1.2 example). */
async function call(
	ctx: GatewayContext,
	endpoint: 'main' | 'reports' | 'replies',
	action: string,
	extra: Array<[string, string]>,
	retryOnConnectError: boolean,
): Promise<Answer> {
	const c = ctx.credentials;
	const account = text(c.account).trim();
	const password = text(c.password);
	const { timestamp, sign } = signTimestamp(account, password, ctx.now());
	const charset = endpoint === 'main' ? endpointCharset(c) : 'utf8';
	const path = endpoint === 'main' ? SMS10692_PATHS[charset === 'gbk' ? 'gbk' : 'utf8'] : SMS10692_PATHS[endpoint];
	const response = await ctx.transport.request({
		method: 'POST',
		baseUrl: text(c.baseUrl).trim() || DEFAULT_BASE_URL,
		path,
		// seed 004 examples write `sign =` with a stray space: the parameter is `sign`.
		form: [['action', action], ['userid', text(c.userId).trim()], ['timestamp', timestamp], ['sign', sign], ...extra],
		charset,
		// Only the send/balance/keyword endpoint is chosen by the credential; the queries are UTF-8.
		...(endpoint === 'main' ? { charsetSetting: CHARSET_SETTING } : {}),
		secrets: [password, sign],
		retryOnConnectError,
	});
	return readAnswer(response, [password, sign]);
}

/** Read in the charset the HTTP header declares, else the XML prolog's, else the request's. */
function readAnswer(response: TransportResponse, secrets: string[]): Answer {
	const fromTransport = { body: response.text, mismatch: response.charsetMismatch };
	if (/charset\s*=/i.test(text(response.headers['content-type']))) return fromTransport;
	const prolog = /^\s*(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(response.bytes.subarray(0, 200).toString('latin1'));
	const declared = charsetFromLabel(prolog?.[1]);
	if (!declared) return fromTransport;
	const body = declared === response.charset ? response.text : decodeBytes(response.bytes, declared);
	return { body, mismatch: diagnoseCharset(response.bytes, declared, { declaredBy: 'XML prolog' }, secrets) };
}

// ---------------------------------------------------------------------------------------------
// XML (xmlReader.ts): no DOCTYPE, no entity expansion, every value a string (ids and numbers keep
// leading zeros).

/** The content of `<returnsms>…</returnsms>` ('' for `<returnsms/>`), or null if the body is not that. */
function returnsmsContent(body: string): string | null {
	// Linear on purpose: a pattern such as /^\s*(…)?\s*</ takes quadratic time on a long run of spaces.
	let rest = body.trimStart();
	if (rest.startsWith('<?xml')) {
		const end = rest.indexOf('?>');
		if (end < 0 || rest.slice(0, end).includes('>')) return null;
		rest = rest.slice(end + 2).trimStart();
	}
	if (!rest.startsWith('<returnsms')) return null;
	rest = rest.slice('<returnsms'.length).trim();
	if (rest === '/>') return '';
	const close = '</returnsms>';
	if (!rest.startsWith('>') || rest.length < 1 + close.length || !rest.endsWith(close)) return null;
	return rest.slice(1, rest.length - close.length);
}

type Fields = Record<string, string>;

/** Field names that would reach an object's prototype: such a box is unreadable. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Leaf elements of one element as strings. Text between elements (the document's own annotations,
 * `-------------对应的手机号码`) is ignored; a repeated or nested element makes it unreadable (null).
 */
function leafFields(xml: string, tag: string): Fields | null {
	let root: XmlElement;
	try {
		root = readXml(xml);
	} catch {
		// Not well-formed, a DOCTYPE, or nested too deep: unreadable, not fatal, so the other boxes
		// of the same answer are still read.
		return null;
	}
	if (root.name !== tag) return null;
	const elements = root.children.filter((child): child is XmlElement => typeof child !== 'string');
	if (elements.length === 0) return root.children.join('').trim() ? null : {};
	const fields: Fields = {};
	for (const element of elements) {
		if (RESERVED_NAMES.has(element.name) || Object.prototype.hasOwnProperty.call(fields, element.name)) return null;
		if (element.children.some((child) => typeof child !== 'string')) return null;
		const value = element.children.join('');
		fields[element.name] = element.name === 'content' ? value : value.trim();
	}
	return fields;
}

function unexpected(what: string, answer: Answer) {
	return unexpectedResponse(NAME, what, answer.body, [], answer.mismatch);
}

function answerFields(answer: Answer, what: string): Fields {
	const inner = returnsmsContent(answer.body);
	const fields = inner === null ? null : leafFields(`<returnsms>${inner}</returnsms>`, 'returnsms');
	if (!fields) throw unexpected(what, answer);
	return fields;
}

/** `Success`, and `Sucess` as the balance answer spells it (§2.3): accepted everywhere. */
function outcomeOf(returnstatus: string | undefined): 'success' | 'failed' | null {
	if (returnstatus === undefined) return null;
	if (/^suc+es+$/i.test(returnstatus)) return 'success';
	if (/^fail(?:d|ed)?$/i.test(returnstatus)) return 'failed';
	return null;
}

function refusal(message: string | undefined): GatewayError {
	const vendorText = text(message).trim();
	const known = sms10692MessageFor(vendorText);
	if (!known) return new GatewayError(NAME, SMS10692_UNKNOWN_MESSAGE.code, SMS10692_UNKNOWN_MESSAGE.reason, vendorText || null);
	const reason = known.detail ? `${known.entry.reason} ("${known.detail}")` : known.entry.reason;
	return new GatewayError(NAME, known.entry.code, reason, vendorText);
}

/** Throws for a refusal; returns the fields of a success. */
function checked(fields: Fields, answer: Answer, what: string): Fields {
	const outcome = outcomeOf(fields.returnstatus);
	if (outcome === 'success') return fields;
	if (outcome === 'failed') throw refusal(fields.message);
	// No (or an unknown) returnstatus: a documented refusal text still counts as one.
	if (fields.message && sms10692MessageFor(fields.message)) throw refusal(fields.message);
	throw unexpected(what, answer);
}

// ---------------------------------------------------------------------------------------------

function sendProblems(request: Omit<SendRequest, 'recipients'>): string[] {
	const problems: string[] = [];
	const extno = request.extno ?? '';
	if (extno && !new RegExp(`^\\d{1,${MAX_EXTNO_DIGITS}}$`).test(extno)) {
		problems.push(`extno "${extno}" must be 1 to ${MAX_EXTNO_DIGITS} digits`);
	}
	return problems;
}

async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const problems = sendProblems(request);
	if (problems.length) throw new InputError(`${NAME}: ${problems.join('; ')}`);
	const count = request.recipients.length;
	if (count < 1 || count > SMS10692_MAX_RECIPIENTS) {
		throw new InputError(`${NAME} takes 1 to ${SMS10692_MAX_RECIPIENTS} numbers per request, not ${count}`);
	}
	const charset = endpointCharset(ctx.credentials);
	const bad = unencodableCharacters(request.message, charset);
	if (bad.length) {
		throw new InputError(`${NAME}: the ${charset === 'gbk' ? 'GBK' : 'UTF-8'} endpoint cannot carry ${describeCharacters(bad)}`);
	}
	const answer = await call(
		ctx,
		'main',
		'send',
		[
			['mobile', request.recipients.join(',')],
			['content', request.message],
			['sendTime', request.sendAt ? formatChinaTime(request.sendAt, 'yyyy-MM-dd HH:mm:ss') : ''],
			['extno', request.extno ?? ''],
		],
		false,
	);
	const fields = checked(answerFields(answer, 'send'), answer, 'send');
	const taskId = fields.taskID || null;
	return {
		recipients: request.recipients.map((recipient) => ({ recipient, success: true, messageId: taskId })),
		messageIds: taskId ? [taskId] : [],
		raw: fields,
	};
}

async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	const answer = await call(ctx, 'main', 'overage', [], true);
	const fields = checked(answerFields(answer, 'the balance query'), answer, 'the balance query');
	const balance = Number(fields.overage);
	if (!fields.overage || !Number.isFinite(balance)) throw unexpected('the balance query', answer);
	return { balance, unit: 'messages', products: null, raw: fields };
}

/**
 * seed 004 §3.3: `包含非法字符` or `没有包含屏蔽词`. The document returns no word list; if the
 * gateway appends the words (`包含非法字符：a,b`, as its send answer does) they are returned.
 */
async function checkContent(ctx: GatewayContext, message: string): Promise<ContentCheckResult> {
	const answer = await call(ctx, 'main', 'checkkeyword', [['content', message]], true);
	const fields = answerFields(answer, 'the keyword check');
	const said = text(fields.message).trim();
	if (outcomeOf(fields.returnstatus) === 'failed') throw refusal(said);
	if (said === '没有包含屏蔽词') return { clean: true, words: [], raw: fields };
	const found = sms10692MessageFor(said);
	if (found?.entry.code === 'illegalWords') {
		const words = found.detail.split(/[,，、;；\s]+/).filter((w) => w.length > 0);
		return { clean: false, words, raw: fields };
	}
	if (found) throw refusal(said);
	throw unexpected('the keyword check', answer);
}

// ---------------------------------------------------------------------------------------------
// Fetch-once queries (§4, §5). Nothing the gateway handed over is dropped: a box that cannot be
// read, or anything else inside <returnsms>, becomes an event with `parseError` and `raw.xml`.

interface Box {
	xml: string;
	fields: Fields | null;
}

function splitBoxes(inner: string, tag: string): { boxes: Box[]; leftover: string[] } {
	const parts = inner.split(new RegExp(`(?=<${tag}[\\s>/])`));
	const leftover: string[] = [];
	const boxes: Box[] = [];
	for (const part of parts) {
		if (!part.startsWith(`<${tag}`)) {
			leftover.push(part);
			continue;
		}
		const close = `</${tag}>`;
		const selfClosing = /^<[^>]*\/>/.exec(part);
		const end = selfClosing ? selfClosing[0].length : part.indexOf(close) < 0 ? part.length : part.indexOf(close) + close.length;
		const xml = part.slice(0, end);
		boxes.push({ xml: xml.trim(), fields: leafFields(xml, tag) });
		leftover.push(part.slice(end));
	}
	return { boxes, leftover: leftover.map((l) => l.trim()).filter((l) => l.length > 0) };
}

/** A query refusal (§4.4 errorstatus), or a send-style Faild answer: thrown when no boxes came. */
function queryRefusal(fragment: string): GatewayError | null {
	const wrapped = leafFields(`<returnsms>${fragment}</returnsms>`, 'returnsms');
	const status = leafFields(fragment, 'errorstatus');
	if (status && status.error !== undefined) {
		const known = SMS10692_QUERY_ERRORS[status.error];
		const vendorText = status.remark || known?.vendorText || null;
		return new GatewayError(NAME, status.error, known?.reason ?? 'the gateway refused the query', vendorText);
	}
	if (wrapped && (outcomeOf(wrapped.returnstatus) === 'failed' || (wrapped.message && sms10692MessageFor(wrapped.message)))) {
		return refusal(wrapped.message);
	}
	return null;
}

function unreadable(xml: string, why: string) {
	return { raw: { xml }, parseError: why };
}

async function fetchBoxes(ctx: GatewayContext, kind: 'reports' | 'replies') {
	const what = kind === 'reports' ? 'the status report query' : 'the reply query';
	const extra: Array<[string, string]> = kind === 'reports' ? [['statusNum', String(SMS10692_STATUS_NUM)]] : [];
	const answer = await call(ctx, kind, 'query', extra, true);
	const inner = returnsmsContent(answer.body);
	if (inner === null) throw unexpected(what, answer);
	const { boxes, leftover } = splitBoxes(inner, kind === 'reports' ? 'statusbox' : 'callbox');
	if (boxes.length === 0 && leftover.length === 1) {
		const refused = queryRefusal(leftover[0]);
		if (refused) throw refused;
	}
	return { boxes, leftover, mismatch: answer.mismatch };
}

function reportFrom(box: Box): DeliveryReport {
	const base = { type: 'report' as const, messageId: null, mobile: null, status: 'unknown' as const, vendorStatus: null, reportedAt: null, extno: null, linkId: null };
	const f = box.fields;
	if (!f) return { ...base, ...unreadable(box.xml, 'the status box is not well-formed XML') };
	const absent = ['mobile', 'status'].filter((k) => !f[k]);
	return {
		type: 'report',
		messageId: f.taskid || null,
		mobile: f.mobile || null,
		// seed 004 §4.3: 10 = 发送成功, 20 = 发送失败; <errorcode> is the upstream gateway's value.
		status: f.status === '10' ? 'delivered' : f.status === '20' ? 'failed' : 'unknown',
		vendorStatus: f.status || null,
		reportedAt: parseChinaTime(f.receivetime),
		extno: f.extno || null,
		linkId: null,
		raw: f,
		...(absent.length ? { parseError: `the status box has no ${absent.join(', ')}` } : {}),
	};
}

function replyFrom(box: Box): InboundReply {
	const base = { type: 'reply' as const, id: null, mobile: null, text: null, receivedAt: null, destination: null, extno: null, linkId: null };
	const f = box.fields;
	if (!f) return { ...base, ...unreadable(box.xml, 'the reply box is not well-formed XML') };
	return {
		...base,
		// <taskid> is the batch the reply answers, not an id of the reply: it stays in raw.
		mobile: f.mobile || null,
		text: f.content ?? null,
		receivedAt: parseChinaTime(f.receivetime),
		extno: f.extno || null,
		raw: f,
		...(f.mobile ? {} : { parseError: 'the reply box has no mobile' }),
	};
}

/** A cut-off query answer: the boxes that arrived closed, and the rest raw. */
function cutOffBoxes(text: string, tag: string): { boxes: Box[]; rest: string } {
	const start = text.indexOf('<returnsms>');
	if (start < 0) return { boxes: [], rest: text };
	const inner = text.slice(start + '<returnsms>'.length);
	const { boxes } = splitBoxes(inner, tag);
	const whole = (box: Box) => box.xml.endsWith(`</${tag}>`) || /^<[^>]*\/>$/.test(box.xml);
	const complete = boxes.filter(whole);
	const rest = boxes.length > 0 ? boxes.filter((b) => !whole(b)).map((b) => b.xml).join('') : inner;
	return { boxes: complete, rest };
}

async function fetchReports(ctx: GatewayContext): Promise<FetchPage<DeliveryReport>> {
	let fetched: Awaited<ReturnType<typeof fetchBoxes>>;
	try {
		fetched = await fetchBoxes(ctx, 'reports');
	} catch (error) {
		return salvageFetch(error, 'reports', (text, mismatch) => {
			const cut = cutOffBoxes(text, 'statusbox');
			return { events: cut.boxes.map((box) => flagMismatch(reportFrom(box), box.xml, mismatch)), rest: cut.rest };
		});
	}
	const { boxes, leftover, mismatch } = fetched;
	const events = boxes.map((box) => flagMismatch(reportFrom(box), box.xml, mismatch));
	for (const xml of leftover) {
		const event = { ...reportFrom({ xml, fields: null }), parseError: 'unrecognised content in the status report answer' };
		events.push(flagMismatch(event, xml, mismatch));
	}
	return { events, more: boxes.length >= SMS10692_STATUS_NUM };
}

async function fetchReplies(ctx: GatewayContext): Promise<FetchPage<InboundReply>> {
	let fetched: Awaited<ReturnType<typeof fetchBoxes>>;
	try {
		fetched = await fetchBoxes(ctx, 'replies');
	} catch (error) {
		return salvageFetch(error, 'replies', (text, mismatch) => {
			const cut = cutOffBoxes(text, 'callbox');
			return { events: cut.boxes.map((box) => flagMismatch(replyFrom(box), box.xml, mismatch)), rest: cut.rest };
		});
	}
	const { boxes, leftover, mismatch } = fetched;
	const events = boxes.map((box) => flagMismatch(replyFrom(box), box.xml, mismatch));
	for (const xml of leftover) {
		const event = { ...replyFrom({ xml, fields: null }), parseError: 'unrecognised content in the reply answer' };
		events.push(flagMismatch(event, xml, mismatch));
	}
	// No page size is documented for replies: ask again while the gateway still hands some out.
	return { events, more: events.length > 0 };
}

export const sms10692 = defineAdapter(sms10692Declaration, {
	charset: endpointCharset,
	sendProblems,
	send,
	getBalance,
	checkContent,
	fetchReports,
	fetchReplies,
});
