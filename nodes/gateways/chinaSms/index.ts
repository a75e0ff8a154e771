/**
 * China SMS (中国短信, china-sms.com), seed 000 (spec v1.2, 2005). GET requests with `name`/`pwd`;
 * every answer is plain text `key=value&…` in the gateway charset (undocumented: GBK by default,
 * UTF-8 by credential setting). Values are not percent-encoded and keys may carry stray spaces
 * (`num=2& success =…& faile =`, `errid =0&err=成功`); the order of keys is not fixed (附录 B).
 */
import { formatChinaTime, parseChinaTime } from '../kit/chinaTime';
import { GatewayError, InputError, TransportError, unexpectedResponse } from '../kit/errors';
import { flagMismatch } from '../kit/charsetMismatch';
import { defineAdapter } from '../kit/types';
import { gatewayDisplayName } from '../kit/declaration';
import { chinaSmsDeclaration } from './declaration';
import type { CharsetMismatch } from '../kit/charsetMismatch';
import { normaliseNumber } from '../kit/phone';
import { salvageFetch } from '../kit/salvage';
import { messageLength } from '../kit/segments';
import type {
	BalanceResult,
	FetchPage,
	GatewayContext,
	InboundReply,
	RecipientOutcome,
	SendOutcome,
	SendRequest,
} from '../kit/types';
import { text, gbkUnlessUtf8 } from '../kit/credentialValues';
import { CHINA_SMS_ERRORS, CHINA_SMS_PER_NUMBER_CODES, CHINA_SMS_UNKNOWN_REASON } from './errors';
import { chinaSmsPush } from './push';

export const CHINA_SMS_DISPLAY_NAME = gatewayDisplayName(chinaSmsDeclaration);
const DEFAULT_BASE_URL = 'http://www.china-sms.com';
export const CHINA_SMS_PATHS = {
	single: '/send/ssend.asp',
	group: '/send/gsend.asp',
	balance: '/send/getfee.asp',
	password: '/send/cpwd.asp',
	readReply: '/send/readsms.asp',
} as const;

/** seed 000 §1/§2: at most 40 characters to 小灵通 (PHS) numbers (60 to others, declaration.ts). */
const MAX_PHS_MESSAGE_LENGTH = 40;
/** seed 000 §4: newpwd "长度<20个字母"; code 6016: "企业密码必须大于4个字符". */
const MIN_PASSWORD_LENGTH = 5;
/** The credential setting that picks the charset (its display name), named in charset advice. */
const CHARSET_SETTING = 'Charset';
const MAX_PASSWORD_LENGTH = 19;

/** One answer: values by lower-cased trimmed key, and the gateway's fields for `raw`. */
export interface ChinaSmsAnswer {
	get(key: string): string | undefined;
	raw: Record<string, string>;
	body: string;
}

/** Fields of a readsms.asp answer (seed 000 §5): after `msg`, any other name is part of the text. */
const REPLY_KEYS = new Set(['id', 'err', 'errid', 'src', 'msg', 'dst', 'time']);

/**
 * Parse `key=value&…`. A `&` starts a new field only when a name and `=` follow, so a reply text
 * with a bare `&` stays whole. Returns null for anything else (an HTML page, a bare word).
 */
export function parseChinaSmsAnswer(body: string): ChinaSmsAnswer | null {
	const trimmed = body.replace(/^\uFEFF/, '').replace(/^\s+/, '').replace(/[\r\n]+$/, '');
	if (!trimmed || trimmed.startsWith('<')) return null;
	const fields = new Map<string, string>();
	const raw: Record<string, string> = {};
	let previous: string | null = null;
	for (const part of trimmed.split(/&(?=\s*[A-Za-z_][A-Za-z0-9_]*\s*=)/)) {
		const eq = part.indexOf('=');
		const key = eq < 0 ? '' : part.slice(0, eq).trim();
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return null;
		// Values are not encoded: a reply text holding `&id=9` would start a field twice. A name seen
		// already belongs to the value before it (the text), so the text stays whole.
		if (previous !== null && (fields.has(key.toLowerCase()) || (previous === 'msg' && !REPLY_KEYS.has(key.toLowerCase())))) {
			const joined = `${fields.get(previous)}&${part}`;
			fields.set(previous, joined);
			const rawKey = Object.keys(raw).find((k) => k.toLowerCase() === previous);
			if (rawKey !== undefined) raw[rawKey] = joined;
			continue;
		}
		previous = key.toLowerCase();
		const value = part.slice(eq + 1);
		// The reply text keeps its spaces; every other value is a code, number or list.
		const clean = key.toLowerCase() === 'msg' ? value : value.trim();
		if (!fields.has(key.toLowerCase())) fields.set(key.toLowerCase(), clean);
		raw[key] = clean;
	}
	return { get: (key) => fields.get(key), raw, body: trimmed };
}

/** An answer from the gateway, with the charset mismatch suspected in it (for clear errors). */
type Answer = ChinaSmsAnswer & { mismatch: CharsetMismatch | null };

function unexpected(what: string, answer: Answer): TransportError {
	return unexpectedResponse(CHINA_SMS_DISPLAY_NAME, what, answer.body, [], answer.mismatch);
}

/** The `errid` of an answer when it names an error (absent or 0 means none). */
function errorCode(answer: ChinaSmsAnswer): string | null {
	const code = (answer.get('errid') ?? '').trim();
	return code && code !== '0' ? code : null;
}

export function chinaSmsRefusal(code: string, answer?: ChinaSmsAnswer): GatewayError {
	const known = CHINA_SMS_ERRORS[code];
	const vendorText = answer?.get('err') || answer?.body || known?.vendorText || null;
	return new GatewayError(CHINA_SMS_DISPLAY_NAME, code, known?.reason ?? CHINA_SMS_UNKNOWN_REASON, vendorText);
}

async function call(
	ctx: GatewayContext,
	path: string,
	params: Array<[string, string]>,
	what: string,
	options: { extraSecrets?: string[]; retryOnConnectError?: boolean } = {},
): Promise<Answer> {
	const c = ctx.credentials;
	const name = text(c.username).trim();
	const password = text(c.password);
	if (!name || !password) throw new InputError(`${CHINA_SMS_DISPLAY_NAME}: the credentials need a user name and a password`);
	const res = await ctx.transport.request({
		method: 'GET',
		baseUrl: text(c.baseUrl).trim() || DEFAULT_BASE_URL,
		path,
		query: [['name', name], ['pwd', password], ...params],
		charset: gbkUnlessUtf8(c),
		charsetSetting: CHARSET_SETTING,
		secrets: [password, ...(options.extraSecrets ?? [])],
		retryOnConnectError: options.retryOnConnectError,
	});
	const answer = parseChinaSmsAnswer(res.text);
	if (!answer) throw unexpectedResponse(CHINA_SMS_DISPLAY_NAME, what, res.text, [], res.charsetMismatch);
	return { ...answer, mismatch: res.charsetMismatch };
}

function isInteger(value: string | undefined): value is string {
	return value !== undefined && /^-?\d+$/.test(value.trim());
}

function isPhs(number: string): boolean {
	return normaliseNumber(number)?.kind === 'fixedLine';
}

/**
 * The answers list numbers; the document's own example masks digits (`1393710***4`). One matcher
 * per list (entries are `[\d*]+`, see splitList): exact entries in a Set, masked ones as RegExps.
 */
function listMatcher(list: string[]): (number: string) => boolean {
	const exact = new Set(list.filter((entry) => !entry.includes('*')));
	const masked = list.filter((entry) => entry.includes('*')).map((entry) => new RegExp(`^${entry.replace(/\*/g, '\\d')}$`));
	return (number) => exact.has(number) || masked.some((pattern) => pattern.test(number));
}

function splitList(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((n) => n.trim())
		.filter((n) => /^[\d*]+$/.test(n));
}

function refusedNumber(code: string | null, answer: ChinaSmsAnswer): string {
	return code ? chinaSmsRefusal(code, answer).message : `${CHINA_SMS_DISPLAY_NAME}: the gateway did not accept this number`;
}

/** seed 000 §1 ssend.asp: one number, answers `id` (>0 the message id, 0 refused). */
async function sendSingle(ctx: GatewayContext, request: SendRequest, recipient: string): Promise<SendOutcome> {
	const sender: Array<[string, string]> = request.extno ? [['sender', request.extno]] : [];
	const answer = await call(ctx, CHINA_SMS_PATHS.single, [['dst', recipient], ['msg', request.message], ...sender], 'send');
	const id = answer.get('id');
	if (!isInteger(id)) throw unexpected('send', answer);
	if (Number(id) > 0) {
		return { recipients: [{ recipient, success: true, messageId: id.trim() }], messageIds: [id.trim()], raw: answer.raw };
	}
	const code = errorCode(answer);
	if (code && CHINA_SMS_PER_NUMBER_CODES.has(code)) {
		return { recipients: [{ recipient, success: false, messageId: null, error: refusedNumber(code, answer) }], messageIds: [], raw: answer.raw };
	}
	throw chinaSmsRefusal(code ?? 'unknown', answer);
}

/**
 * seed 000 §2 gsend.asp: several numbers and/or a schedule (`time`). Answers `num` (numbers
 * accepted), `success` and `faile` (lists; faile "仅供参考"). No message ids.
 */
async function sendGroup(ctx: GatewayContext, request: SendRequest, numbers: string[]): Promise<SendOutcome> {
	const params: Array<[string, string]> = [['dst', numbers.join(',')], ['msg', request.message]];
	// seed 000 §2: `time` is YYYYMMDDHHMM China time, minute precision.
	if (request.sendAt) params.push(['time', formatChinaTime(request.sendAt, 'yyyyMMddHHmm')]);
	if (request.extno) params.push(['sender', request.extno]);
	const answer = await call(ctx, CHINA_SMS_PATHS.group, params, 'send');
	const numText = answer.get('num');
	if (!isInteger(numText)) throw unexpected('send', answer);
	const num = Number(numText);
	const code = errorCode(answer);
	if (num <= 0 && code && !CHINA_SMS_PER_NUMBER_CODES.has(code)) throw chinaSmsRefusal(code, answer);
	const accepted = acceptedNumbers(numbers, num, splitList(answer.get('success')), splitList(answer.get('faile')));
	const recipients: RecipientOutcome[] = numbers.map((recipient, i) =>
		accepted[i]
			? { recipient, success: true, messageId: null }
			: { recipient, success: false, messageId: null, error: refusedNumber(code, answer) },
	);
	return { recipients, messageIds: [], raw: answer.raw };
}

/**
 * Which numbers gsend accepted: by the `success` list when it accounts for `num`, else by the
 * `faile` list when that does, else by `num` alone when it is all or none. When none of these
 * settles it (a partial count with lists that do not match) every number counts as accepted:
 * the request went through and saying "refused" could make a user send twice.
 */
function acceptedNumbers(numbers: string[], num: number, success: string[], failed: string[]): boolean[] {
	const inSuccess = listMatcher(success);
	const bySuccess = numbers.map((n) => inSuccess(n));
	if (success.length > 0 && bySuccess.filter(Boolean).length === num) return bySuccess;
	if (num >= numbers.length) return numbers.map(() => true);
	if (num <= 0) return numbers.map(() => false);
	const inFailed = listMatcher(failed);
	const byFailed = numbers.map((n) => !inFailed(n));
	if (failed.length > 0 && byFailed.filter(Boolean).length === num) return byFailed;
	return numbers.map(() => true);
}

function failedOutcome(numbers: string[], error: unknown): SendOutcome {
	let message = error instanceof Error ? error.message : String(error);
	if (error instanceof TransportError && error.mayHaveReached) {
		message += ' The request may have reached the gateway; it was not sent again.';
	}
	return { recipients: numbers.map((recipient) => ({ recipient, success: false, messageId: null, error: message })), messageIds: [], raw: {} };
}

async function sendPart(ctx: GatewayContext, request: SendRequest, numbers: string[]): Promise<SendOutcome> {
	return numbers.length === 1 && !request.sendAt ? sendSingle(ctx, request, numbers[0]) : sendGroup(ctx, request, numbers);
}

async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const phs = request.recipients.filter(isPhs);
	const length = messageLength(request.message);
	if (phs.length > 0 && length > MAX_PHS_MESSAGE_LENGTH) {
		throw new InputError(
			`${CHINA_SMS_DISPLAY_NAME}: a message to 小灵通 (PHS, fixed-line) numbers may have at most ${MAX_PHS_MESSAGE_LENGTH} characters; this one has ${length} (${phs.join(', ')})`,
		);
	}
	const mobiles = request.recipients.filter((n) => !isPhs(n));
	if (phs.length === 0 || mobiles.length === 0) return sendPart(ctx, request, request.recipients);
	// seed 000 §2: "小灵通号码发送请和手机号码分离单独作为一组发送" — PHS numbers go in a request of
	// their own. The first request's outcome is kept even if the second fails.
	const first = await sendPart(ctx, request, mobiles);
	let second: SendOutcome;
	try {
		second = await sendPart(ctx, request, phs);
	} catch (error) {
		second = failedOutcome(phs, error);
	}
	const byNumber = new Map([...first.recipients, ...second.recipients].map((r) => [r.recipient, r]));
	return {
		recipients: request.recipients.map((n) => byNumber.get(n) as RecipientOutcome),
		messageIds: [...first.messageIds, ...second.messageIds],
		raw: { mobiles: first.raw, phs: second.raw },
	};
}

async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	const answer = await call(ctx, CHINA_SMS_PATHS.balance, [], 'the balance query', { retryOnConnectError: true });
	const id = (answer.get('id') ?? '').trim();
	if (!/^-?\d+(\.\d+)?$/.test(id)) throw unexpected('the balance query', answer);
	// seed 000 §3: id=-9999 is failure, any other value is the balance.
	if (Number(id) === -9999) throw chinaSmsRefusal(errorCode(answer) ?? '-9999', answer);
	// The unit is money: the endpoint is getfee ("获得企业用户余额", added in 2004 as
	// "获得用户费用余额接口" — the account's fee balance), not a message count.
	return { balance: Number(id), unit: 'yuan', products: null, raw: answer.raw };
}

/** An inbound reply from readsms.asp (§5); `0000` unsubscribes (§6 备注), whichever way it came. */
function replyEvent(fields: { id?: string; src?: string; msg?: string; dst?: string; time?: string }, raw: Record<string, string>): InboundReply {
	const content = fields.msg ?? null;
	return {
		type: 'reply',
		id: fields.id?.trim() || null,
		mobile: fields.src?.trim() || null,
		text: content,
		receivedAt: parseChinaTime(fields.time),
		destination: fields.dst?.trim() || null,
		extno: null,
		linkId: null,
		raw,
		unsubscribe: content !== null && content.trim() === '0000',
	};
}

/** seed 000 §5 readsms.asp: one reply per call; id=0 is "failed or nothing unread" (errid tells). */
async function fetchReplies(ctx: GatewayContext): Promise<FetchPage<InboundReply>> {
	let answer: Answer;
	try {
		answer = await call(ctx, CHINA_SMS_PATHS.readReply, [], 'the reply fetch');
	} catch (error) {
		// One reply per answer and no terminator: a cut-off answer holds no complete reply; what
		// arrived of it is quoted raw in the error.
		return salvageFetch(error, 'replies', (text) => ({ events: [] as InboundReply[], rest: text }));
	}
	const id = answer.get('id');
	if (id === undefined) throw unexpected('the reply fetch', answer);
	if (isInteger(id) && Number(id) <= 0) {
		const code = errorCode(answer);
		if (code) throw chinaSmsRefusal(code, answer);
		if (Number(id) < 0) throw unexpected('the reply fetch', answer);
		return { events: [], more: false };
	}
	const get = (k: string) => answer.get(k);
	const reply = replyEvent({ id, src: get('src'), msg: get('msg'), dst: get('dst'), time: get('time') }, answer.raw);
	const problems: string[] = [];
	if (!/^\d+$/.test(id.trim())) problems.push(`the reply id "${id}" is not a number`);
	if (reply.mobile === null) problems.push('no src (mobile)');
	if (reply.text === null) problems.push('no msg (text)');
	if (problems.length > 0) {
		reply.parseError = `could not read the reply: ${problems.join(', ')}`;
		reply.raw = { ...answer.raw, body: answer.body };
	}
	// One reply per call: another may be waiting. The whole answer is its record.
	return { events: [flagMismatch(reply, answer.body, answer.mismatch)], more: true };
}

function passwordProblems(newPassword: string): string | null {
	const length = messageLength(newPassword);
	if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
		return `${CHINA_SMS_DISPLAY_NAME}: the new password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters (it has ${length})`;
	}
	return null;
}

async function changePassword(ctx: GatewayContext, newPassword: string): Promise<void> {
	const problem = passwordProblems(newPassword);
	if (problem) throw new InputError(problem);
	const answer = await call(ctx, CHINA_SMS_PATHS.password, [['newpwd', newPassword]], 'the password change', {
		extraSecrets: [newPassword],
	});
	const code = answer.get('errid');
	if (!isInteger(code)) throw unexpected('the password change', answer);
	if (Number(code) !== 0) throw chinaSmsRefusal(code.trim(), answer);
}

function validateSend(request: Omit<SendRequest, 'recipients'>): string[] {
	const problems: string[] = [];
	const extno = request.extno ?? '';
	// seed 000 §1: sender "纯数字的字符串，长度<9".
	if (extno && !/^\d+$/.test(extno)) problems.push(`Extension Number (sender) "${extno}" must be digits only`);
	else if (extno.length >= 9) problems.push(`Extension Number (sender) "${extno}" must have at most 8 digits`);
	if (request.linkId) problems.push(`${CHINA_SMS_DISPLAY_NAME} has no Link ID`);
	if (request.product) problems.push(`${CHINA_SMS_DISPLAY_NAME} has no Product`);
	return problems;
}

export const chinaSms = defineAdapter(chinaSmsDeclaration, {
	push: chinaSmsPush,
	charset: gbkUnlessUtf8,
	validateSend,
	send,
	getBalance,
	fetchReplies,
	changePassword,
});
