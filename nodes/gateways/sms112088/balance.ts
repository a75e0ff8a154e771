/** The balance (seed 002 §1.1.4 Get_Account_Balance.asp), counted in messages. */
import type { GatewayContext } from '../kit/adapter';
import type { BalanceResult } from '../kit/model';
import { call, refusalIn, sms112088Call } from './call';
import { SMS112088_PATHS } from './declaration';
import { SMS112088_BALANCE_ERRORS } from './errors';

export async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	const answer = await call(ctx, SMS112088_PATHS.balance, [], true);
	const body = answer.body;
	const refusal = refusalIn(body, SMS112088_BALANCE_ERRORS);
	if (refusal) throw refusal;
	// seed 002 §1.1.4: "0" is a zero balance ("当前可用条数为 0"), counted in messages.
	if (!/^\d+(\.\d+)?$/.test(body)) throw sms112088Call.unexpected('the balance query', answer);
	return { balance: Number(body), unit: 'messages', products: null, raw: { balance: body } };
}
