/**
 * SMSAdmin (通用短信平台, smsadmin.cn), seed 001. uid/pwd parameters (plain, or the password's MD5
 * at the `_md5` endpoints), GB2312 requests and plain-text GB2312 answers that start with a code
 * (`0 发送成功!`). Replies and reports are fetch-once lists of `a/b/c/d/e` lines, ≤20 per call.
 */
import { md5Hex, passwordMd5 } from '../kit/auth';
import { decodeBytes, describeCharacters, percentEncode, unencodableCharacters } from '../kit/charset';
import { formatChinaTime, parseChinaTime } from '../kit/chinaTime';
import { GatewayError, InputError, unexpectedResponse } from '../kit/errors';
import { flagMismatch } from '../kit/charsetMismatch';
import { defineAdapter } from '../kit/adapter';
import { gatewayDisplayName } from '../kit/declaration';
import { smsAdminDeclaration } from './declaration';
import type { CharsetMismatch } from '../kit/model';
import { completeLines, salvageFetch } from '../kit/salvage';
import type { TransportResponse } from '../kit/transport';
import type { GatewayContext } from '../kit/adapter';
import type { BalanceResult, ContentCheckResult, DeliveryReport, FetchPage, InboundReply, SendOutcome, SendRequest, TemplateSendRequest } from '../kit/model';
import {
	SMSADMIN_ACCEPTED,
	SMSADMIN_NOTHING_PENDING,
	smsAdminReason,
	smsAdminReportStatus,
} from './errors';
import { smsAdminPush } from './push';

export const SMSADMIN_DISPLAY_NAME = gatewayDisplayName(smsAdminDeclaration);
const DEFAULT_BASE_URL = 'http://www.smsadmin.cn';
const API = '/smsmarketing/wwwroot/api';

export const SMSADMIN_PATHS = {
	send: `${API}/post_send/`,
	sendMd5: `${API}/post_send_md5/`,
	sendUrldecode: `${API}/post_send_urldecode/`,
	sendTemplate: `${API}/post_send_ddt/`,
	balance: `${API}/user_info/`,
	checkContent: `${API}/mgz/`,
	replies: `${API}/reve_urlencode/`,
	reports: `${API}/report/`,
} as const;

const MAX_RECIPIENTS = 1000; // seed 001 §3: 支持最多手机号 1000 个
const MAX_TEMPLATE_ROWS = 1000; // seed 001 §4: 单次提交参数组的数目不能超过 1000 个
const PAGE_SIZE = 20; // seed 001 §7/§8: 最多返回 20 条
const LINK_ID = /^[A-Za-z0-9]{1,32}$/; // seed 001 §2: 数字、字母、数字字母组合，最大长度为 32 位
const PLACEHOLDER = /\{value(\d+)\}/g;

/**
 * seed 001 v1.0.3 item 2 and §3 地址 3: the `_urldecode` send endpoint is "for messages with line
 * breaks, spaces and other special characters". Its `uid` and `msg` are url-encoded once more
 * (the gateway url-decodes them after the form decoding). There is no MD5 variant of it, so MD5
 * credentials always use post_send_md5/ with ordinary (complete) form encoding.
 */
const NEEDS_URLDECODE = /[\s%&+]/u;

type Auth = {
	uid: string;
	md5Mode: boolean;
	/** pwd of the endpoints that have a plain and an `_md5` form: the one matching the credential. */
	pwd: string;
	/** pwd of post_send_ddt/, which takes the MD5 only (§4). */
	md5: string;
	baseUrl: string;
	secrets: string[];
};

function str(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

/**
 * smsAdminApi holds `password`, smsAdminMd5Api `passwordMd5` (32 hex used as is, anything else
 * hashed). The document has no `_md5` form of user_info, mgz, reve and report: MD5 credentials send
 * the hash as `pwd` there — the only thing they hold (an unverified assumption, see README quirks).
 */
function auth(ctx: GatewayContext): Auth {
	const c = ctx.credentials;
	const uid = str(c.userId).trim();
	const md5Mode = str(c.password) === '' && c.passwordMd5 !== undefined;
	const typed = md5Mode ? str(c.passwordMd5) : str(c.password);
	if (!uid) throw new InputError(`${SMSADMIN_DISPLAY_NAME}: the credential has no user ID`);
	if (!typed) throw new InputError(`${SMSADMIN_DISPLAY_NAME}: the credential has no password`);
	const md5 = md5Mode ? passwordMd5(/^\s*[0-9a-fA-F]{32}\s*$/.test(typed) ? typed.trim() : typed) : md5Hex(typed);
	return {
		uid,
		md5Mode,
		pwd: md5Mode ? md5 : typed,
		md5,
		baseUrl: str(c.baseUrl).trim() || DEFAULT_BASE_URL,
		secrets: [typed, md5],
	};
}

/** `<code><text>`, with or without a space (`0 发送成功!` in seed 001, `0发送成功!` in its samples). */
export function parseCodeAnswer(body: string): { code: string; text: string } | null {
	const t = body.replace(/^\uFEFF/, '').trim();
	const m = /^(\d{1,3})(?!\d)[ \t:：]*([^\r\n/]*)$/.exec(t);
	return m ? { code: m[1], text: m[2].trim() } : null;
}

/** A refusal the gateway names, else an answer it does not recognise (saying so if the charset looks wrong). */
function refused(ctx: GatewayContext, a: Auth, res: Pick<TransportResponse, 'text' | 'charsetMismatch'>, what: string): Error {
	const answer = parseCodeAnswer(res.text);
	const reason = answer ? smsAdminReason(answer.code, answer.text) : null;
	if (answer && reason) {
		return new GatewayError(SMSADMIN_DISPLAY_NAME, answer.code, reason, `${answer.code} ${answer.text}`.trim());
	}
	return unexpectedResponse(SMSADMIN_DISPLAY_NAME, what, ctx.transport.redact(res.text, a.secrets), [], res.charsetMismatch);
}

function gb2312Problem(label: string, text: string): string | null {
	const bad = unencodableCharacters(text, 'gb2312');
	return bad.length ? `${label} holds characters GB2312 cannot carry: ${describeCharacters(bad)}` : null;
}

function sendProblems(request: Omit<SendRequest, 'recipients'>): string[] {
	const problems: string[] = [];
	if (!request.message) problems.push('the message is empty');
	const chars = gb2312Problem('the message', request.message ?? '');
	if (chars) problems.push(chars);
	if (request.linkId !== undefined && request.linkId !== '' && !LINK_ID.test(request.linkId)) {
		problems.push(`linkId must be 1 to 32 letters and digits, got "${request.linkId}"`);
	}
	if (request.extno) problems.push(`${SMSADMIN_DISPLAY_NAME} has no extension number (extno): leave it empty`);
	if (request.product) problems.push(`${SMSADMIN_DISPLAY_NAME} has no product parameter (product is for 18SMS)`);
	return problems;
}

function scheduling(sendAt: Date | undefined, linkId: string | undefined): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	// The document's example URL spells these `dttime` / `linked`; §2's parameter list is followed.
	if (sendAt) pairs.push(['dtime', formatChinaTime(sendAt, 'yyyy-MM-dd HH:mm:ss')]);
	if (linkId) pairs.push(['linkid', linkId]);
	return pairs;
}

async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const problems = sendProblems(request);
	if (request.recipients.length === 0) problems.push('there are no recipients');
	if (request.recipients.length > MAX_RECIPIENTS) {
		problems.push(`${request.recipients.length} recipients in one request; the gateway takes at most ${MAX_RECIPIENTS}`);
	}
	if (problems.length) throw new InputError(`${SMSADMIN_DISPLAY_NAME}: ${problems.join('; ')}`);
	const a = auth(ctx);
	// seed 001 v1.0.3 item 5: the gateway drops repeated numbers of one submission; send each once.
	const numbers = [...new Set(request.recipients)];
	const viaUrldecode = !a.md5Mode && NEEDS_URLDECODE.test(request.message);
	const path = a.md5Mode ? SMSADMIN_PATHS.sendMd5 : viaUrldecode ? SMSADMIN_PATHS.sendUrldecode : SMSADMIN_PATHS.send;
	const form: Array<[string, string]> = [
		['uid', viaUrldecode ? percentEncode(a.uid, 'gb2312') : a.uid],
		['pwd', a.pwd],
		['mobile', numbers.join(';')],
		['msg', viaUrldecode ? percentEncode(request.message, 'gb2312') : request.message],
		...scheduling(request.sendAt, request.linkId),
	];
	const res = await ctx.transport.request({ method: 'POST', baseUrl: a.baseUrl, path, form, charset: 'gb2312', secrets: a.secrets });
	const answer = parseCodeAnswer(res.text);
	if (answer?.code !== SMSADMIN_ACCEPTED) throw refused(ctx, a, res, 'the send request');
	const messageId = request.linkId || null;
	const seen = new Set<string>();
	return {
		recipients: request.recipients.map((recipient) => {
			if (seen.has(recipient)) {
				return { recipient, success: false, messageId: null, error: 'repeated in the same request: the gateway sends each number once' };
			}
			seen.add(recipient);
			return { recipient, success: true, messageId };
		}),
		messageIds: messageId ? [messageId] : [],
		raw: { code: answer.code, text: answer.text, endpoint: path.slice(API.length + 1, -1) },
	};
}

/** Values per row the template needs: one per `{valueN}` up to the highest N. */
function templateArity(template: string): number {
	let max = -1;
	for (const m of template.matchAll(PLACEHOLDER)) max = Math.max(max, Number(m[1]));
	return max + 1;
}

function templateProblems(request: TemplateSendRequest): string[] {
	const problems: string[] = [];
	if (!request.template) problems.push('the template is empty');
	if (request.rows.length === 0) problems.push('there are no recipients');
	if (request.rows.length > MAX_TEMPLATE_ROWS) {
		problems.push(`${request.rows.length} rows in one request; the gateway takes at most ${MAX_TEMPLATE_ROWS}`);
	}
	const chars = gb2312Problem('the template', request.template ?? '');
	if (chars) problems.push(chars);
	if (request.linkId && !LINK_ID.test(request.linkId)) problems.push(`linkId must be 1 to 32 letters and digits, got "${request.linkId}"`);
	const arity = templateArity(request.template ?? '');
	for (const row of request.rows) {
		if (row.values.length !== arity) {
			problems.push(`recipient ${row.recipient}: the template takes ${arity} value(s) ({value0}…), got ${row.values.length}`);
		}
		// seed 001 §4: groups are split at ";" and values at ","; malformed groups are silently dropped.
		const bad = row.values.find((v) => /[,;]/.test(v));
		if (bad !== undefined) problems.push(`recipient ${row.recipient}: the value "${bad}" holds "," or ";", which the gateway uses as separators`);
		const badChars = gb2312Problem(`recipient ${row.recipient}: the values`, row.values.join(''));
		if (badChars) problems.push(badChars);
	}
	return problems;
}

/**
 * 点点通 (seed 001 §4). The description says the group's second field fills the template's first
 * variable, but its own example (three fields `13712345678, 123456, 10` for a template with
 * {value0}…{value2}, rendered "验证码 123456, 在 10 分钟") fills {valueN} from field N, the number being
 * field 0. We follow the example and shift the user's {valueN} to {value(N+1)} on the wire, so the
 * user's {value0} is their first value either way the gateway counts from the number.
 */
async function sendTemplate(ctx: GatewayContext, request: TemplateSendRequest): Promise<SendOutcome> {
	const problems = templateProblems(request);
	if (problems.length) throw new InputError(`${SMSADMIN_DISPLAY_NAME}: ${problems.join('; ')}`);
	const a = auth(ctx);
	const wireTemplate = request.template.replace(PLACEHOLDER, (_, n: string) => `{value${Number(n) + 1}}`);
	const params = request.rows.map((row) => [row.recipient, ...row.values].join(',')).join(';');
	const form: Array<[string, string]> = [
		['uid', a.uid],
		['pwd', a.md5],
		// §4: "参数 params 和 msg 的值进行 url 编码" — encoded once more inside the form.
		['msg', percentEncode(wireTemplate, 'gb2312')],
		['params', percentEncode(params, 'gb2312')],
		...scheduling(request.sendAt, request.linkId),
	];
	const res = await ctx.transport.request({
		method: 'POST',
		baseUrl: a.baseUrl,
		path: SMSADMIN_PATHS.sendTemplate,
		form,
		charset: 'gb2312',
		secrets: a.secrets,
	});
	const answer = parseCodeAnswer(res.text);
	if (answer?.code !== SMSADMIN_ACCEPTED) throw refused(ctx, a, res, 'the template send request');
	const messageId = request.linkId || null;
	return {
		recipients: request.rows.map((row) => ({ recipient: row.recipient, success: true, messageId })),
		messageIds: messageId ? [messageId] : [],
		raw: { code: answer.code, text: answer.text, endpoint: 'post_send_ddt' },
	};
}

async function readCall(ctx: GatewayContext, a: Auth, path: string, extra: Array<[string, string]> = []) {
	return ctx.transport.request({
		method: 'GET',
		baseUrl: a.baseUrl,
		path,
		query: [['uid', a.uid], ['pwd', a.pwd], ...extra],
		charset: 'gb2312',
		secrets: a.secrets,
		retryOnConnectError: true,
	});
}

/** §5 `用户 ID=uid 剩余资费=XXX`; the gateway's samples put the two on separate lines. */
export function parseBalance(body: string): { userId: string; balance: number; text: string } | null {
	const m = /^用户\s*ID\s*[=＝]\s*(.*?)\s*剩余资费\s*[=＝]\s*(-?\d+(?:\.\d+)?)\s*(?:条)?$/su.exec(body.replace(/^\uFEFF/, '').trim());
	return m ? { userId: m[1], balance: Number(m[2]), text: m[2] } : null;
}

async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	const a = auth(ctx);
	const res = await readCall(ctx, a, SMSADMIN_PATHS.balance);
	const parsed = parseBalance(res.text);
	if (!parsed) throw refused(ctx, a, res, 'the balance query');
	// 剩余资费 is counted in messages (条) according to the vendor's sample code; seed 001 names no unit.
	return { balance: parsed.balance, unit: 'messages', products: null, raw: { userId: parsed.userId, remaining: parsed.text } };
}

/** §6 `敏感字:词1;词2;` or `不含敏感字`. */
export function parseContentCheck(body: string): { clean: boolean; words: string[] } | null {
	const t = body.replace(/^\uFEFF/, '').trim();
	if (t.startsWith('不含敏感字')) return { clean: true, words: [] };
	const m = /^敏感字\s*[:：]([\s\S]*)$/.exec(t);
	if (!m) return null;
	return { clean: false, words: m[1].split(/[;；]/).map((w) => w.trim()).filter((w) => w.length > 0) };
}

async function checkContent(ctx: GatewayContext, message: string): Promise<ContentCheckResult> {
	const problem = !message ? 'the message is empty' : gb2312Problem('the message', message);
	if (problem) throw new InputError(`${SMSADMIN_DISPLAY_NAME}: ${problem}`);
	const a = auth(ctx);
	const res = await readCall(ctx, a, SMSADMIN_PATHS.checkContent, [['msg', message]]);
	const parsed = parseContentCheck(res.text);
	if (!parsed) throw refused(ctx, a, res, 'the sensitive-word check');
	return { ...parsed, raw: { text: res.text.trim() } };
}

/** Date forms seen: `2014-10-11 18:39:24` (vendor samples); a slashed date is tolerated too. */
const LINE = /^([^/]*)\/(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T]\d{1,2}:\d{1,2}(?::\d{1,2})?|[^/]*)\/([^/]*)\/([\s\S]*)\/([^/]*)$/;

interface LineFields {
	mobile: string;
	time: string;
	linkId: string;
	value: string;
	subCode: string;
}

function splitLine(line: string): { fields: LineFields | null; problems: string[] } {
	const m = LINE.exec(line);
	if (!m) return { fields: null, problems: ['the line does not have the five "/"-separated fields'] };
	const fields = { mobile: m[1].trim(), time: m[2].trim(), linkId: m[3].trim(), value: m[4], subCode: m[5].trim() };
	const problems: string[] = [];
	if (!/^\+?\d{5,20}$/.test(fields.mobile)) problems.push(`"${fields.mobile}" is no phone number`);
	if (fields.time && parseChinaTime(fields.time) === null) problems.push(`"${fields.time}" is no date`);
	return { fields, problems };
}

/** Lines of a fetch answer; an HTML page is no list of events. Empty lines are no events. */
function eventLines(ctx: GatewayContext, a: Auth, res: TransportResponse, nothingPending: string, what: string): string[] {
	const answer = parseCodeAnswer(res.text);
	if (answer?.code === nothingPending) return [];
	if (answer && smsAdminReason(answer.code, answer.text)) throw refused(ctx, a, res, what);
	const text = res.text.replace(/^\uFEFF/, '');
	if (!text.trim() || /^\s*</.test(text)) {
		throw unexpectedResponse(SMSADMIN_DISPLAY_NAME, what, ctx.transport.redact(res.text, a.secrets), [], res.charsetMismatch);
	}
	return text.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim().length > 0);
}

/**
 * PHP urldecode of GB2312 bytes. Text holding raw non-ASCII characters was not url-encoded (a
 * gateway that skipped it, or a document example): it is kept as it is.
 */
function urlDecodeGb2312(text: string): string {
	if (/[^\x00-\x7f]/.test(text)) return text;
	return text
		.replace(/\+/g, ' ')
		.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => decodeBytes(Buffer.from(run.replace(/%/g, ''), 'hex'), 'gb2312'));
}

/**
 * §7 lines `手机号/日期/流水号/回复内容/子码`. From reve_urlencode/ the reply text arrives url-encoded
 * (GB2312 bytes), so a "/" or a line break inside a reply cannot split the line; plain reve/ would.
 */
export function parseReplyLine(line: string, urlencoded: boolean): InboundReply {
	const { fields, problems } = splitLine(line);
	const reply: InboundReply = {
		type: 'reply',
		id: null,
		mobile: fields?.mobile || null,
		text: fields ? (urlencoded ? urlDecodeGb2312(fields.value) : fields.value) : null,
		receivedAt: parseChinaTime(fields?.time),
		destination: null,
		extno: fields?.subCode || null,
		linkId: fields?.linkId || null,
		raw: fields ? { ...rawFields(fields, 'content'), line } : { line },
	};
	if (problems.length) reply.parseError = problems.join('; ');
	return reply;
}

/** §8 lines `手机号/日期/流水号/状态值/子码`; 流水号 is the send's linkid (or one the gateway made). */
export function parseReportLine(line: string): DeliveryReport {
	const { fields, problems } = splitLine(line);
	const vendorStatus = fields ? fields.value.trim() : null;
	const report: DeliveryReport = {
		type: 'report',
		messageId: fields?.linkId || null,
		mobile: fields?.mobile || null,
		status: vendorStatus === null ? 'unknown' : smsAdminReportStatus(vendorStatus),
		vendorStatus: vendorStatus || null,
		reportedAt: parseChinaTime(fields?.time),
		extno: fields?.subCode || null,
		linkId: fields?.linkId || null,
		raw: fields ? { ...rawFields(fields, 'status'), line } : { line },
	};
	if (problems.length) report.parseError = problems.join('; ');
	return report;
}

function rawFields(f: LineFields, valueName: string): Record<string, string> {
	return { mobile: f.mobile, time: f.time, linkId: f.linkId, [valueName]: f.value, subCode: f.subCode };
}

function replies(lines: string[], mismatch: CharsetMismatch | null): InboundReply[] {
	return lines.map((line) => flagMismatch(parseReplyLine(line, true), line, mismatch));
}

function reports(lines: string[], mismatch: CharsetMismatch | null): DeliveryReport[] {
	return lines.map((line) => flagMismatch(parseReportLine(line), line, mismatch));
}

async function fetchReplies(ctx: GatewayContext): Promise<FetchPage<InboundReply>> {
	const a = auth(ctx);
	let res: Awaited<ReturnType<typeof readCall>>;
	try {
		res = await readCall(ctx, a, SMSADMIN_PATHS.replies);
	} catch (error) {
		// A cut-off answer: its complete lines are replies handed out once, kept.
		return salvageFetch(error, 'replies', (text, mismatch) => {
			const { lines, rest } = completeLines(text);
			return { events: replies(lines, mismatch), rest };
		});
	}
	const lines = eventLines(ctx, a, res, SMSADMIN_NOTHING_PENDING.replies, 'the reply fetch');
	return { events: replies(lines, res.charsetMismatch), more: lines.length >= PAGE_SIZE };
}

async function fetchReports(ctx: GatewayContext): Promise<FetchPage<DeliveryReport>> {
	const a = auth(ctx);
	let res: Awaited<ReturnType<typeof readCall>>;
	try {
		res = await readCall(ctx, a, SMSADMIN_PATHS.reports);
	} catch (error) {
		return salvageFetch(error, 'reports', (text, mismatch) => {
			const { lines, rest } = completeLines(text);
			return { events: reports(lines, mismatch), rest };
		});
	}
	const lines = eventLines(ctx, a, res, SMSADMIN_NOTHING_PENDING.reports, 'the report fetch');
	return { events: reports(lines, res.charsetMismatch), more: lines.length >= PAGE_SIZE };
}

export const smsAdmin = defineAdapter(smsAdminDeclaration, {
	push: smsAdminPush,
	charset: () => 'gb2312',
	sendProblems,
	send,
	sendTemplate,
	getBalance,
	checkContent,
	fetchReplies,
	fetchReports,
});
