/** The SMS10692 adapter as assembled: its facts from the declaration, its charset from the credential. */
import { sms10692 } from '../../../../nodes/gateways/sms10692';

test('declares its limits and credential', () => {
	expect(sms10692.limits).toEqual({ maxRecipientsPerRequest: 1000, fetchSpacingMs: 1000, fetchPageSize: 4000, supportsSchedule: true });
	expect(sms10692.credentialTypes).toEqual(['sms10692Api']);
	expect(sms10692.displayName).toBe('SMS10692 (sms10692.com)');
});

test('the endpoint charset the credential picks', () => {
	expect(sms10692.charset({ charset: 'gbk' })).toBe('gbk');
	expect(sms10692.charset({ charset: ' GBK ' })).toBe('gbk');
	expect(sms10692.charset({})).toBe('utf8');
});
