import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** sms10692.com: timestamp-signed MD5 of account, password and time; two endpoints by charset (seed 004 §1.1). */
export class Sms10692Api implements ICredentialType {
	name = 'sms10692Api';

	displayName = 'SMS10692 (sms10692.com) API';

	icon: Icon = { light: 'file:../icons/sms10692.svg', dark: 'file:../icons/sms10692.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-cn-sms#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Enterprise ID (企业ID)',
			name: 'userId',
			type: 'string',
			default: '',
			required: true,
			description: 'Enterprise ID given by sms10692.com (parameter <code>userid</code>)',
		},
		{
			displayName: 'Account',
			name: 'account',
			type: 'string',
			default: '',
			required: true,
			description: 'Account name; signs each request together with the password and is never sent itself',
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'Signs each request (MD5 of account, password and timestamp); it is never sent itself',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'http://sms10692.com',
			required: true,
			placeholder: 'http://sms10692.com',
			description: 'Scheme, host and port only. Each endpoint\'s documented path is appended.',
		},
		{
			displayName: 'Endpoint Charset',
			name: 'charset',
			type: 'options',
			options: [
				{ name: 'UTF-8 (v2sms.aspx)', value: 'utf8' },
				{ name: 'GBK (v2smsGBK.aspx)', value: 'gbk' },
			],
			default: 'utf8',
			description: 'Which of the gateway\'s two endpoints to use: the UTF-8 one or the GB2312/GBK one',
		},
	];
}
