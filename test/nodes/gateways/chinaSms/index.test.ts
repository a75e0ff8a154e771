/** The China SMS (中国短信) adapter as assembled: its facts from the declaration. */
import { chinaSms } from '../../../../nodes/gateways/chinaSms';

it('documents its limits', () => {
	expect(chinaSms.limits).toEqual({ maxRecipientsPerRequest: 99, maxMessageLength: 60, fetchSpacingMs: 5000, fetchPageSize: 1, supportsSchedule: true });
	expect(chinaSms.credentialTypes).toEqual(['chinaSmsApi']);
});
