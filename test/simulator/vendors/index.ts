/** The five vendor modules and the test accounts they accept. */
import type { GatewayId, SimAccounts, VendorModule } from '../types';
import { createChinaSms } from './chinaSms';
import { createSms10692 } from './sms10692';
import { createSms112088 } from './sms112088';
import { createSms18 } from './sms18';
import { createSmsAdmin } from './smsAdmin';

/**
 * Credentials the simulator accepts, keyed by the credential field names (README "Credentials").
 * Passwords hold characters that need percent-encoding so tests see them encoded.
 */
export const SIM_ACCOUNTS: SimAccounts = {
	chinaSms: { username: 'company', password: 'pw-China&1' },
	smsAdmin: { userId: 'smsuser', password: 'pw-Admin#2' },
	sms112088: { username: 'mysms', password: 'pw-112088 3' },
	sms18: { account: '003547', password: 'Sd123456' },
	sms10692: { userId: '12', account: 'test', password: 'mima' },
};

export function createVendors(): Record<GatewayId, VendorModule> {
	return {
		chinaSms: createChinaSms(SIM_ACCOUNTS.chinaSms),
		smsAdmin: createSmsAdmin(SIM_ACCOUNTS.smsAdmin),
		sms112088: createSms112088(SIM_ACCOUNTS.sms112088),
		sms18: createSms18(SIM_ACCOUNTS.sms18),
		sms10692: createSms10692(SIM_ACCOUNTS.sms10692),
	};
}
