/**
 * Calling SMSAdmin (seed 001): uid/pwd parameters (plain, or the password's MD5 at the `_md5`
 * endpoints), GB2312 both ways, plain-text answers that start with a code (`0 发送成功!`).
 */
import type { GatewayContext } from '../kit/adapter';
import { md5Hex, passwordMd5 } from '../kit/auth';
import { text } from '../kit/credentialValues';
import { GatewayCall, codeIn } from '../kit/gatewayCall';
import type { TransportResponse } from '../kit/transport';
import { SMSADMIN_DEFAULT_BASE_URL, SMSADMIN_DISPLAY_NAME } from './declaration';
import { SMSADMIN_ERRORS, smsAdminLimit } from './errors';

export const smsAdminCall = new GatewayCall(SMSADMIN_DISPLAY_NAME, SMSADMIN_DEFAULT_BASE_URL);

export interface Auth {
	uid: string;
	md5Mode: boolean;
	/** pwd of the endpoints that have a plain and an `_md5` form: the one matching the credential. */
	pwd: string;
	/** pwd of post_send_ddt/, which takes the MD5 only (§4). */
	md5: string;
	secrets: string[];
}

/**
 * smsAdminApi holds `password`, smsAdminMd5Api `passwordMd5` (32 hex used as is, anything else
 * hashed). The document has no `_md5` form of user_info, mgz, reve and report: MD5 credentials send
 * the hash as `pwd` there — the only thing they hold (an unverified assumption, see README quirks).
 */
export function auth(ctx: GatewayContext): Auth {
	const c = ctx.credentials;
	const uid = text(c.userId).trim();
	const md5Mode = text(c.password) === '' && c.passwordMd5 !== undefined;
	const typed = md5Mode ? text(c.passwordMd5) : text(c.password);
	smsAdminCall.requireCredentials([['user ID', uid], ['password', typed]]);
	const md5 = md5Mode ? passwordMd5(/^\s*[0-9a-fA-F]{32}\s*$/.test(typed) ? typed.trim() : typed) : md5Hex(typed);
	return { uid, md5Mode, pwd: md5Mode ? md5 : typed, md5, secrets: [typed, md5] };
}

/** A GET that changes nothing (balance, word check, fetches): retried once if no connection was made. */
export async function readCall(ctx: GatewayContext, a: Auth, path: string, extra: Array<[string, string]> = []): Promise<TransportResponse> {
	return await smsAdminCall.request(ctx, {
		method: 'GET',
		path,
		query: [['uid', a.uid], ['pwd', a.pwd], ...extra],
		charset: 'gb2312',
		secrets: a.secrets,
		retryOnConnectError: true,
	});
}

/** `<code><text>`, with or without a space (`0 发送成功!` in seed 001, `0发送成功!` in its samples). */
export function parseCodeAnswer(body: string): { code: string; text: string } | null {
	const t = body.replace(/^\uFEFF/, '').trim();
	const m = /^(\d{1,3})(?!\d)[ \t:：]*([^\r\n/]*)$/.exec(t);
	return m ? { code: m[1], text: m[2].trim() } : null;
}

/** Whether an answer is one of the documented refusals. */
export function isRefusal(answer: { code: string } | null): boolean {
	return answer !== null && codeIn(SMSADMIN_ERRORS, answer.code) !== undefined;
}

/** A refusal the gateway names, else an answer it does not recognise (saying so if the charset looks wrong). */
export function refused(a: Auth, res: Pick<TransportResponse, 'text' | 'charsetMismatch'>, what: string): Error {
	const answer = parseCodeAnswer(res.text);
	if (answer && isRefusal(answer)) {
		return smsAdminCall.refusal(answer.code, SMSADMIN_ERRORS, {
			vendorText: () => `${answer.code} ${answer.text}`.trim(),
			detail: smsAdminLimit(answer.code, answer.text),
		});
	}
	return smsAdminCall.unexpected(what, smsAdminCall.answer(res, { trim: false }), a.secrets);
}
