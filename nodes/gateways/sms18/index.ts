/**
 * 18SMS (18sms.com), seed 003: the adapter. No scheduling and no fetch endpoints: reports and
 * inbound messages are pushed to the user's URL (push.ts).
 */
import { defineAdapter } from '../kit/adapter';
import { getBalance } from './balance';
import { sms18Declaration } from './declaration';
import { sms18Push } from './push';
import { send, sendProblems } from './send';

export { SMS18_DISPLAY_NAME, SMS18_PATHS } from './declaration';

export const sms18 = defineAdapter(sms18Declaration, {
	charset: () => 'utf8',
	sendProblems,
	send,
	getBalance,
	push: sms18Push,
});
