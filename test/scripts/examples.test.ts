/**
 * The example workflows (examples/*.json) that `npm run demo` imports: every node of the package
 * is a node type it has, with parameters the node shows for those values and credentials of the
 * demo; together they send through every gateway, answer a reply and collect a report of every
 * gateway that has them, the demo's push URLs reach a push trigger for every kind each gateway
 * pushes, and the failover example decides on `details.failure`, not on text.
 */
import type { INode, INodeParameters, INodeProperties, INodePropertyOptions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { DEMO_CREDENTIAL_IDS, PUBLISHED, pushUrlsOf, readExamples } from '../../scripts/demo';
import type { Example } from '../../scripts/demo';
import { simulatorCredentials } from '../e2e/support/credentials';
import { GATEWAY_IDS } from '../simulator';
import { PUSH_KINDS } from '../simulator/ui';
import { POLLING_GATEWAY_IDS, PUSH_GATEWAY_IDS, actionNode, installedType, pollingTrigger, pushTrigger } from '../support/nodes';

interface ExampleNode {
	name: string;
	type: string;
	typeVersion: number;
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	onError?: string;
}
interface Workflow {
	id: string;
	name: string;
	nodes: ExampleNode[];
	connections: Record<string, { main: Array<Array<{ node: string; type: string; index: number }>> }>;
}

const examples = readExamples();
const workflows = new Map<string, Workflow>(examples.map((e) => [e.id, e as unknown as Workflow]));
const workflow = (id: string) => workflows.get(id)!;

/** Every node type of the package, by installed type, with its gateway. */
const PACKAGE_NODES = new Map<string, { gateway: string; node: INodeType }>(
	GATEWAY_IDS.flatMap((g) => [
		[installedType(actionNode(g)), { gateway: g, node: actionNode(g) }] as const,
		...(POLLING_GATEWAY_IDS.includes(g as never) ? [[installedType(pollingTrigger(g as never)), { gateway: g, node: pollingTrigger(g as never) }] as const] : []),
		...(PUSH_GATEWAY_IDS.includes(g as never) ? [[installedType(pushTrigger(g as never)), { gateway: g, node: pushTrigger(g as never) }] as const] : []),
	]),
);

const ours = (w: Workflow) => w.nodes.filter((n) => n.type.startsWith('n8n-nodes-cn-sms.'));
const gatewayOf = (n: ExampleNode) => PACKAGE_NODES.get(n.type)!.gateway;
const descriptionOf = (n: ExampleNode) => PACKAGE_NODES.get(n.type)!.node.description;
const targets = (w: Workflow, from: string, output = 0) => (w.connections[from]?.main[output] ?? []).map((c) => c.node);

function visible(d: INodeTypeDescription, parameters: INodeParameters, p: INodeProperties): boolean {
	const node: INode = { id: 'n', name: 'n', type: d.name, typeVersion: 1, position: [0, 0], parameters };
	return NodeHelpers.displayParameter(parameters, p, node, d, parameters);
}

test('ids are n8n workflow ids, unique, and the demo lists every example it publishes', () => {
	expect(examples.map((e) => e.id).every((id) => /^[A-Za-z0-9]{16}$/.test(id))).toBe(true);
	expect(new Set(examples.map((e) => e.id)).size).toBe(examples.length);
	for (const id of PUBLISHED) expect(workflows.has(id)).toBe(true);
});

describe.each(examples.map((e) => [e.file, e] as [string, Example]))('%s', (_, example) => {
	const w = example as unknown as Workflow;

	test('connections join nodes of the workflow; node names are unique', () => {
		const names = w.nodes.map((n) => n.name);
		expect(new Set(names).size).toBe(names.length);
		for (const [from, { main }] of Object.entries(w.connections)) {
			expect(names).toContain(from);
			for (const to of main.flat()) expect(names).toContain(to.node);
		}
	});

	test('every node of the package: a type it has, parameters its panel shows, valid values, the demo credentials', () => {
		const noUrls = Object.fromEntries(GATEWAY_IDS.map((g) => [g, ''])) as Record<(typeof GATEWAY_IDS)[number], string>;
		const credentials = new Map<string, string>(simulatorCredentials(noUrls).map((c) => [c.type, c.name]));
		for (const n of ours(w)) {
			expect([n.name, PACKAGE_NODES.has(n.type)]).toEqual([n.name, true]);
			const d = descriptionOf(n);
			expect(n.typeVersion).toBe(1);
			const shown = d.properties.filter((p) => visible(d, n.parameters, p));
			// n8n adds `pollTimes` to every polling node itself.
			const own = Object.keys(n.parameters).filter((key) => !(d.polling && key === 'pollTimes'));
			for (const key of own) expect([n.name, key, shown.some((p) => p.name === key)]).toEqual([n.name, key, true]);
			for (const p of shown) {
				const value = n.parameters[p.name];
				if (value === undefined) continue;
				if (p.type === 'options') expect((p.options as INodePropertyOptions[]).map((o) => o.value)).toContain(value);
				if (p.type === 'multiOptions') for (const v of value as string[]) expect((p.options as INodePropertyOptions[]).map((o) => o.value)).toContain(v);
				if (p.type === 'collection') {
					const offered = (p.options as INodeProperties[]).filter((o) => visible(d, n.parameters, o)).map((o) => o.name);
					for (const key of Object.keys(value as object)) expect([n.name, p.name, key, offered.includes(key)]).toEqual([n.name, p.name, key, true]);
				}
			}
			const wanted = (d.credentials ?? []).filter((c) => visible(d, n.parameters, c as unknown as INodeProperties)).map((c) => c.name);
			expect(Object.keys(n.credentials ?? {})).toEqual(wanted);
			for (const [type, ref] of Object.entries(n.credentials ?? {})) expect(ref).toEqual({ id: DEMO_CREDENTIAL_IDS[type], name: credentials.get(type) });
		}
	});
});

test('the examples send through every gateway', () => {
	const senders = examples.flatMap((e) => ours(e as unknown as Workflow)).filter((n) => ['send', 'sendBulk'].includes(n.parameters.operation as string));
	expect([...new Set(senders.map(gatewayOf))].sort()).toEqual([...GATEWAY_IDS].sort());
});

test('"collect delivery reports" subscribes to reports only, from every gateway that has them', () => {
	const w = workflow('cnsmsDemoReport1');
	const triggers = ours(w);
	expect(triggers.map((t) => [gatewayOf(t), t.parameters.events])).toEqual([
		['smsAdmin', ['report']],
		['sms18', ['report']],
		['sms112088', ['report']],
		['sms10692', ['report']],
	]);
	for (const t of triggers) expect(targets(w, t.name)).toEqual(['Store Reports (replace with your database or sheet)']);
});

test('"auto-reply" answers a reply from every gateway through the gateway it came from; China SMS 0000 unsubscribes', () => {
	const w = workflow('cnsmsDemoReply01');
	const triggers = ours(w).filter((n) => descriptionOf(n).group.includes('trigger'));
	expect(triggers.map((t) => [gatewayOf(t), t.parameters.events]).sort()).toEqual(GATEWAY_IDS.map((g) => [g, ['reply']]).sort());
	for (const t of triggers) {
		const next = w.nodes.find((n) => n.name === targets(w, t.name)[0])!;
		const answer = next.type === 'n8n-nodes-base.if' ? w.nodes.find((n) => n.name === targets(w, next.name, 1)[0])! : next;
		expect([t.name, gatewayOf(answer), answer.parameters.operation, answer.parameters.recipients]).toEqual([t.name, gatewayOf(t), 'send', '={{ $json.mobile }}']);
	}
	const unsubscribe = w.nodes.find((n) => n.name === 'Unsubscribe (0000)?')!;
	expect(JSON.stringify(unsubscribe.parameters)).toContain('{{ $json.unsubscribe }}');
});

test("the demo's push URLs reach a push trigger for every kind each gateway pushes", () => {
	const urls = pushUrlsOf(examples, 'http://127.0.0.1:5678');
	expect(urls).toEqual({
		chinaSms: { reply: 'http://127.0.0.1:5678/webhook/cn-sms-demo-auto-reply/cn-sms' },
		smsAdmin: {
			reply: 'http://127.0.0.1:5678/webhook/cn-sms-demo-smsadmin-replies/cn-sms',
			report: 'http://127.0.0.1:5678/webhook/cn-sms-demo-smsadmin-reports/cn-sms',
		},
		sms18: {
			reply: 'http://127.0.0.1:5678/webhook/cn-sms-demo-sms18-replies/cn-sms',
			report: 'http://127.0.0.1:5678/webhook/cn-sms-demo-sms18-reports/cn-sms',
		},
	});
	for (const [gateway, kinds] of Object.entries(PUSH_KINDS)) expect(Object.keys(urls[gateway as keyof typeof urls] as object).sort()).toEqual([...kinds].sort());
});

test('failover: the error output of the first gateway goes to an IF on details.failure; refused or unreachable → a second gateway', () => {
	const w = workflow('cnsmsDemoFailov1');
	const first = w.nodes.find((n) => n.name === 'Send via SMSAdmin')!;
	expect(first.onError).toBe('continueErrorOutput');
	expect(targets(w, first.name, 1)).toEqual(['Certainly Not Sent?']);
	const decide = w.nodes.find((n) => n.name === 'Certainly Not Sent?')!;
	expect(decide.parameters.conditions).toMatchObject({
		combinator: 'or',
		conditions: [
			{ leftValue: '={{ $json.details.failure }}', rightValue: 'refused', operator: { type: 'string', operation: 'equals' } },
			{ leftValue: '={{ $json.details.failure }}', rightValue: 'unreachable', operator: { type: 'string', operation: 'equals' } },
		],
	});
	const [second] = targets(w, decide.name, 0).map((name) => w.nodes.find((n) => n.name === name)!);
	expect([gatewayOf(second), second.parameters.operation, second.parameters.recipient, second.parameters.message]).toEqual([
		'sms10692',
		'sendBulk',
		first.parameters.recipient,
		first.parameters.message,
	]);
	expect(targets(w, decide.name, 1)).toEqual(['Not Resent: Check Before Resending']);
});
