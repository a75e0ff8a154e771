/** SMSAdmin (通用短信平台, smsadmin.cn), seed 001: the adapter. */
import { defineAdapter } from '../kit/adapter';
import { getBalance } from './balance';
import { checkContent } from './contentCheck';
import { smsAdminDeclaration } from './declaration';
import { smsAdminPush } from './push';
import { fetchReplies } from './replies';
import { fetchReports } from './reports';
import { send, sendProblems } from './send';
import { sendTemplate } from './sendTemplate';

export { SMSADMIN_DISPLAY_NAME, SMSADMIN_PATHS } from './declaration';

export const smsAdmin = defineAdapter(smsAdminDeclaration, {
	charset: () => 'gb2312',
	sendProblems,
	send,
	sendTemplate,
	getBalance,
	checkContent,
	fetchReplies,
	fetchReports,
	push: smsAdminPush,
});
