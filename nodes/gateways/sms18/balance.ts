/** The balance (seed 003 额度查询 QueryBalance): one `productId,balance` line per product, summed. */
import type { GatewayContext } from '../kit/adapter';
import type { BalanceResult } from '../kit/model';
import { post, refusal, sms18Call } from './call';
import { SMS18_PATHS } from './declaration';
import { SMS18_BALANCE_ERRORS } from './errors';

export async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	// The document shows a GET URL; a form post keeps the password out of URLs and server logs.
	const answer = await post(ctx, SMS18_PATHS.balance, [], 'the balance query', true);
	if (answer.status !== '0') throw refusal(SMS18_BALANCE_ERRORS, answer);
	// seed 003 额度查询: from the second line on, one `productId,balance` per product.
	const products = answer.rest.map((line) => {
		const m = /^([^,\s]+),(-?\d+(?:\.\d+)?)$/.exec(line);
		if (!m) throw sms18Call.unexpected('the balance query', answer.read);
		return { product: m[1], balance: m[2] };
	});
	return {
		balance: products.reduce((sum, p) => sum + Number(p.balance), 0),
		unit: 'messages',
		products: products.map((p) => ({ product: p.product, balance: Number(p.balance) })),
		raw: { resptime: answer.resptime, respstatus: answer.status, products },
	};
}
