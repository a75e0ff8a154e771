/**
 * The failover example (examples/failover.json) end to end in a real n8n 2.41.1 (`npm run
 * test:e2e`; needs `npm run build`): the example's own nodes — SMSAdmin with the error output, the
 * IF on `details.failure`, SMS10692 as the second gateway — started by a webhook instead of the
 * Manual Trigger, against the gateway simulator. Asserted on the simulator's request log:
 *
 * - refused: SMSAdmin answers "insufficient balance" (code 2) → SMS10692 sends it, once;
 * - unreachable: no connection to SMSAdmin could be made → SMS10692 sends it, once;
 * - dropped after the gateway read it, and a timeout after the gateway acted: SMSAdmin sent it,
 *   n8n cannot know → SMS10692 sends nothing, and the item says why.
 *
 * The timeout scenario (30 s, the node's request timeout) runs on a simulator of its own, beside
 * the others. Simulators listen on any free port. n8n: CN_SMS_FAILOVER_PORT (15718), task broker
 * CN_SMS_FAILOVER_BROKER_PORT (15719). CN_SMS_KEEP=1 keeps n8n's user folder.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import type { RecordedRequest } from '../simulator/types';
import { SMSADMIN_SIM } from '../simulator/vendors/smsAdmin';
import { simulatorCredentials } from './support/credentials';
import type { CredentialRef, E2eN8n, ExecutionDetail, WorkflowNode, WorkflowSpec } from './support/n8n';
import { activateWorkflow, callWebhook, createCredential, createWorkflow, getExecution, startE2eN8n, waitForExecutions } from './support/n8n';

const PORT = Number(process.env.CN_SMS_FAILOVER_PORT || 15718);
const BROKER_PORT = Number(process.env.CN_SMS_FAILOVER_BROKER_PORT || 15719);
const EXAMPLE = path.resolve(__dirname, '../../examples/failover.json');

/** The example's node names. */
const FIRST = 'Send via SMSAdmin';
const DECIDE = 'Certainly Not Sent?';
const SECOND = 'Send via SMS10692';
const NOT_RESENT = 'Not Resent: Check Before Resending';
const SENT = 'Sent';

const UNCERTAIN_NOTE = 'The request may have reached the gateway, so it was not sent again: check before resending.';

interface Customer {
	phone: string;
	name: string;
	order: string;
}
/** The example's message: `{{ $json.name }}您好，您的订单 {{ $json.order }} 已发货。` with its signature. */
const textFor = (c: Customer) => `${c.name}您好，您的订单 ${c.order} 已发货。【CN SMS 演示】`;

const ZHANG: Customer = { phone: '13700000011', name: '张三', order: 'B2001' };
const LI: Customer = { phone: SMSADMIN_SIM.noBalance, name: '李四', order: 'B2002' };
const WANG: Customer = { phone: '13700000013', name: '王五', order: 'B2003' };
const ZHAO: Customer = { phone: '13700000014', name: '赵六', order: 'B2004' };
const SUN: Customer = { phone: '13700000015', name: '孙七', order: 'B2005' };

interface ExampleJson {
	nodes: WorkflowNode[];
	connections: WorkflowSpec['connections'];
}

/**
 * The example with a webhook in place of its Manual Trigger and customer list, and the test's
 * credentials in place of the demo's.
 */
function failoverWorkflow(name: string, webhookPath: string, credentials: { smsAdminApi: CredentialRef; sms10692Api: CredentialRef }): WorkflowSpec {
	const example = JSON.parse(fs.readFileSync(EXAMPLE, 'utf8')) as ExampleJson;
	const replaced = ['When clicking ‘Execute workflow’', 'Customer List'];
	const kept = example.nodes
		.filter((n) => !replaced.includes(n.name) && n.type !== 'n8n-nodes-base.stickyNote')
		.map((n): WorkflowNode => {
			const node = { ...n, id: `${webhookPath}-${n.id}` };
			if (n.name === 'One Item per Customer') node.parameters = { ...n.parameters, fieldToSplitOut: 'body.customers' };
			if (n.credentials) {
				node.credentials = Object.fromEntries(Object.keys(n.credentials).map((type) => [type, credentials[type as keyof typeof credentials]]));
			}
			return node;
		});
	const hook: WorkflowNode = {
		id: `${webhookPath}-hook`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `${webhookPath}-hook`,
		parameters: { path: webhookPath, httpMethod: 'POST', responseMode: 'onReceived', options: {} },
	};
	const connections = Object.fromEntries(Object.entries(example.connections).filter(([from]) => !replaced.includes(from)));
	return { name, nodes: [hook, ...kept], connections: { Webhook: { main: [[{ node: 'One Item per Customer', type: 'main', index: 0 }]] }, ...connections } };
}

let e2e: E2eN8n;
let sim: Simulator;
let slowSim: Simulator;
const startedAt = Date.now();
/** Per scenario: what the simulators saw, for the summary printed at the end. */
const figures: Array<{ scenario: string; smsAdminRequests: number; smsAdminSent: number; sms10692Sends: number; seconds: number }> = [];

const param = (r: RecordedRequest, name: string) => r.params.find(([k]) => k.trim() === name)?.[1];
const sends10692 = (target: Simulator) => target.requests('sms10692').filter((r) => param(r, 'action') === 'send');
const sendsAdmin = (target: Simulator) => target.requests('smsAdmin').filter((r) => r.path.includes('/post_send'));

const counts = (target: Simulator) => ({
	smsAdminRequests: sendsAdmin(target).length,
	smsAdminSent: target.sent('smsAdmin').length,
	sms10692Sends: sends10692(target).length,
});

async function credentialsAt(target: Simulator, label: string, smsAdminBaseUrl = target.urls.smsAdmin) {
	const all = simulatorCredentials({ ...target.urls, smsAdmin: smsAdminBaseUrl });
	const ref = async (type: 'smsAdminApi' | 'sms10692Api') => {
		const c = all.find((x) => x.type === type)!;
		return await createCredential(e2e.rest, `${c.name} ${label}`, c.type, c.data);
	};
	return { smsAdminApi: await ref('smsAdminApi'), sms10692Api: await ref('sms10692Api') };
}

/** Publish the workflow, post the customers to its webhook and return its one execution. */
async function runScenario(spec: WorkflowSpec, webhookPath: string, customers: Customer[], timeoutMs = 120_000): Promise<{ execution: ExecutionDetail; seconds: number }> {
	const wf = await createWorkflow(e2e.rest, spec);
	await activateWorkflow(e2e.rest, wf);
	const started = Date.now();
	const answer = await callWebhook(`${e2e.n8n.url}/webhook/${webhookPath}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ customers }),
	});
	expect(answer.status).toBe(200);
	const [summary] = await waitForExecutions(e2e.rest, wf.id, 1, timeoutMs);
	const execution = await getExecution(e2e.rest, summary.id);
	return { execution, seconds: Math.round((Date.now() - started) / 100) / 10 };
}

/** The JSON of a node's items on one output; [] when the node did not run. */
function items(execution: ExecutionDetail, node: string, output = 0): Array<Record<string, unknown>> {
	const runs = execution.runData[node];
	return runs?.length ? (runs[0].data?.main[output] ?? []).map((i) => i.json) : [];
}

beforeAll(async () => {
	[sim, slowSim] = await Promise.all([startSimulator(), startSimulator()]);
	e2e = await startE2eN8n(PORT, BROKER_PORT);
	console.log(`n8n ready after ${Math.round((Date.now() - startedAt) / 1000)} s`);
}, 10 * 60_000);

afterAll(async () => {
	await e2e?.stop();
	await sim?.close();
	await slowSim?.close();
	if (figures.length) {
		console.log(
			[
				'failover scenarios (requests the simulator recorded):',
				...figures.map((f) => `  ${f.scenario.padEnd(22)} SMSAdmin send requests ${f.smsAdminRequests}, SMSAdmin sent ${f.smsAdminSent}, SMS10692 send requests ${f.sms10692Sends}, ${f.seconds} s`),
				`failover suite: ${Math.round((Date.now() - startedAt) / 1000)} s`,
			].join('\n'),
		);
	}
}, 120_000);

test('refused, unreachable, dropped after read and timed out: only what was certainly not sent goes out through the second gateway', async () => {
	// The timeout takes the node's whole request timeout (30 s): started first, on its own simulator.
	slowSim.fault('smsAdmin', { type: 'delay', ms: 32_000, path: '/post_send' });
	const slow = (async () => {
		const spec = failoverWorkflow('E2E failover: timeout', 'e2e-failover-timeout', await credentialsAt(slowSim, 'timeout'));
		return await runScenario(spec, 'e2e-failover-timeout', [SUN], 180_000);
	})();

	// Refused: 张三 goes out through SMSAdmin; 李四 is refused (code 2) and goes out through SMS10692.
	const ok = await credentialsAt(sim, 'failover');
	const refused = await runScenario(failoverWorkflow('E2E failover: refused', 'e2e-failover-refused', ok), 'e2e-failover-refused', [ZHANG, LI]);
	expect(refused.execution.status).toBe('success');
	expect(sendsAdmin(sim).map((r) => [param(r, 'mobile'), r.status])).toEqual([
		[ZHANG.phone, 200],
		[LI.phone, 200],
	]);
	expect(sim.sent('smsAdmin').map((m) => [m.mobile, m.message])).toEqual([[ZHANG.phone, textFor(ZHANG)]]);
	expect(sends10692(sim).map((r) => [param(r, 'mobile'), param(r, 'content')])).toEqual([[LI.phone, textFor(LI)]]);
	expect(sim.sent('sms10692').map((m) => [m.mobile, m.message])).toEqual([[LI.phone, textFor(LI)]]);
	expect(items(refused.execution, SENT).map((i) => [i.recipient, i.success])).toEqual([[ZHANG.phone, true]]);
	const [refusal] = items(refused.execution, FIRST, 1);
	expect(refusal).toMatchObject({
		...LI,
		error: 'SMSAdmin (通用短信平台): insufficient balance: ask your sales contact to top the account up (code 2)',
		details: { gateway: 'smsAdmin', recipient: LI.phone, code: '2', vendorMessage: '2 余额不足!', failure: 'refused' },
	});
	expect(items(refused.execution, DECIDE, 0)).toEqual([refusal]);
	expect(items(refused.execution, SECOND).map((i) => [i.gateway, i.recipient, i.success])).toEqual([['sms10692', LI.phone, true]]);
	expect(refused.execution.runData[NOT_RESENT]).toBeUndefined();
	figures.push({ scenario: 'refused', ...counts(sim), seconds: refused.seconds });

	// Dropped after read: SMSAdmin acted on 王五's request, the answer never came: not sent again.
	sim.reset();
	sim.fault('smsAdmin', { type: 'dropAfterRead', path: '/post_send' });
	const dropped = await runScenario(failoverWorkflow('E2E failover: dropped', 'e2e-failover-dropped', ok), 'e2e-failover-dropped', [WANG]);
	expect(dropped.execution.status).toBe('success');
	expect(sendsAdmin(sim).map((r) => [param(r, 'mobile'), r.status])).toEqual([[WANG.phone, 0]]);
	expect(sim.sent('smsAdmin').map((m) => [m.mobile, m.message])).toEqual([[WANG.phone, textFor(WANG)]]);
	expect(sim.requests('sms10692')).toEqual([]);
	const [uncertain] = items(dropped.execution, FIRST, 1);
	expect(uncertain).toMatchObject({ ...WANG, details: { recipient: WANG.phone, code: 'reset', failure: 'uncertain', uncertain: true } });
	expect(uncertain.error).toMatch(/^SMSAdmin \(通用短信平台\): the connection broke before an answer arrived \(.+\)\. /);
	expect(uncertain.error).toContain(UNCERTAIN_NOTE);
	expect(items(dropped.execution, DECIDE, 1)).toEqual([uncertain]);
	expect(items(dropped.execution, NOT_RESENT)).toEqual([uncertain]);
	expect(dropped.execution.runData[SECOND]).toBeUndefined();
	figures.push({ scenario: 'dropped after read', ...counts(sim), seconds: dropped.seconds });

	// Unreachable: nothing listens where the SMSAdmin credential points: 赵六 goes out through SMS10692.
	sim.reset();
	const closed = await credentialsAt(sim, 'unreachable', sim.closedUrl);
	const unreachable = await runScenario(failoverWorkflow('E2E failover: unreachable', 'e2e-failover-unreachable', closed), 'e2e-failover-unreachable', [ZHAO]);
	expect(unreachable.execution.status).toBe('success');
	expect(sim.requests('smsAdmin')).toEqual([]);
	const [unreached] = items(unreachable.execution, FIRST, 1);
	expect(unreached).toMatchObject({ ...ZHAO, details: { recipient: ZHAO.phone, code: 'connect', failure: 'unreachable' } });
	expect((unreached.details as Record<string, unknown>).uncertain).toBeUndefined();
	expect(sends10692(sim).map((r) => [param(r, 'mobile'), param(r, 'content')])).toEqual([[ZHAO.phone, textFor(ZHAO)]]);
	expect(items(unreachable.execution, SECOND).map((i) => [i.recipient, i.success])).toEqual([[ZHAO.phone, true]]);
	expect(unreachable.execution.runData[NOT_RESENT]).toBeUndefined();
	figures.push({ scenario: 'unreachable', ...counts(sim), seconds: unreachable.seconds });

	// Timeout: SMSAdmin acted on 孙七's request and answered after the node gave up: not sent again.
	const timedOut = await slow;
	expect(timedOut.execution.status).toBe('success');
	expect(timedOut.seconds).toBeGreaterThanOrEqual(30);
	expect(sendsAdmin(slowSim).map((r) => param(r, 'mobile'))).toEqual([SUN.phone]);
	expect(slowSim.sent('smsAdmin').map((m) => [m.mobile, m.message])).toEqual([[SUN.phone, textFor(SUN)]]);
	expect(slowSim.requests('sms10692')).toEqual([]);
	const [late] = items(timedOut.execution, FIRST, 1);
	expect(late).toMatchObject({ ...SUN, details: { recipient: SUN.phone, code: 'timeout', failure: 'uncertain', uncertain: true } });
	expect(late.error).toMatch(/^SMSAdmin \(通用短信平台\): no answer within 30 s\. /);
	expect(late.error).toContain(UNCERTAIN_NOTE);
	expect(items(timedOut.execution, NOT_RESENT)).toEqual([late]);
	expect(timedOut.execution.runData[SECOND]).toBeUndefined();
	figures.push({ scenario: 'timeout', ...counts(slowSim), seconds: timedOut.seconds });
}, 10 * 60_000);
