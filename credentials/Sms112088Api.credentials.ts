import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** 企业短信通 112088.net: plain us_name/us_pwd; the charset is undocumented (seed 002). */
export class Sms112088Api implements ICredentialType {
	name = 'sms112088Api';

	displayName = '112088 Enterprise SMS (企业短信通) API';

	icon: Icon = { light: 'file:../icons/sms112088.svg', dark: 'file:../icons/sms112088.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-cn-sms#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			default: '',
			required: true,
			description: 'Account name at 112088.net (parameter <code>us_name</code>)',
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
			default: 'http://www.112088.net:8088',
			required: true,
			placeholder: 'http://www.112088.net:8088',
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
