/**
 * SMSAdmin (通用短信平台, smsadmin.cn) return codes, seed 001 §2–§8. Every answer that is not data
 * starts with its code; the document writes `0 发送成功!`, the gateway's own samples `0发送成功!`,
 * so the text after the code may or may not be separated by a space.
 * `vendorText` is the document's text for the code (the gateway's own answer is kept as well).
 */
import type { CodeTable } from '../kit/gatewayCall';

/** The one success answer of the send endpoints (§2, §3, §4). */
export const SMSADMIN_ACCEPTED = '0';

/** Refusals. `1` is also the answer of user_info (§5), mgz (§6), reve (§7) and report (§8). */
export const SMSADMIN_ERRORS: CodeTable = {
	'1': { reason: 'wrong user ID or password', vendorText: '用户名或密码错误!' },
	'2': { reason: 'insufficient balance: ask your sales contact to top the account up', vendorText: '余额不足!' },
	// The answer names the limit: 100 numbers by GET (§2), 1000 by POST and 点点通 groups (§3, §4).
	'3': { reason: 'too many recipients in one request', vendorText: '超过发送最大量 1000 条' },
	'4': { reason: 'this user ID is not allowed to send', vendorText: '此用户不允许发送!' },
	'5': { reason: 'the mobile number or the message is empty', vendorText: '手机号或发送信息不能为空!' },
	// `7 超过 XX 个字`: XX is the channel's current maximum length (one character each, Latin or Chinese).
	'7': { reason: 'the message is longer than this channel allows', vendorText: '超过 XX 个字,请修改后发送!' },
	'8': { reason: 'the user ID is frozen: contact customer service', vendorText: '用户已冻结, 请联系客服人员!' },
};

/** Answers of the fetch-once endpoints that mean "nothing pending" (seed 001 §7, §8, v1.0.3). */
export const SMSADMIN_NOTHING_PENDING = {
	/** §7: 当前账户无可获取的用户上行信息 */
	replies: '150',
	/** §8: 当前账户无可获取的状态报告 */
	reports: '160',
} as const;

/** Report statuses (§10 example `Report=DELIVRD`; the gateway passes the carrier's status on). */
export const SMSADMIN_DELIVERED_STATUSES = ['DELIVRD', 'DELIVERED'];
/** Carrier statuses that are not final yet or say nothing: reported as `unknown`. */
export const SMSADMIN_UNKNOWN_STATUSES = ['', 'UNKNOWN', 'ACCEPTD', 'ACCEPTED', 'ENROUTE'];

/** The limit a refusal's answer names (codes 3 and 7), to follow its reason; '' for none. */
export function smsAdminLimit(code: string, vendorText: string): string {
	const limit = code === '3' ? /(\d+)\s*条/.exec(vendorText) : code === '7' ? /超过\s*(\d+)\s*个字/.exec(vendorText) : null;
	if (!limit) return '';
	return ` (at most ${limit[1]} ${code === '3' ? 'numbers' : 'characters'})`;
}

/** Report status words (§8, §10): DELIVRD delivered; not-yet-final and numeric values unknown; the rest failed. */
export function smsAdminReportStatus(vendorStatus: string | null | undefined): 'delivered' | 'failed' | 'unknown' {
	const s = (vendorStatus ?? '').trim().toUpperCase();
	if (SMSADMIN_DELIVERED_STATUSES.includes(s)) return 'delivered';
	if (SMSADMIN_UNKNOWN_STATUSES.includes(s) || /^\d+$/.test(s)) return 'unknown';
	return 'failed';
}
