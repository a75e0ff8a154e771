/** Changing the account password (seed 000 §4 cpwd.asp). */
import type { GatewayContext } from '../kit/adapter';
import { messageLength } from '../kit/segments';
import { call, chinaSmsRefusal, isInteger, unexpected } from './answer';
import { CHINA_SMS_PATHS } from './declaration';

/** seed 000 §4: newpwd "长度<20个字母"; code 6016: "企业密码必须大于4个字符". */
const MIN_PASSWORD_LENGTH = 5;
const MAX_PASSWORD_LENGTH = 19;

/** What China SMS refuses in a new password. */
export function passwordProblems(newPassword: string): string[] {
	const length = messageLength(newPassword);
	if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
		return [`New Password must have ${MIN_PASSWORD_LENGTH} to ${MAX_PASSWORD_LENGTH} characters, it has ${length}`];
	}
	return [];
}

/** Change it: the new password was checked (passwordProblems) before this is called. */
export async function changePassword(ctx: GatewayContext, newPassword: string): Promise<void> {
	const answer = await call(ctx, CHINA_SMS_PATHS.password, [['newpwd', newPassword]], 'the password change', {
		extraSecrets: [newPassword],
	});
	const code = answer.get('errid');
	if (!isInteger(code)) throw unexpected('the password change', answer);
	if (Number(code) !== 0) throw chinaSmsRefusal(code.trim(), answer);
}
