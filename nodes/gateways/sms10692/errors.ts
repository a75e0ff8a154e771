/**
 * SMS10692 (sms10692.com) refusals, seed 004.
 *
 * Send, balance (`overage`) and keyword check answer `<message>` texts without a number
 * (§1.3, §2.3, §3.3): each documented text gets a stable code of ours here, and the vendor's text
 * is kept as the error's vendor message. The report and reply queries answer
 * `<errorstatus><error>1..4</error>` (§4.4, §5.4): those numbers are the codes.
 */
import type { CodeTable } from '../kit/gatewayCall';

export interface Sms10692Message {
	code: string;
	/** The vendor's text; with `prefix` it is followed by details (the offending words). */
	text: string;
	prefix?: boolean;
	reason: string;
}

const BAD_LOGIN_REASON =
	'wrong user id, account or password (the signature also covers the time stamp: check the server clock)';

export const SMS10692_MESSAGES: Sms10692Message[] = [
	{ code: 'emptyLogin', text: '用户名或密码不能为空', reason: 'the user id, account or password is empty' },
	{ code: 'sqlInjection', text: '发送内容包含sql注入字符', reason: 'the message contains characters the gateway takes for SQL injection' },
	{ code: 'badLogin', text: '用户名或密码错误', reason: BAD_LOGIN_REASON },
	{ code: 'noRecipients', text: '短信号码不能为空', reason: 'no recipient numbers were given' },
	{ code: 'noContent', text: '短信内容不能为空', reason: 'the message is empty' },
	{ code: 'illegalWords', text: '包含非法字符', prefix: true, reason: 'the message contains words the gateway does not allow' },
	{ code: 'insufficientBalance', text: '对不起，您当前要发送的量大于您当前余额', reason: 'the balance is too low for this send (prepaid account)' },
	{ code: 'otherError', text: '其他错误', reason: 'the gateway reported an internal (database) error' },
];

/** The same texts by our code, as the calling kit reads a vendor's table. */
export const SMS10692_MESSAGE_CODES: CodeTable = Object.fromEntries(SMS10692_MESSAGES.map((m) => [m.code, { reason: m.reason, vendorText: m.text }]));

/** A `Faild` answer whose message is none of the documented ones. */
export const SMS10692_UNKNOWN_MESSAGE = { code: 'unknown', reason: 'the gateway refused the request' };

/** `<errorstatus><error>` codes of the report and reply queries (seed 004 §4.4, §5.4). */
export const SMS10692_QUERY_ERRORS: CodeTable = {
	'1': { reason: 'the user id, account or password is empty', vendorText: '用户名或密码不能为空' },
	'2': { reason: BAD_LOGIN_REASON, vendorText: '用户名或密码错误' },
	'3': { reason: 'this account is not allowed to fetch status reports or replies', vendorText: '该用户不允许查看状态报告' },
	'4': { reason: 'the query parameters are not correct', vendorText: '参数不正确' },
};

/** Match a `<message>` text against the table (trimmed; `包含非法字符：` also with an ASCII colon). */
export function sms10692MessageFor(message: string): { entry: Sms10692Message; detail: string } | null {
	const m = message.trim();
	for (const entry of SMS10692_MESSAGES) {
		if (m === entry.text) return { entry, detail: '' };
		if (entry.prefix && m.startsWith(entry.text)) {
			return { entry, detail: m.slice(entry.text.length).replace(/^[：:]\s*/, '').trim() };
		}
	}
	return null;
}
