/** What the SMSAdmin adapter tests share: both credential types against the simulator, and the wire constants. */
import type { GatewayContext } from '../../../../nodes/gateways/kit/adapter';
import type { RecordedRequest, Simulator } from '../../../simulator';
import { simulatorContext } from '../../../support/simulator';

export const PASSWORD = 'pw-Admin#2';
export const PASSWORD_MD5 = '8f4020226aaabe0f9d606c354eb75ca8';
export const API = '/smsmarketing/wwwroot/api/';
export const FORM = 'application/x-www-form-urlencoded; charset=GB2312';

export type Kind = 'plain' | 'md5';

/** The `pwd` each credential type sends (the plain password percent-encoded). */
export const PWD: Record<Kind, string> = { plain: 'pw-Admin%232', md5: PASSWORD_MD5 };

/** The simulator's account as a password or an MD5-password credential. */
export function ctxFor(sim: Simulator, kind: Kind, overrides: Record<string, string> = {}): GatewayContext {
	const secret = kind === 'plain' ? { password: PASSWORD } : { password: undefined, passwordMd5: PASSWORD_MD5 };
	return simulatorContext(sim, 'smsAdmin', { credentials: { ...secret, ...overrides } });
}

/** The one request the simulator saw. */
export function only(sim: Simulator): RecordedRequest {
	const all = sim.requests('smsAdmin');
	expect(all).toHaveLength(1);
	return all[0];
}
