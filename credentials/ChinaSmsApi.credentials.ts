import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** 中国短信 china-sms.com: plain name and password; the charset is undocumented (seed 000). */
export class ChinaSmsApi implements ICredentialType {
	name = 'chinaSmsApi';

	displayName = 'China SMS (中国短信) API';

	icon: Icon = { light: 'file:../icons/chinaSms.svg', dark: 'file:../icons/chinaSms.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-cn-sms#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'Account name at china-sms.com (parameter <code>name</code>)',
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
			default: 'http://www.china-sms.com',
			required: true,
			placeholder: 'http://www.china-sms.com',
			description: 'Scheme, host and port only. Each endpoint\'s documented path is appended.',
		},
		{
			displayName: 'Charset',
			name: 'charset',
			type: 'options',
			options: [
				{ name: 'GBK', value: 'gbk' },
				{ name: 'UTF-8', value: 'utf8' },
			],
			default: 'gbk',
			description:
				'Encoding of Chinese text sent to and read from the gateway. Its document does not say; GBK is what gateways of its age use. Switch to UTF-8 if received text is garbled.',
		},
	];
}
