/** What the 112088 Enterprise SMS adapter tests share: the simulator's account and the wire constants. */
import type { GatewayContext } from '../../../../nodes/gateways/kit/adapter';
import { GatewayError } from '../../../../nodes/gateways/kit/errors';
import type { RecordedRequest, Simulator } from '../../../simulator';
import type { Sms112088Sim } from '../../../simulator/vendors/sms112088';
import { failure, simulatorContext } from '../../../support/simulator';

export const NAME = '112088 Enterprise SMS (企业短信通)';
export const AUTH = 'us_name=mysms&us_pwd=pw-112088%203';
export const NI_HAO = '%C4%E3%BA%C3'; // 你好 in GBK

export function ctx(sim: Simulator, credentials: Record<string, string> = {}): GatewayContext {
	return simulatorContext(sim, 'sms112088', { credentials });
}

export const vendor = (sim: Simulator) => sim.vendor('sms112088') as Sms112088Sim;

/** The one request the simulator saw. */
export function only(sim: Simulator): RecordedRequest {
	const all = sim.requests('sms112088');
	expect(all).toHaveLength(1);
	return all[0];
}

export const numbers = (n: number) => Array.from({ length: n }, (_, i) => `138${String(i).padStart(8, '0')}`);

/** The refusal a call failed with; the password is in none of its message. */
export async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
	const error = await failure(promise, GatewayError);
	expect(error.message).not.toContain('pw-112088');
	return error;
}
