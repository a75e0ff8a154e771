import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** 通用短信平台 smsadmin.cn with the MD5 of the password, so the plaintext need never be stored (seed 001 §2). */
export class SmsAdminMd5Api implements ICredentialType {
	name = 'smsAdminMd5Api';

	displayName = 'SMSAdmin (通用短信平台) MD5 Password API';

	icon: Icon = { light: 'file:../icons/smsAdmin.svg', dark: 'file:../icons/smsAdmin.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-cn-sms#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			description: 'Account name at smsadmin.cn (parameter <code>uid</code>)',
		},
		{
			displayName: 'Password MD5',
			name: 'passwordMd5',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'The 32-character hexadecimal MD5 of the password. Anything else typed here is taken as the plain password and hashed before use.',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://www.smsadmin.cn',
			required: true,
			placeholder: 'http://www.smsadmin.cn',
			description: 'Scheme, host and port only. Each endpoint\'s documented path is appended.',
		},
	];
}
