/** The SMSAdmin (通用短信平台) adapter as assembled: its facts from the declaration, its charset. */
import { createHash } from 'node:crypto';

import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { PASSWORD, PASSWORD_MD5 } from './helpers';

test('id, credential types, charset and limits', () => {
	expect(createHash('md5').update(PASSWORD).digest('hex')).toBe(PASSWORD_MD5);
	expect(smsAdmin.id).toBe('smsAdmin');
	expect(smsAdmin.displayName).toBe('SMSAdmin (通用短信平台)');
	expect(smsAdmin.credentialTypes).toEqual(['smsAdminApi', 'smsAdminMd5Api']);
	expect(smsAdmin.charset({})).toBe('gb2312');
	expect(smsAdmin.limits).toEqual({
		maxRecipientsPerRequest: 1000,
		maxTemplateRowsPerRequest: 1000,
		maxMessageLength: undefined,
		fetchSpacingMs: 5000,
		fetchPageSize: 20,
		supportsSchedule: true,
	});
});
