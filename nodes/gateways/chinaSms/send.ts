/**
 * Sending (seed 000 §1 ssend.asp, §2 gsend.asp). One number without a schedule goes through
 * ssend.asp, which answers a message id; several numbers or a schedule through gsend.asp, which
 * answers counts and lists. 小灵通 (PHS) numbers go in requests of their own (requestClass).
 */
import type { GatewayContext } from '../kit/adapter';
import { formatChinaTime } from '../kit/chinaTime';
import type { OutgoingMessage, RecipientOutcome, SendOutcome, SendRequest } from '../kit/model';
import { normaliseNumber } from '../kit/phone';
import { messageLength } from '../kit/segments';
import { call, chinaSmsRefusal, errorCode, isInteger, unexpected } from './answer';
import type { ChinaSmsAnswer } from './answer';
import { CHINA_SMS_DISPLAY_NAME, CHINA_SMS_PATHS } from './declaration';
import { CHINA_SMS_PER_NUMBER_CODES } from './errors';

/** seed 000 §1/§2: at most 40 characters to 小灵通 (PHS) numbers (60 to others, declaration.ts). */
const MAX_PHS_MESSAGE_LENGTH = 40;

function isPhs(number: string): boolean {
	return normaliseNumber(number)?.kind === 'fixedLine';
}

/**
 * seed 000 §2: "小灵通号码发送请和手机号码分离单独作为一组发送" — PHS (fixed-line) numbers go in a
 * request of their own.
 */
export function requestClass(recipient: string): string {
	return isPhs(recipient) ? 'phs' : 'mobile';
}

/** What only China SMS refuses: its sender format, options it lacks, the PHS length. */
export function sendProblems(message: OutgoingMessage, recipients: readonly string[]): string[] {
	const problems: string[] = [];
	const extno = message.extno ?? '';
	// seed 000 §1: sender "纯数字的字符串，长度<9".
	if (extno && !/^\d+$/.test(extno)) problems.push(`Extension Number (sender) "${extno}" must be digits only`);
	else if (extno.length >= 9) problems.push(`Extension Number (sender) "${extno}" must have at most 8 digits`);
	if (message.linkId) problems.push(`${CHINA_SMS_DISPLAY_NAME} has no Link ID`);
	if (message.product) problems.push(`${CHINA_SMS_DISPLAY_NAME} has no Product`);
	const phs = recipients.filter(isPhs);
	const length = messageLength(message.message);
	if (phs.length > 0 && length > MAX_PHS_MESSAGE_LENGTH) {
		problems.push(
			`${CHINA_SMS_DISPLAY_NAME}: a message to 小灵通 (PHS, fixed-line) numbers may have at most ${MAX_PHS_MESSAGE_LENGTH} characters; this one has ${length} (${phs.join(', ')})`,
		);
	}
	return problems;
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

export async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const numbers = request.recipients;
	return numbers.length === 1 && !request.sendAt ? sendSingle(ctx, request, numbers[0]) : sendGroup(ctx, request, numbers);
}
