import type { ICredentialType, Icon, INodeProperties } from 'n8n-workflow';

/** 18sms.com: plain account/pswd, UTF-8 (seed 003). */
export class Sms18Api implements ICredentialType {
	name = 'sms18Api';

	displayName = '18SMS (18sms.com) API';

	icon: Icon = { light: 'file:../icons/sms18.svg', dark: 'file:../icons/sms18.dark.svg' };

	documentationUrl = 'https://www.npmjs.com/package/n8n-nodes-cn-sms#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Account',
			name: 'account',
			type: 'string',
			default: '',
			required: true,
			description: 'Account at 18sms.com (parameter <code>account</code>)',
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
			default: 'http://send.18sms.com',
			required: true,
			placeholder: 'http://send.18sms.com',
			description: 'Scheme, host and port only. Each endpoint\'s documented path is appended.',
		},
		{
			displayName: 'Default Product',
			name: 'product',
			type: 'string',
			default: '',
			description:
				'Product ID to send with when a node does not name one (parameter <code>product</code>). Leave empty to use the account\'s default product.',
		},
	];
}
