/** The CN SMS node's description: CONTRACT names, what the editor shows per gateway, credentials, codex. */
import type { INode, INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { CnSms } from '../../../nodes/CnSms/CnSms.node';
import codex from '../../../nodes/CnSms/CnSms.node.json';
import { testGatewayCredentials } from '../../../nodes/common/gateway';

const node = new CnSms();
const { description } = node;

/** CONTRACT.md operation table. */
const CONTRACT: Record<string, string[]> = {
	chinaSms: ['send', 'sendBulk', 'getBalance', 'fetchReplies', 'changePassword'],
	smsAdmin: ['send', 'sendBulk', 'sendTemplate', 'getBalance', 'fetchReports', 'fetchReplies', 'checkContent'],
	sms112088: ['send', 'sendBulk', 'getBalance', 'fetchReports', 'fetchReplies'],
	sms18: ['send', 'sendBulk', 'getBalance'],
	sms10692: ['send', 'sendBulk', 'getBalance', 'fetchReports', 'fetchReplies', 'checkContent'],
};

const fakeNode = (parameters: INodeParameters): INode => ({ id: 'n', name: 'CN SMS', type: 'n8n-nodes-cn-sms.cnSms', typeVersion: 1, position: [0, 0], parameters });

/** Names of the parameters the editor shows for these values (options of collections included). */
function shown(parameters: INodeParameters): string[] {
	const visible = (p: INodeProperties) => NodeHelpers.displayParameter(parameters, p, fakeNode(parameters), description, parameters);
	return description.properties.filter(visible).flatMap((p) => {
		if (p.type !== 'collection') return [p.name];
		const options = (p.options as INodeProperties[]).filter((o) => NodeHelpers.displayParameter(parameters, o, fakeNode(parameters), description, parameters));
		return [p.name, ...options.map((o) => `${p.name}.${o.name}`)];
	});
}

test('names, icon, subtitle, usable as a tool', () => {
	expect(description).toMatchObject({
		displayName: 'CN SMS',
		name: 'cnSms',
		version: 1,
		usableAsTool: true,
		icon: { light: 'file:../../icons/cnSms.svg', dark: 'file:../../icons/cnSms.dark.svg' },
		subtitle: '={{ $parameter["operation"] + " · " + $parameter["gateway"] }}',
	});
	expect(description.properties.find((p) => p.name === 'gateway')!.options).toEqual([
		{ name: 'China SMS (中国短信)', value: 'chinaSms', description: 'china-sms.com' },
		{ name: 'SMSAdmin (通用短信平台)', value: 'smsAdmin', description: 'smsadmin.cn' },
		{ name: '112088 Enterprise SMS (企业短信通)', value: 'sms112088', description: '112088.net' },
		{ name: '18SMS (18sms.com)', value: 'sms18', description: 'send.18sms.com' },
		{ name: 'SMS10692 (sms10692.com)', value: 'sms10692', description: 'sms10692.com' },
	]);
});

test('credentials are listed literally, each tested by cnSmsCredentialTest', () => {
	expect(description.credentials!.map((c) => [c.name, c.testedBy, c.required])).toEqual([
		['chinaSmsApi', 'cnSmsCredentialTest', true],
		['smsAdminApi', 'cnSmsCredentialTest', true],
		['smsAdminMd5Api', 'cnSmsCredentialTest', true],
		['sms112088Api', 'cnSmsCredentialTest', true],
		['sms18Api', 'cnSmsCredentialTest', true],
		['sms10692Api', 'cnSmsCredentialTest', true],
	]);
	expect(node.methods.credentialTest.cnSmsCredentialTest).toBe(testGatewayCredentials);
});

test.each([
	['chinaSms', undefined, 'chinaSmsApi'],
	['smsAdmin', 'password', 'smsAdminApi'],
	['smsAdmin', 'md5Password', 'smsAdminMd5Api'],
	['sms112088', undefined, 'sms112088Api'],
	['sms18', undefined, 'sms18Api'],
	['sms10692', undefined, 'sms10692Api'],
])('gateway %s with authentication %s asks for %s only', (gateway, authentication, credential) => {
	const parameters: INodeParameters = { gateway, operation: 'send', ...(authentication ? { authentication } : {}) };
	const asked = description.credentials!.filter((c) => NodeHelpers.displayParameter(parameters, c, fakeNode(parameters), description, parameters));
	expect(asked.map((c) => c.name)).toEqual([credential]);
});

test.each(Object.keys(CONTRACT))('%s offers exactly the CONTRACT operations', (gateway) => {
	const operations = description.properties.filter((p) => p.name === 'operation' && p.displayOptions?.show?.gateway?.includes(gateway));
	expect(operations).toHaveLength(1);
	expect(operations[0].options!.map((o) => (o as { value: string }).value)).toEqual(CONTRACT[gateway]);
	expect(operations[0].options!.every((o) => typeof (o as { action?: string }).action === 'string')).toBe(true);
});

test('authentication is shown for smsAdmin only', () => {
	for (const gateway of Object.keys(CONTRACT)) {
		expect(shown({ gateway, operation: 'getBalance' }).includes('authentication')).toBe(gateway === 'smsAdmin');
	}
});

test.each([
	[{ gateway: 'chinaSms', operation: 'send' }, ['recipients', 'message', 'options', 'options.sendAt', 'options.signature', 'options.extno', 'options.batchSize', 'options.concurrency']],
	[{ gateway: 'smsAdmin', operation: 'sendBulk' }, ['recipient', 'message', 'options', 'options.sendAt', 'options.signature', 'options.linkId', 'options.batchSize', 'options.concurrency']],
	[
		{ gateway: 'sms18', operation: 'send' },
		['recipients', 'message', 'options', 'options.sendAt', 'options.signature', 'options.extno', 'options.product', 'options.statusReport', 'options.batchSize', 'options.concurrency'],
	],
	[{ gateway: 'sms112088', operation: 'sendBulk' }, ['recipient', 'message', 'options', 'options.sendAt', 'options.signature', 'options.batchSize', 'options.concurrency']],
	[{ gateway: 'smsAdmin', operation: 'sendTemplate' }, ['template', 'recipient', 'values', 'options', 'options.sendAt', 'options.signature', 'options.linkId', 'options.batchSize', 'options.concurrency']],
	[{ gateway: 'sms10692', operation: 'checkContent' }, ['message']],
	[{ gateway: 'chinaSms', operation: 'changePassword' }, ['newPassword']],
	[{ gateway: 'sms112088', operation: 'fetchReports' }, ['options', 'options.maxCalls']],
	[{ gateway: 'sms10692', operation: 'getBalance' }, []],
])('parameters shown for %o', (values, expected) => {
	const names = shown(values).filter((n) => !['gateway', 'operation', 'authentication'].includes(n));
	expect(names).toEqual(expected);
});

test('codex: categories, alias, documentation', () => {
	expect(codex).toMatchObject({ node: 'n8n-nodes-cn-sms.cnSms', nodeVersion: '1.0', codexVersion: '1.0', categories: ['Communication'] });
	expect(codex.alias).toEqual(expect.arrayContaining(['SMS', '短信']));
	expect(codex.resources.primaryDocumentation[0].url).toMatch(/^https:\/\//);
});
