/** The balance (seed 001 §5 user_info/). */
import type { GatewayContext } from '../kit/adapter';
import type { BalanceResult } from '../kit/model';
import { auth, readCall, refused } from './call';
import { SMSADMIN_PATHS } from './declaration';

/** §5 `用户 ID=uid 剩余资费=XXX`; the gateway's samples put the two on separate lines. */
export function parseBalance(body: string): { userId: string; balance: number; text: string } | null {
	const m = /^用户\s*ID\s*[=＝]\s*(.*?)\s*剩余资费\s*[=＝]\s*(-?\d+(?:\.\d+)?)\s*(?:条)?$/su.exec(body.replace(/^\uFEFF/, '').trim());
	return m ? { userId: m[1], balance: Number(m[2]), text: m[2] } : null;
}

export async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	const a = auth(ctx);
	const res = await readCall(ctx, a, SMSADMIN_PATHS.balance);
	const parsed = parseBalance(res.text);
	if (!parsed) throw refused(a, res, 'the balance query');
	// 剩余资费 is counted in messages (条) according to the vendor's sample code; seed 001 names no unit.
	return { balance: parsed.balance, unit: 'messages', products: null, raw: { userId: parsed.userId, remaining: parsed.text } };
}
