/**
 * Every node description, built from the registry: each gateway's nodes are named as the package's
 * interface says and list exactly that gateway's operations, options, credentials and events; what
 * n8n's package scanner cannot see in a generated description (icons, subtitle, usableAsTool,
 * webhook lifecycle, codex) is checked here.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { INode, INodeParameters, INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import type { GatewayId } from '../../../nodes/gateways/kit/declaration';
import { ADAPTERS } from '../../../nodes/gateways/registry';
import { actionNodeDescription } from '../../../nodes/n8n/action/description';
import { pollingTriggerDescription } from '../../../nodes/n8n/pollingTrigger/description';
import { pushTriggerDescription } from '../../../nodes/n8n/pushTrigger/description';
import { testGatewayCredentials } from '../../../nodes/n8n/session';
import { packageJson, shellFiles } from '../../../scripts/generate-nodes';
import { PUSH_GATEWAY_IDS, POLLING_GATEWAY_IDS, actionNode, installedType, pollingTrigger, pushTrigger } from '../../support/nodes';

const REPO = path.resolve(__dirname, '../../..');

/** The package's operation table (README "Operations"). */
const OPERATIONS: Record<GatewayId, string[]> = {
	chinaSms: ['send', 'sendBulk', 'getBalance', 'fetchReplies', 'changePassword'],
	smsAdmin: ['send', 'sendBulk', 'sendTemplate', 'getBalance', 'fetchReports', 'fetchReplies', 'checkContent'],
	sms112088: ['send', 'sendBulk', 'getBalance', 'fetchReports', 'fetchReplies'],
	sms18: ['send', 'sendBulk', 'getBalance'],
	sms10692: ['send', 'sendBulk', 'getBalance', 'fetchReports', 'fetchReplies', 'checkContent'],
};

/** Node types per gateway: action, polling trigger, push trigger. */
const NODE_TYPES: Record<GatewayId, [string, string | null, string | null]> = {
	chinaSms: ['chinaSms', 'chinaSmsTrigger', 'chinaSmsPushTrigger'],
	smsAdmin: ['smsAdmin', 'smsAdminTrigger', 'smsAdminPushTrigger'],
	sms112088: ['sms112088', 'sms112088Trigger', null],
	sms18: ['sms18', null, 'sms18Trigger'],
	sms10692: ['sms10692', 'sms10692Trigger', null],
};

const OPERATION_NAMES: Record<string, string> = {
	send: 'Send',
	sendBulk: 'Send Bulk',
	sendTemplate: 'Send Template',
	getBalance: 'Get Balance',
	fetchReports: 'Fetch Delivery Reports',
	fetchReplies: 'Fetch Replies',
	checkContent: 'Check Content',
	changePassword: 'Change Password',
};

const DISPLAY_NAMES: Record<GatewayId, string> = {
	chinaSms: 'China SMS',
	smsAdmin: 'SMSAdmin',
	sms112088: '112088 Enterprise SMS',
	sms18: '18SMS',
	sms10692: 'SMS10692',
};

const CREDENTIALS: Record<GatewayId, string[]> = {
	chinaSms: ['chinaSmsApi'],
	smsAdmin: ['smsAdminApi', 'smsAdminMd5Api'],
	sms112088: ['sms112088Api'],
	sms18: ['sms18Api'],
	sms10692: ['sms10692Api'],
};

const POLLED_EVENTS: Record<string, string[]> = { chinaSms: ['reply'], smsAdmin: ['report', 'reply'], sms112088: ['report', 'reply'], sms10692: ['report', 'reply'] };
const PUSHED_EVENTS: Record<string, string[]> = { chinaSms: ['reply'], smsAdmin: ['report', 'reply'], sms18: ['report', 'reply'] };

const GATEWAYS = Object.keys(OPERATIONS) as GatewayId[];

const fakeNode = (d: INodeTypeDescription, parameters: INodeParameters): INode => ({
	id: 'n',
	name: d.displayName,
	type: `n8n-nodes-cn-sms.${d.name}`,
	typeVersion: 1,
	position: [0, 0],
	parameters,
});

/** Names of the parameters the editor shows for these values (options of collections included). */
function shown(d: INodeTypeDescription, parameters: INodeParameters): string[] {
	const visible = (p: INodeProperties) => NodeHelpers.displayParameter(parameters, p, fakeNode(d, parameters), d, parameters);
	return d.properties.filter(visible).flatMap((p) => {
		if (p.type !== 'collection') return [p.name];
		return [p.name, ...(p.options as INodeProperties[]).filter(visible).map((o) => `${p.name}.${o.name}`)];
	});
}

const optionValues = (p: INodeProperties | undefined) => ((p?.options ?? []) as INodePropertyOptions[]).map((o) => o.value);

function allNodes(): Array<[GatewayId, INodeType]> {
	return GATEWAYS.flatMap((g) => [
		[g, actionNode(g)] as [GatewayId, INodeType],
		...(POLLING_GATEWAY_IDS.includes(g as never) ? [[g, pollingTrigger(g as never)] as [GatewayId, INodeType]] : []),
		...(PUSH_GATEWAY_IDS.includes(g as never) ? [[g, pushTrigger(g as never)] as [GatewayId, INodeType]] : []),
	]);
}

test('every gateway has exactly the node types of the interface, and the registry lists every gateway', () => {
	expect(Object.keys(ADAPTERS).sort()).toEqual([...GATEWAYS].sort());
	const types = allNodes().map(([, n]) => n.description.name);
	expect(types).toEqual(Object.values(NODE_TYPES).flatMap((t) => t.filter((x): x is string => x !== null)));
});

describe.each(GATEWAYS)('%s', (gateway) => {
	const action = actionNode(gateway).description;

	test('action node: name, display name, usable as a tool, subtitle, Chinese name in the description', () => {
		expect(action).toMatchObject({ name: NODE_TYPES[gateway][0], displayName: DISPLAY_NAMES[gateway], version: 1, usableAsTool: true, group: ['output'] });
		expect(action.subtitle).toBe('={{ $parameter["operation"] }}');
		expect(action.description).toContain(ADAPTERS[gateway].declaration.chineseName ?? ADAPTERS[gateway].declaration.site);
		expect(action.description).toMatch(/^Send SMS/);
	});

	test('offers exactly its operations, each with an action text, and every operation is implemented', () => {
		const operation = action.properties.filter((p) => p.name === 'operation');
		expect(operation).toHaveLength(1);
		// Listed alphabetically, as n8n's lint rules want; the set is exactly the gateway's.
		expect(optionValues(operation[0])).toEqual([...OPERATIONS[gateway]].sort((a, b) => OPERATION_NAMES[a].localeCompare(OPERATION_NAMES[b])));
		expect(operation[0].default).toBe('send');
		expect((operation[0].options as Array<{ action?: string }>).every((o) => typeof o.action === 'string')).toBe(true);
		const adapter = ADAPTERS[gateway] as unknown as Record<string, unknown>;
		for (const op of OPERATIONS[gateway]) expect([op, typeof adapter[op === 'sendBulk' ? 'send' : op]]).toEqual([op, 'function']);
	});

	test('credentials: its own, tested by the shared credential test; several are chosen by authentication', () => {
		expect(action.credentials!.map((c) => c.name)).toEqual(CREDENTIALS[gateway]);
		expect(action.credentials!.every((c) => c.testedBy === 'gatewayCredentialTest' && c.required === true)).toBe(true);
		expect((actionNode(gateway) as unknown as { methods: { credentialTest: Record<string, unknown> } }).methods.credentialTest.gatewayCredentialTest).toBe(testGatewayCredentials);
		const authentication = action.properties.find((p) => p.name === 'authentication');
		if (CREDENTIALS[gateway].length === 1) expect(authentication).toBeUndefined();
		else {
			expect(optionValues(authentication)).toEqual(['password', 'md5Password']);
			for (const [value, credential] of [['password', 'smsAdminApi'], ['md5Password', 'smsAdminMd5Api']]) {
				const parameters = { authentication: value, operation: 'send' };
				const asked = action.credentials!.filter((c) => NodeHelpers.displayParameter(parameters, c, fakeNode(action, parameters), action, parameters));
				expect(asked.map((c) => c.name)).toEqual([credential]);
			}
		}
	});

	test('no parameter is named gateway (one node per gateway)', () => {
		for (const [g, node] of allNodes()) if (g === gateway) expect(node.description.properties.map((p) => p.name)).not.toContain('gateway');
	});
});

test.each([
	['chinaSms', 'send', ['recipients', 'message', 'options', 'options.batchSize', 'options.concurrency', 'options.extno', 'options.sendAt', 'options.signature']],
	['smsAdmin', 'sendBulk', ['recipient', 'message', 'options', 'options.batchSize', 'options.concurrency', 'options.linkId', 'options.sendAt', 'options.signature']],
	['sms18', 'send', ['recipients', 'message', 'options', 'options.batchSize', 'options.concurrency', 'options.extno', 'options.product', 'options.sendAt', 'options.signature', 'options.statusReport']],
	['sms112088', 'sendBulk', ['recipient', 'message', 'options', 'options.batchSize', 'options.concurrency', 'options.sendAt', 'options.signature']],
	['smsAdmin', 'sendTemplate', ['template', 'recipient', 'values', 'options', 'options.batchSize', 'options.concurrency', 'options.linkId', 'options.sendAt', 'options.signature']],
	['sms10692', 'send', ['recipients', 'message', 'options', 'options.batchSize', 'options.concurrency', 'options.extno', 'options.sendAt', 'options.signature']],
	['sms10692', 'checkContent', ['message']],
	['chinaSms', 'changePassword', ['newPassword']],
	['sms112088', 'fetchReports', ['options', 'options.maxCalls']],
	['sms10692', 'getBalance', []],
] as Array<[GatewayId, string, string[]]>)('%s %s shows exactly its parameters and options', (gateway, operation, expected) => {
	const d = actionNode(gateway).description;
	const names = shown(d, { operation, ...(gateway === 'smsAdmin' ? { authentication: 'password' } : {}) }).filter((n) => !['operation', 'authentication'].includes(n));
	expect(names).toEqual(expected);
});

test('Batch Size says and caps each gateway\'s own maximum', () => {
	const max = (gateway: GatewayId) => {
		const options = actionNode(gateway).description.properties.find((p) => p.name === 'options' && p.displayOptions?.show?.operation?.[0] === 'send');
		const batch = (options!.options as INodeProperties[]).find((o) => o.name === 'batchSize')!;
		return [batch.typeOptions?.maxValue, batch.description];
	};
	expect(max('chinaSms')).toEqual([99, "Most numbers per request; 0 uses the gateway's maximum, 99"]);
	expect(max('sms112088')[0]).toBe(100);
	expect(max('sms18')[0]).toBe(50_000);
	expect(max('smsAdmin')[0]).toBe(1000);
});

describe.each(POLLING_GATEWAY_IDS)('%s polling trigger', (gateway) => {
	const node = pollingTrigger(gateway);
	const d = node.description;

	test('is a polling trigger with its gateway\'s events and credentials, and names its push alternative', () => {
		expect(d).toMatchObject({ name: NODE_TYPES[gateway][1], displayName: `${DISPLAY_NAMES[gateway]} Trigger`, polling: true, inputs: [], group: ['trigger'] });
		expect(d.usableAsTool).toBeUndefined();
		expect(typeof node.poll).toBe('function');
		expect(optionValues(d.properties.find((p) => p.name === 'events'))).toEqual(POLLED_EVENTS[gateway]);
		expect(d.credentials!.map((c) => c.name)).toEqual(CREDENTIALS[gateway]);
		expect(d.properties.some((p) => p.name === 'reportStatuses')).toBe(POLLED_EVENTS[gateway].includes('report'));
		if (NODE_TYPES[gateway][2]) expect(d.description).toContain(`${DISPLAY_NAMES[gateway]} Push Trigger`);
	});
});

describe.each(PUSH_GATEWAY_IDS)('%s push trigger', (gateway) => {
	const node = pushTrigger(gateway) as INodeType & { webhookMethods: { default: Record<string, unknown> } };
	const d = node.description;

	test('is a webhook trigger with its gateway\'s events, GET and POST, and the lifecycle methods', () => {
		const name = NODE_TYPES[gateway][2]!;
		expect(d).toMatchObject({ name, inputs: [], group: ['trigger'] });
		expect(d.displayName).toBe(`${DISPLAY_NAMES[gateway]} ${name.endsWith('PushTrigger') ? 'Push Trigger' : 'Trigger'}`);
		expect(d.usableAsTool).toBeUndefined();
		expect(d.credentials).toBeUndefined();
		expect(d.webhooks!.map((w) => w.httpMethod)).toEqual(['GET', 'POST']);
		expect(Object.keys(node.webhookMethods.default).sort()).toEqual(['checkExists', 'create', 'delete']);
		expect(optionValues(d.properties.find((p) => p.name === 'events'))).toEqual(PUSHED_EVENTS[gateway]);
		if (NODE_TYPES[gateway][1]) expect(d.description).toContain(`${DISPLAY_NAMES[gateway]} Trigger polls`);
	});
});

test.each(allNodes().map(([g, n]) => [n.description.name, g, n] as const))('%s: icons exist (light and dark), codex names the installed type', (_name, gateway, node) => {
	const d = node.description;
	const icon = d.icon as { light: string; dark: string };
	expect(icon).toEqual({ light: `file:../../icons/${gateway}.svg`, dark: `file:../../icons/${gateway}.dark.svg` });
	for (const file of [icon.light, icon.dark]) expect(fs.existsSync(path.join(REPO, 'nodes', 'X', file.slice('file:'.length)))).toBe(true);
	expect(d.subtitle).toMatch(/^=\{\{/);
	const shell = shellFiles().find((f) => f.path.endsWith(`.node.json`) && JSON.parse(f.content).node === installedType(node));
	expect(shell).toBeDefined();
	const codex = JSON.parse(fs.readFileSync(path.join(REPO, shell!.path), 'utf8'));
	expect(codex).toMatchObject({ node: installedType(node), categories: ['Communication'] });
	expect(codex.alias).toEqual(expect.arrayContaining(['SMS', '短信', '短信平台', DISPLAY_NAMES[gateway]]));
	if (ADAPTERS[gateway].declaration.chineseName) expect(codex.alias).toContain(ADAPTERS[gateway].declaration.chineseName);
});

test('what the shells spell out for n8n\'s scanner equals what the builders make', () => {
	for (const [gateway, node] of allNodes()) {
		const d = node.description;
		const built = (d.polling ? pollingTriggerDescription : d.webhooks ? pushTriggerDescription : actionNodeDescription)(ADAPTERS[gateway].declaration);
		expect(d).toEqual(built);
	}
});

test('the node shells, codex files and package.json lists are what the generator makes from the registry', () => {
	for (const file of shellFiles()) expect([file.path, fs.readFileSync(path.join(REPO, file.path), 'utf8')]).toEqual([file.path, file.content]);
	const current = fs.readFileSync(path.join(REPO, 'package.json'), 'utf8');
	expect(packageJson(current)).toBe(current);
});
