/** 112088 Enterprise SMS (企业短信通, 112088.net), seed 002: the adapter. */
import { defineAdapter } from '../kit/adapter';
import { gbkUnlessUtf8 } from '../kit/credentialValues';
import { getBalance } from './balance';
import { sms112088Declaration } from './declaration';
import { fetchReplies } from './replies';
import { fetchReports } from './reports';
import { send } from './send';

export { SMS112088_DISPLAY_NAME, SMS112088_PATHS } from './declaration';

export const sms112088 = defineAdapter(sms112088Declaration, {
	charset: gbkUnlessUtf8,
	send,
	getBalance,
	fetchReports,
	fetchReplies,
});
