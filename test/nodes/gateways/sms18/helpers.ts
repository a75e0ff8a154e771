/** What the 18SMS adapter tests share: the document's example time and account, the simulator's clock set to it. */
import type { GatewayContext } from '../../../../nodes/gateways/kit/adapter';
import { GatewayError } from '../../../../nodes/gateways/kit/errors';
import type { GatewayCredentials } from '../../../../nodes/gateways/kit/model';
import type { RecordedRequest, Simulator } from '../../../simulator';
import type { Sms18Sim } from '../../../simulator/vendors/sms18';
import { answeringContext, failure, simulatorContext } from '../../../support/simulator';

/** 2011-07-25 16:04:12 China time: the document's example `resptime`. */
export const NOW = new Date('2011-07-25T08:04:12Z');
export const NAME = '18SMS (18sms.com)';

export const vendor = (sim: Simulator) => sim.vendor('sms18') as Sms18Sim;

/** Reset hook: the simulator answers with the document's `resptime`. */
export function documentClock(sim: Simulator): void {
	vendor(sim).configure({ clock: () => NOW });
}

export function ctx(sim: Simulator, credentials: GatewayCredentials = {}): GatewayContext {
	return simulatorContext(sim, 'sms18', { credentials, now: () => NOW });
}

/** Answers `body` without any HTTP: for the document's verbatim examples. */
export function stubCtx(body: string): GatewayContext {
	return answeringContext('sms18', body, { now: () => NOW });
}

export function lastRequest(sim: Simulator): RecordedRequest {
	const all = sim.requests('sms18');
	return all[all.length - 1];
}

/** The refusal a call failed with. */
export async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
	return await failure(promise, GatewayError);
}
