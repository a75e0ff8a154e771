/** The 18SMS adapter as assembled: its facts from the declaration, UTF-8, push instead of fetches. */
import { sms18 } from '../../../../nodes/gateways/sms18';

it('declares the documented limits and no scheduling or fetching', () => {
	expect(sms18.limits).toEqual({ maxRecipientsPerRequest: 50_000, maxMessageLength: 536, fetchSpacingMs: 0, supportsSchedule: false });
	expect([sms18.fetchReports, sms18.fetchReplies, sms18.checkContent]).toEqual([undefined, undefined, undefined]);
	expect(sms18.charset({})).toBe('utf8');
	expect(sms18.displayName).toBe('18SMS (18sms.com)');
	expect(sms18.push?.kinds).toEqual(['reply', 'report']);
});
