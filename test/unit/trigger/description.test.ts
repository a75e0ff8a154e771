/** CN SMS Trigger, the node's description: names, credentials, parameters the contract binds. */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { CnSmsTrigger } from '../../../nodes/CnSmsTrigger/CnSmsTrigger.node';
import { testGatewayCredentials } from '../../../nodes/common/gateway';
import { ADAPTERS } from '../../../nodes/gateways/registry';

const node = new CnSmsTrigger();
const { description } = node;

function optionsOf(property: INodeProperties | undefined): INodePropertyOptions[] {
	return (property?.options ?? []) as INodePropertyOptions[];
}

describe('CN SMS Trigger description', () => {
	test('is a polling trigger named as the contract says', () => {
		expect(description.name).toBe('cnSmsTrigger');
		expect(description.displayName).toBe('CN SMS Trigger');
		expect(description.polling).toBe(true);
		expect(description.inputs).toEqual([]);
		expect(description.group).toEqual(['trigger']);
		expect(typeof node.poll).toBe('function');
		expect(description.icon).toEqual({ light: 'file:../../icons/cnSms.svg', dark: 'file:../../icons/cnSms.dark.svg' });
	});

	test('offers the four gateways with fetch-once endpoints, with their Chinese names', () => {
		const gateway = description.properties.find((p) => p.name === 'gateway');
		expect(optionsOf(gateway).map((o) => [o.value, o.name])).toEqual([
			['chinaSms', 'China SMS (中国短信)'],
			['smsAdmin', 'SMSAdmin (通用短信平台)'],
			['sms112088', '112088 Enterprise SMS (企业短信通)'],
			['sms10692', 'SMS10692 (sms10692.com)'],
		]);
		for (const option of optionsOf(gateway)) {
			expect(option.name).toBe(ADAPTERS[option.value as keyof typeof ADAPTERS].displayName);
		}
	});

	test('events offer what each gateway hands out: China SMS only replies', () => {
		const events = description.properties.filter((p) => p.name === 'events');
		const byGateway = Object.fromEntries(
			events.flatMap((p) => (p.displayOptions?.show?.gateway as string[]).map((g) => [g, optionsOf(p).map((o) => o.value).sort()])),
		);
		expect(byGateway).toEqual({
			chinaSms: ['reply'],
			smsAdmin: ['reply', 'report'],
			sms112088: ['reply', 'report'],
			sms10692: ['reply', 'report'],
		});
		for (const [gateway, kinds] of Object.entries(byGateway)) {
			const adapter = ADAPTERS[gateway as keyof typeof ADAPTERS];
			expect(kinds.map((k) => (k === 'reply' ? !!adapter.fetchReplies : !!adapter.fetchReports))).toEqual(kinds.map(() => true));
		}
		expect(ADAPTERS.chinaSms.fetchReports).toBeUndefined();
	});

	test('authentication picks between the two SMSAdmin credentials', () => {
		const authentication = description.properties.find((p) => p.name === 'authentication');
		expect(authentication?.displayOptions).toEqual({ show: { gateway: ['smsAdmin'] } });
		expect(optionsOf(authentication).map((o) => o.value)).toEqual(['password', 'md5Password']);
	});

	test('lists every credential literally, each tested by the shared credential test', () => {
		expect(description.credentials?.map((c) => [c.name, c.testedBy, c.required, c.displayOptions?.show])).toEqual([
			['chinaSmsApi', 'cnSmsCredentialTest', true, { gateway: ['chinaSms'] }],
			['smsAdminApi', 'cnSmsCredentialTest', true, { gateway: ['smsAdmin'], authentication: ['password'] }],
			['smsAdminMd5Api', 'cnSmsCredentialTest', true, { gateway: ['smsAdmin'], authentication: ['md5Password'] }],
			['sms112088Api', 'cnSmsCredentialTest', true, { gateway: ['sms112088'] }],
			['sms10692Api', 'cnSmsCredentialTest', true, { gateway: ['sms10692'] }],
		]);
		expect(node.methods.credentialTest.cnSmsCredentialTest).toBe(testGatewayCredentials);
	});

	test('the status filter says that filtered-out reports are consumed', () => {
		const statuses = description.properties.find((p) => p.name === 'reportStatuses');
		expect(optionsOf(statuses).map((o) => o.value)).toEqual(['delivered', 'failed', 'unknown']);
		expect(statuses?.description).toContain('still taken from the gateway');
	});

	test('has a codex file naming the installed node type', () => {
		const codex = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../nodes/CnSmsTrigger/CnSmsTrigger.node.json'), 'utf8'));
		expect(codex.node).toBe('n8n-nodes-cn-sms.cnSmsTrigger');
		expect(codex.categories).toEqual(['Communication']);
	});
});
