/**
 * The requests of the CN SMS node through n8n's own request helper, in a real n8n 2.41.1 on
 * Node 24 (`npm run test:e2e`; needs `npm run build`): the bytes the simulator receives are the
 * ones recorded from the node:http transport (test/fixtures/wireRequests.json), and connection
 * refused, a connection dropped after the request was read, and a cut answer are still told apart
 * (not sent / may have reached, never repeated / complete records kept).
 *
 * Ports: n8n CN_SMS_TRANSPORT_E2E_PORT (16678) and broker CN_SMS_TRANSPORT_E2E_BROKER_PORT
 * (16679); simulator 16121–16125.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { GATEWAY_IDS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import type { GatewayId } from '../simulator/types';
import { simulatorCredentials } from './support/credentials';
import { nodeTypes } from './support/workflows';
import type { CredentialRef, E2eN8n } from './support/n8n';
import { activateWorkflow, callWebhook, createCredential, createWorkflow, getExecution, outputOf, startE2eN8n, waitForExecutions } from './support/n8n';

const PORT = Number(process.env.CN_SMS_TRANSPORT_E2E_PORT || 16678);
const BROKER_PORT = Number(process.env.CN_SMS_TRANSPORT_E2E_BROKER_PORT || 16679);
const NODE = 'CN SMS';

interface WireCase {
	id: string;
	requests: Array<{ method: string; path: string; rawQuery: string; body: string; headers: Record<string, string> }>;
}
const GOLDEN = JSON.parse(readFileSync(join(__dirname, '../fixtures/wireRequests.json'), 'utf8')) as WireCase[];
const golden = (id: string) => GOLDEN.find((c) => c.id === id)!.requests;
/** The texts of the golden matrix (test/nodes/gateways/kit/transport.golden.test.ts). */
const CHINESE = '你好，世界【公司】';
const MIXED = '验证码 123456，5分钟内有效。 a+b&c=d%e~_-.';

let e2e: E2eN8n;
let sim: Simulator;
const credentials = {} as Record<GatewayId, CredentialRef>;
let refusedChinaSms: CredentialRef;
let counter = 0;

/** A published workflow Webhook → CN SMS (errors as items); runs it once and returns the node's items. */
async function run(gateway: GatewayId, parameters: Record<string, unknown>, credential = credentials[gateway]) {
	const path = `e2e-transport-${++counter}`;
	const type = simulatorCredentials(sim.urls).find((c) => c.gateway === gateway && !c.type.endsWith('Md5Api'))!.type;
	const wf = await createWorkflow(e2e.rest, {
		name: `E2E transport ${counter}`,
		nodes: [
			{ id: `hook-${counter}`, name: 'Webhook', type: 'n8n-nodes-base.webhook', typeVersion: 2, position: [0, 0], webhookId: path, parameters: { path, httpMethod: 'POST', responseMode: 'lastNode', responseData: 'noData' } },
			{
				id: `sms-${counter}`,
				name: NODE,
				type: nodeTypes(gateway).action,
				typeVersion: 1,
				position: [300, 0],
				parameters: { ...(gateway === 'smsAdmin' ? { authentication: 'password' } : {}), options: {}, ...parameters },
				credentials: { [type]: credential },
				onError: 'continueRegularOutput',
			},
		],
		connections: { Webhook: { main: [[{ node: NODE, type: 'main', index: 0 }]] } },
	});
	await activateWorkflow(e2e.rest, wf);
	const answer = await callWebhook(`${e2e.n8n.url}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
	expect(answer.status).toBe(200);
	const [summary] = await waitForExecutions(e2e.rest, wf.id, 1, 60_000);
	return outputOf(await getExecution(e2e.rest, summary.id), NODE);
}

const wire = (gateway: GatewayId) =>
	sim.requests(gateway).map((r) => ({
		method: r.method,
		path: r.path,
		rawQuery: r.rawQuery,
		body: r.body.toString('latin1'),
		headers: Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, k === 'host' ? String(v).replace(/:\d+$/, ':<port>') : String(v)])),
	}));

beforeAll(async () => {
	sim = await startSimulator({ ports: Object.fromEntries(GATEWAY_IDS.map((id, i) => [id, 16121 + i])) });
	e2e = await startE2eN8n(PORT, BROKER_PORT);
	for (const c of simulatorCredentials(sim.urls)) {
		if (c.type.endsWith('Md5Api')) continue;
		credentials[c.gateway] = await createCredential(e2e.rest, c.name, c.type, c.data);
	}
	const chinaSms = simulatorCredentials(sim.urls).find((c) => c.type === 'chinaSmsApi')!;
	refusedChinaSms = await createCredential(e2e.rest, 'China SMS (nothing listens)', 'chinaSmsApi', { ...chinaSms.data, baseUrl: sim.closedUrl });
}, 15 * 60_000);

afterAll(async () => {
	await e2e?.stop();
	await sim?.close();
});

beforeEach(() => sim.reset());

describe('the bytes on the wire are the recorded ones', () => {
	test.each([
		['chinaSms/gbk/send/chinese', 'chinaSms', CHINESE],
		['smsAdmin/password/send/chinese', 'smsAdmin', CHINESE],
		['sms18/utf8/send/mixed', 'sms18', MIXED],
	] as const)('%s', async (id, gateway, message) => {
		const items = await run(gateway, { operation: 'send', recipients: '13800000001', message });
		expect(items).toEqual([expect.objectContaining({ success: true, requests: 1 })]);
		expect(wire(gateway)).toEqual(golden(id));
	});
});

describe('failures are told apart', () => {
	test('connection refused: not sent, said so, and the send is not marked uncertain', async () => {
		const items = await run('chinaSms', { operation: 'send', recipients: '13800000001', message: CHINESE }, refusedChinaSms);
		expect(items).toEqual([expect.objectContaining({ success: false, code: 'connect', error: expect.stringMatching(/^China SMS \(中国短信\): could not connect to 127\.0\.0\.1:\d+ \(connection refused\)/) })]);
		expect(items[0].uncertain).toBeUndefined();
	});

	test('dropped after the gateway read the request: may have reached, sent once, never repeated', async () => {
		sim.fault('smsAdmin', { type: 'dropAfterRead' });
		const items = await run('smsAdmin', { operation: 'send', recipients: '13800000001', message: CHINESE });
		expect(items).toEqual([expect.objectContaining({ success: false, uncertain: true, code: 'reset' })]);
		expect(sim.requests('smsAdmin')).toHaveLength(1);
		expect(sim.sent('smsAdmin').map((m) => m.mobile)).toEqual(['13800000001']);
	});

	test('a cut answer: the complete records in it are kept, the rest quoted, the call not repeated', async () => {
		for (let i = 0; i < 3; i++) sim.queueReport('smsAdmin', { mobile: `1350000000${i}`, messageId: `88000${i}`, linkId: `L${i}` });
		sim.fault('smsAdmin', { type: 'truncated' });
		const items = await run('smsAdmin', { operation: 'fetchReports' });
		const reports = items.filter((j) => j.type === 'report');
		const errors = items.filter((j) => j.type === 'error');
		expect(reports.length).toBeGreaterThan(0);
		expect(errors).toEqual([expect.objectContaining({ error: expect.stringContaining('The answer broke off after') })]);
		expect(sim.requests('smsAdmin')).toHaveLength(1);
	});
});
