/** The 112088 Enterprise SMS (企业短信通) adapter as assembled: its facts from the declaration, its charset. */
import { sms112088 } from '../../../../nodes/gateways/sms112088';

it('documents its limits and credential', () => {
	expect(sms112088.limits).toEqual({ maxRecipientsPerRequest: 100, maxMessageLength: 335, fetchSpacingMs: 500, fetchPageSize: 100, supportsSchedule: true });
	expect(sms112088.credentialTypes).toEqual(['sms112088Api']);
	expect(sms112088.displayName).toBe('112088 Enterprise SMS (企业短信通)');
});

it('has no send option of its own, so nothing only it refuses: no sendProblems', () => {
	expect(sms112088.declaration.sendOptions).toEqual([]);
	expect(sms112088.sendProblems).toBeUndefined();
});

it('GBK unless the credential says UTF-8', () => {
	expect([sms112088.charset({}), sms112088.charset({ charset: 'utf8' })]).toEqual(['gbk', 'utf8']);
});
