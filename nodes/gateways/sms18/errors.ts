/**
 * 18SMS (18sms.com) status codes, seed 003 "响应状态值说明" (send) and "额度查询接口" (balance).
 * `vendorText` is the document's own Chinese meaning of the code: the gateway itself answers only
 * `resptime,code`, so that text is what we keep as the vendor's message.
 */
import type { CodeTable } from '../kit/gatewayCall';

/** HttpBatchSendSM answers (0 = accepted). */
export const SMS18_SEND_ERRORS: CodeTable = {
	'101': { reason: 'no such account', vendorText: '无此用户' },
	'102': { reason: 'wrong password', vendorText: '密码错' },
	'103': { reason: 'sending too fast: the account exceeded its rate limit', vendorText: '提交过快（提交速度超过流速限制）' },
	'104': { reason: 'the gateway is busy and cannot take the message now', vendorText: '系统忙（因平台侧原因，暂时无法处理提交的短信）' },
	'105': { reason: 'the message contains sensitive words', vendorText: '敏感短信（短信内容包含敏感词）' },
	'106': { reason: 'the message length is wrong (1 to 536 characters)', vendorText: '消息长度错（>536或<=0）' },
	'107': { reason: 'the request contains an invalid mobile number', vendorText: '包含错误的手机号码' },
	'108': {
		reason: 'wrong number of recipients (1 to 50000, and at least the minimum the account is configured for)',
		vendorText: '手机号码个数错（群发>50000或<=0）',
	},
	'109': { reason: 'no sending quota left: the account has used up its messages', vendorText: '无发送额度（该用户可用短信数已使用完）' },
	'110': { reason: 'outside the permitted sending hours', vendorText: '不在发送时间内(验证码通知7*24小时发送)' },
	'111': { reason: "the account's monthly sending limit is exceeded", vendorText: '超出该账户当月发送额度限制' },
	'112': { reason: 'no such product: the account has not ordered this product id', vendorText: '无此产品，用户没有订购该产品' },
	'113': { reason: 'extno is malformed (not digits, or the wrong length)', vendorText: 'extno格式错（非数字或者长度不对）' },
	'115': { reason: 'rejected by automatic content review', vendorText: '自动审核驳回' },
	'116': { reason: 'the message has no valid signature (this account must sign its messages)', vendorText: '签名不合法，未带签名（用户必须带签名的前提下）' },
	'117': { reason: "this server's IP address is not registered for the account", vendorText: 'IP地址认证错,请求调用的IP地址不是系统登记的IP地址' },
	'118': { reason: 'the account has no permission to send', vendorText: '用户没有相应的发送权限' },
	'119': { reason: 'the account has expired', vendorText: '用户已过期' },
	'120': { reason: 'the message content is not on the whitelist', vendorText: '内容不在白名单中' },
};

/** QueryBalance answers (0 = success). 103 means something else here than at send. */
export const SMS18_BALANCE_ERRORS: CodeTable = {
	'101': SMS18_SEND_ERRORS['101'],
	'102': SMS18_SEND_ERRORS['102'],
	'103': {
		reason: 'balance queried too fast: query at most about once every 10 seconds',
		vendorText: '查询过快（建议每10秒查询一次）',
	},
};

/**
 * Delivery report status values (seed 003 "状态报告值"). DELIVRD is delivered; every other
 * documented value is a failure; anything else ("其他: 网关状态") is unknown.
 */
export const SMS18_FAILED_STATUSES = new Set([
	'MBBLACK', 'NOROUTE', 'ROUTEERR', 'REJECT', 'DISTURB', 'EMSERR', 'SIGNERR', 'KEYWORD', 'WHITESMS',
	'SY1RESP:-9', 'DB:0141', 'ID:0103', 'ID:0102', 'ID:0101', 'MA:0001', 'MX:0013', '601', 'GL:0000',
	'ERR:104', 'SIGFAIL',
]);

/** `CMPP20ERR:XXX`, `SMGPERR:XXX`, `SGIPERR:XXX`, `**RESP:XXX`: the carrier gateway's error XXX. */
export const SMS18_FAILED_PATTERNS = [/^CMPP20ERR:/i, /^SMGPERR:/i, /^SGIPERR:/i, /^[A-Z0-9]*RESP:/i];

/**
 * seed 003 状态报告值 (pushed reports; parsed by push.ts): DELIVRD delivered, every other
 * documented value failed, anything else ("其他: 网关状态") unknown.
 */
export function sms18ReportStatus(vendorStatus: string | null | undefined): 'delivered' | 'failed' | 'unknown' {
	const status = (vendorStatus ?? '').trim();
	if (!status) return 'unknown';
	if (status.toUpperCase() === 'DELIVRD') return 'delivered';
	if (SMS18_FAILED_STATUSES.has(status.toUpperCase())) return 'failed';
	return SMS18_FAILED_PATTERNS.some((p) => p.test(status)) ? 'failed' : 'unknown';
}
