import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** 通用短信平台 smsadmin.cn with the plain password (seed 001 §2). */
export class SmsAdminApi implements ICredentialType {
	name = 'smsAdminApi';

	displayName = 'SMSAdmin (通用短信平台) API';

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
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
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
