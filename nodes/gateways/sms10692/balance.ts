/** The balance (seed 004 §2 action=overage), counted in messages. */
import type { GatewayContext } from '../kit/adapter';
import type { BalanceResult } from '../kit/model';
import { call, checked, sms10692Call } from './call';
import { answerFields } from './returnsms';

export async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	const answer = await call(ctx, 'main', 'overage', [], true);
	const fields = checked(answerFields(answer, 'the balance query'), answer, 'the balance query');
	const balance = Number(fields.overage);
	if (!fields.overage || !Number.isFinite(balance)) throw sms10692Call.unexpected('the balance query', answer);
	return { balance, unit: 'messages', products: null, raw: fields };
}
