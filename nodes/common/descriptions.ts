/** Parameters the action node and the polling trigger share. */
import type { INodeProperties } from 'n8n-workflow';

/** smsAdmin's two credentials (CONTRACT.md): `password` → smsAdminApi, `md5Password` → smsAdminMd5Api. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { gateway: ['smsAdmin'] } },
	options: [
		{ name: 'Password', value: 'password', description: 'User ID and password; the password itself is sent' },
		{ name: 'MD5 Password', value: 'md5Password', description: 'User ID and the MD5 hash of the password; only the hash is sent' },
	],
	default: 'password',
};
