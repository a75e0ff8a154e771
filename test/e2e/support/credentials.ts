/**
 * n8n credentials that point at the gateway simulator: one per credential type of the contract,
 * filled with the simulator's test accounts (SIM_ACCOUNTS) and the field names of
 * credentials/*.credentials.ts. Used by the end-to-end suites and by `npm run demo`.
 */
import { createHash } from 'node:crypto';

import type { GatewayId } from '../../simulator/types';
import { SIM_ACCOUNTS } from '../../simulator/vendors';

export type CredentialType = 'chinaSmsApi' | 'smsAdminApi' | 'smsAdminMd5Api' | 'sms112088Api' | 'sms18Api' | 'sms10692Api';

export interface SimCredential {
	type: CredentialType;
	gateway: GatewayId;
	/** Shown in n8n's credential list. */
	name: string;
	data: Record<string, string>;
}

/** Every credential type, pointing at the simulator's base URL of its gateway. */
export function simulatorCredentials(urls: Record<GatewayId, string>): SimCredential[] {
	const a = SIM_ACCOUNTS;
	return [
		{
			type: 'chinaSmsApi',
			gateway: 'chinaSms',
			name: 'China SMS (simulator)',
			data: { username: a.chinaSms.username, password: a.chinaSms.password, baseUrl: urls.chinaSms, charset: 'gbk' },
		},
		{
			type: 'smsAdminApi',
			gateway: 'smsAdmin',
			name: 'SMSAdmin (simulator)',
			data: { userId: a.smsAdmin.userId, password: a.smsAdmin.password, baseUrl: urls.smsAdmin },
		},
		{
			type: 'smsAdminMd5Api',
			gateway: 'smsAdmin',
			name: 'SMSAdmin MD5 (simulator)',
			data: {
				userId: a.smsAdmin.userId,
				passwordMd5: createHash('md5').update(a.smsAdmin.password).digest('hex'),
				baseUrl: urls.smsAdmin,
			},
		},
		{
			type: 'sms112088Api',
			gateway: 'sms112088',
			name: '112088 (simulator)',
			data: { username: a.sms112088.username, password: a.sms112088.password, baseUrl: urls.sms112088, charset: 'gbk' },
		},
		{
			type: 'sms18Api',
			gateway: 'sms18',
			name: '18SMS (simulator)',
			data: { account: a.sms18.account, password: a.sms18.password, baseUrl: urls.sms18, product: '' },
		},
		{
			type: 'sms10692Api',
			gateway: 'sms10692',
			name: 'SMS10692 (simulator)',
			data: { userId: a.sms10692.userId, account: a.sms10692.account, password: a.sms10692.password, baseUrl: urls.sms10692, charset: 'utf8' },
		},
	];
}

/** The credential type the CN SMS nodes use for a gateway (smsAdmin: the plain-password one). */
export const CREDENTIAL_TYPE: Record<GatewayId, CredentialType> = {
	chinaSms: 'chinaSmsApi',
	smsAdmin: 'smsAdminApi',
	sms112088: 'sms112088Api',
	sms18: 'sms18Api',
	sms10692: 'sms10692Api',
};
