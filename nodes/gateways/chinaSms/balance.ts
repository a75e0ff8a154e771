/** The balance (seed 000 §3 getfee.asp). */
import type { GatewayContext } from '../kit/adapter';
import type { BalanceResult } from '../kit/model';
import { call, chinaSmsRefusal, errorCode, unexpected } from './answer';
import { CHINA_SMS_PATHS } from './declaration';

export async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	const answer = await call(ctx, CHINA_SMS_PATHS.balance, [], 'the balance query', { retryOnConnectError: true });
	const id = (answer.get('id') ?? '').trim();
	if (!/^-?\d+(\.\d+)?$/.test(id)) throw unexpected('the balance query', answer);
	// seed 000 §3: id=-9999 is failure, any other value is the balance.
	if (Number(id) === -9999) throw chinaSmsRefusal(errorCode(answer) ?? '-9999', answer);
	// The unit is money: the endpoint is getfee ("获得企业用户余额", added in 2004 as
	// "获得用户费用余额接口" — the account's fee balance), not a message count.
	return { balance: Number(id), unit: 'yuan', products: null, raw: answer.raw };
}
