/** China SMS (中国短信, china-sms.com), seed 000 (spec v1.2, 2005): the adapter. */
import { defineAdapter } from '../kit/adapter';
import { gbkUnlessUtf8 } from '../kit/credentialValues';
import { getBalance } from './balance';
import { chinaSmsDeclaration } from './declaration';
import { changePassword, passwordProblems } from './password';
import { chinaSmsPush } from './push';
import { fetchReplies } from './replies';
import { requestClass, send, sendProblems } from './send';

export { parseChinaSmsAnswer } from './answer';
export { CHINA_SMS_DISPLAY_NAME, CHINA_SMS_PATHS } from './declaration';

export const chinaSms = defineAdapter(chinaSmsDeclaration, {
	charset: gbkUnlessUtf8,
	sendProblems,
	requestClass,
	send,
	getBalance,
	fetchReplies,
	passwordProblems,
	changePassword,
	push: chinaSmsPush,
});
