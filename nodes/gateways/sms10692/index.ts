/** SMS10692 (sms10692.com), seed 004: the adapter. */
import { defineAdapter } from '../kit/adapter';
import { getBalance } from './balance';
import { endpointCharset } from './call';
import { checkContent } from './contentCheck';
import { sms10692Declaration } from './declaration';
import { fetchReplies } from './replies';
import { fetchReports } from './reports';
import { send, sendProblems } from './send';

export { SMS10692_DISPLAY_NAME, SMS10692_PATHS } from './declaration';

export const sms10692 = defineAdapter(sms10692Declaration, {
	charset: endpointCharset,
	sendProblems,
	send,
	getBalance,
	checkContent,
	fetchReports,
	fetchReplies,
});
