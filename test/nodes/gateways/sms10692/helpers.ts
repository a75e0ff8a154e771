/**
 * What the SMS10692 adapter tests share. The clock is the document's example time, so its
 * signature must reproduce: md5(test+mima+20120701231212) = 5cc68982….
 */
import type { GatewayContext } from '../../../../nodes/gateways/kit/adapter';
import type { GatewayCredentials } from '../../../../nodes/gateways/kit/model';
import type { RecordedRequest, Simulator } from '../../../simulator';
import type { Sms10692Sim } from '../../../simulator/vendors/sms10692';
import { answeringContext, simulatorContext } from '../../../support/simulator';

/** 2012-07-01 23:12:12 China time: the document's timestamp 20120701231212. */
export const NOW = new Date('2012-07-01T15:12:12Z');
export const NAME = 'SMS10692 (sms10692.com)';
export const SIGNED = 'userid=12&timestamp=20120701231212&sign=5cc68982f55ac74348e3d819f868fbe1';

export const vendor = (sim: Simulator) => sim.vendor('sms10692') as Sms10692Sim;

/** Reset hook: the simulator's clock at the document's time. */
export function documentClock(sim: Simulator): void {
	vendor(sim).configure({ clock: () => NOW });
}

export function ctx(sim: Simulator, credentials: GatewayCredentials = {}, now = NOW): GatewayContext {
	return simulatorContext(sim, 'sms10692', { credentials, now: () => now });
}

/** Answers `body` (bytes as given, optional Content-Type) without any HTTP: for the document's verbatim examples. */
export function stubCtx(body: string | Buffer, contentType?: string): GatewayContext {
	return answeringContext('sms10692', body, { contentType, now: () => NOW });
}

export function lastRequest(sim: Simulator): RecordedRequest {
	const all = sim.requests('sms10692');
	return all[all.length - 1];
}
