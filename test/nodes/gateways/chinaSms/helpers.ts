/** What the China SMS (中国短信) adapter tests share: the simulator's account and the wire constants. */
import type { GatewayContext } from '../../../../nodes/gateways/kit/adapter';
import { GatewayError } from '../../../../nodes/gateways/kit/errors';
import type { RecordedRequest, Simulator } from '../../../simulator';
import type { ChinaSmsSim } from '../../../simulator/vendors/chinaSms';
import { failure, simulatorContext } from '../../../support/simulator';

export const NAME = 'China SMS (中国短信)';
export const AUTH = 'name=company&pwd=pw-China%261';
export const NI_HAO = '%C4%E3%BA%C3'; // 你好 in GBK

export function ctx(sim: Simulator, credentials: Record<string, string> = {}): GatewayContext {
	return simulatorContext(sim, 'chinaSms', { credentials, now: () => new Date('2030-01-01T00:00:00Z') });
}

export const vendor = (sim: Simulator) => sim.vendor('chinaSms') as ChinaSmsSim;

/** The one request the simulator saw. */
export function only(sim: Simulator): RecordedRequest {
	const all = sim.requests('chinaSms');
	expect(all).toHaveLength(1);
	return all[0];
}

/** The refusal a call failed with; the password is in none of its message. */
export async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
	const error = await failure(promise, GatewayError);
	expect(error.message).not.toContain('pw-China');
	return error;
}
