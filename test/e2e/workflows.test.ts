/**
 * End to end in a real n8n 2.41.1 (`npm run test:e2e`; needs `npm run build`): the package packed
 * and installed as the community-nodes panel installs it, n8n started once, and three kinds of
 * published workflows run by n8n itself against the gateway simulator (in this process, on
 * loopback; n8n reaches it over HTTP):
 *
 * - actions: one workflow per gateway, started by a production webhook, every operation of the
 *   contract's table (26 cells) as parallel branches; outputs, the requests the simulator
 *   recorded, and refusals on the error output (onError: continueErrorOutput);
 * - polling: the CN SMS Trigger of the four polling gateways, published and polled by n8n's own
 *   schedule (activation, then every minute): the executions' items are exactly the events
 *   queued in the simulator, none missing, none twice, over at least two polls a minute apart;
 * - push: the simulator pushes to the live webhook URL of the CN SMS Push Trigger (chinaSms,
 *   smsAdmin, sms18); forged pushes start nothing; a push declaring charset=GBK is measured.
 *
 * Ports: n8n CN_SMS_E2E_PORT (15698) and broker CN_SMS_E2E_BROKER_PORT (15699) — next to the
 * smoke test's 15688/15689; simulators 18101–18105 (actions, push) and 18111–18115 (polling).
 * CN_SMS_KEEP=1 keeps n8n's user folder.
 */
import { createHash } from 'node:crypto';

import { encodePairs } from '../../nodes/gateways/kit/charset';
import { GATEWAY_IDS, SIM_ACCOUNTS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import type { GatewayId, RecordedRequest } from '../simulator/types';
import type { Sms18Sim } from '../simulator/vendors/sms18';
import {
	CHECK_TEXT,
	NEW_PASSWORD,
	OPERATION_BRANCH,
	PEOPLE,
	REFUSAL,
	SEND_NUMBERS,
	branchesFor,
	bulkText,
	sendText,
} from './support/actionBranches';
import { CREDENTIAL_TYPE, simulatorCredentials } from './support/credentials';
import type {
	CredentialRef,
	E2eN8n,
	ExecutionDetail,
	SavedWorkflow,
} from './support/n8n';
import {
	activateWorkflow,
	callWebhook,
	createCredential,
	createWorkflow,
	getExecution,
	listExecutions,
	outputOf,
	sleep,
	startE2eN8n,
	waitForExecutions,
} from './support/n8n';
import { pollBatches, runPollScenario } from './support/polling';
import type { PollOutcome } from './support/polling';
import { POLL_NODE, PUSH_NODE, actionWorkflow, actionWorkflowPath, pollingWorkflow, pushWebhookId, pushWorkflow } from './support/workflows';

const PORT = Number(process.env.CN_SMS_E2E_PORT || 15698);
const BROKER_PORT = Number(process.env.CN_SMS_E2E_BROKER_PORT || 15699);
const simPorts = (base: number) => Object.fromEntries(GATEWAY_IDS.map((id, i) => [id, base + i]));

const DISPLAY: Record<GatewayId, string> = {
	chinaSms: 'China SMS (中国短信)',
	smsAdmin: 'SMSAdmin (通用短信平台)',
	sms112088: '112088 Enterprise SMS (企业短信通)',
	sms18: '18SMS (18sms.com)',
	sms10692: 'SMS10692 (sms10692.com)',
};
const POLLING: Array<{ gateway: GatewayId; reports: boolean }> = [
	{ gateway: 'chinaSms', reports: false },
	{ gateway: 'smsAdmin', reports: true },
	{ gateway: 'sms112088', reports: true },
	{ gateway: 'sms10692', reports: true },
];
/** n8n polls every minute: activation, a first scheduled poll within 60 s, a second 60 s later. */
const POLL_TIMEOUT_MS = 200_000;

/** Every secret of the test accounts, as it would appear in a leak. */
const SECRETS = [
	...Object.values(SIM_ACCOUNTS).map((a) => a.password),
	createHash('md5').update(SIM_ACCOUNTS.smsAdmin.password).digest('hex'),
	NEW_PASSWORD,
];

let e2e: E2eN8n;
let sim: Simulator;
let pollSim: Simulator;
let polling: Promise<PollOutcome[]>;
const startedAt = Date.now();

beforeAll(async () => {
	sim = await startSimulator({ ports: simPorts(18101) });
	pollSim = await startSimulator({ ports: simPorts(18111) });
	e2e = await startE2eN8n(PORT, BROKER_PORT);
	console.log(`n8n ready after ${Math.round((Date.now() - startedAt) / 1000)} s`);
	// The polling workflows start first: n8n's schedule runs while the other suites work.
	const pollCredentials = await credentialsFor(pollSim, 'poll');
	polling = Promise.all(
		POLLING.map(async ({ gateway, reports }, index) => {
			const wf = await createWorkflow(e2e.rest, pollingWorkflow(gateway, pollCredentials[gateway], reports ? ['reply', 'report'] : ['reply']));
			return await runPollScenario(e2e.rest, pollSim, gateway, wf, pollBatches(gateway, index, reports), POLL_TIMEOUT_MS);
		}),
	);
	polling.catch(() => undefined); // awaited (and reported) by the polling test
}, 20 * 60_000);

afterAll(async () => {
	await polling?.catch(() => undefined);
	await e2e?.stop();
	await sim?.close();
	await pollSim?.close();
	console.log(`e2e workflows suite: ${Math.round((Date.now() - startedAt) / 1000)} s`);
}, 120_000);

async function credentialsFor(target: Simulator, label: string): Promise<Record<GatewayId, CredentialRef>> {
	const refs = {} as Record<GatewayId, CredentialRef>;
	for (const c of simulatorCredentials(target.urls)) {
		if (c.type !== CREDENTIAL_TYPE[c.gateway]) continue;
		refs[c.gateway] = await createCredential(e2e.rest, `${c.name} ${label}`, c.type, c.data);
	}
	return refs;
}

const param = (r: RecordedRequest, name: string) => r.params.find(([k]) => k.trim() === name)?.[1];

describe('actions: every operation of every gateway in published workflows', () => {
	const executions = {} as Record<GatewayId, ExecutionDetail>;
	const replies = (g: GatewayId) => [
		{ mobile: '13600000001', text: `回复一 ${g}` },
		{ mobile: '13600000002', text: `回复二 ${g}` },
	];
	const reports = (g: GatewayId) => [
		{ mobile: '13500000001', messageId: '880001', linkId: 'E2E1', vendorStatus: g === 'smsAdmin' ? 'DELIVRD' : '10' },
		{ mobile: '13500000002', messageId: '880002', linkId: 'E2E2', vendorStatus: g === 'smsAdmin' ? 'UNDELIV' : '20' },
	];

	beforeAll(async () => {
		const credentials = await credentialsFor(sim, 'actions');
		const chinaSms = simulatorCredentials(sim.urls).find((c) => c.type === 'chinaSmsApi')!;
		// A second china-sms account for Change Password, so the first keeps working.
		const secondAccount = await createCredential(e2e.rest, 'China SMS second account', 'chinaSmsApi', {
			...chinaSms.data,
			username: `${SIM_ACCOUNTS.chinaSms.username}-nofee`,
		});
		for (const g of GATEWAY_IDS) {
			if (OPERATION_BRANCH[g].fetchReplies) for (const r of replies(g)) sim.queueReply(g, r);
			if (OPERATION_BRANCH[g].fetchReports) for (const r of reports(g)) sim.queueReport(g, r);
		}
		await Promise.all(
			GATEWAY_IDS.map(async (g) => {
				const wf = await createWorkflow(e2e.rest, actionWorkflow(g, credentials[g], branchesFor(g, { secondAccount })));
				await activateWorkflow(e2e.rest, wf);
				const answer = await callWebhook(`${e2e.n8n.url}/webhook/${actionWorkflowPath(g)}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ people: PEOPLE }),
				});
				expect({ gateway: g, status: answer.status }).toEqual({ gateway: g, status: 200 });
				const [summary] = await waitForExecutions(e2e.rest, wf.id, 1, 120_000);
				executions[g] = await getExecution(e2e.rest, summary.id);
			}),
		);
	}, 5 * 60_000);

	const out = (g: GatewayId, operation: string, output = 0) => outputOf(executions[g], OPERATION_BRANCH[g][operation], output);
	const sentWith = (g: GatewayId, text: string) => sim.sent(g).filter((m) => m.message === text);

	test.each(GATEWAY_IDS)('%s: the execution succeeded and no secret appears in it', (g) => {
		expect(executions[g].status).toBe('success');
		expect(executions[g].mode).toBe('webhook');
		const dump = JSON.stringify(executions[g].runData);
		for (const secret of SECRETS) expect(dump).not.toContain(secret);
	});

	test.each(GATEWAY_IDS)('%s send: one request for all numbers, accepted, recorded by the gateway', (g) => {
		const items = out(g, 'send');
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ gateway: g, success: true, recipients: SEND_NUMBERS, accepted: 3, rejected: 0, requests: 1, segments: 1 });
		expect(sentWith(g, sendText(g)).map((m) => m.mobile).sort()).toEqual(SEND_NUMBERS);
	});

	test.each(GATEWAY_IDS)('%s sendBulk: one item per input item, all in one request', (g) => {
		const items = out(g, 'sendBulk');
		expect(items.map((i) => [i.recipient, i.success])).toEqual(PEOPLE.map((p) => [p.phone, true]));
		const runs = executions[g].runData[OPERATION_BRANCH[g].sendBulk][0].data!.main[0]!;
		expect(runs.map((i) => i.pairedItem)).toEqual(PEOPLE.map((_, item) => ({ item })));
		expect(sentWith(g, bulkText(g)).map((m) => m.mobile)).toEqual(PEOPLE.map((p) => p.phone));
		const carrying = sim.requests(g).filter((r) => r.params.some(([, v]) => v.includes(PEOPLE[0].phone)) && !r.path.includes('ddt'));
		expect(carrying).toHaveLength(1);
	});

	test('smsAdmin sendTemplate: 点点通 fills {value0}, {value1} per recipient in one request', () => {
		const items = out('smsAdmin', 'sendTemplate');
		expect(items.map((i) => [i.recipient, i.success])).toEqual(PEOPLE.map((p) => [p.phone, true]));
		const templated = sim.sent('smsAdmin').filter((m) => m.message.includes('验证码'));
		expect(templated.map((m) => [m.mobile, m.message])).toEqual(PEOPLE.map((p) => [p.phone, `${p.name}，您的验证码是${p.code}`]));
		expect(sim.requests('smsAdmin').filter((r) => r.path.endsWith('/post_send_ddt/'))).toHaveLength(1);
	});

	test.each(GATEWAY_IDS)('%s getBalance: the balance the gateway answered', (g) => {
		const [item] = out(g, 'getBalance');
		const expected: Record<GatewayId, { balance: number; unit: string }> = {
			chinaSms: { balance: 9586, unit: 'yuan' },
			smsAdmin: { balance: 1000, unit: 'messages' },
			// 112088 and 18SMS count down as messages go out; SMS10692 too (3 sent before the query).
			sms112088: { balance: 10_000 - 3, unit: 'messages' },
			sms18: { balance: 1000 - 3 + 2000, unit: 'messages' },
			sms10692: { balance: 10_000 - 3, unit: 'messages' },
		};
		expect(item).toMatchObject({ gateway: g, ...expected[g] });
		if (g === 'sms18') expect(item.products).toEqual([{ product: '1234567', balance: 997 }, { product: '1234531', balance: 2000 }]);
	});

	const replyGateways = GATEWAY_IDS.filter((g) => OPERATION_BRANCH[g].fetchReplies);
	test.each(replyGateways)('%s fetchReplies: every queued reply once, nothing left', (g) => {
		const items = out(g, 'fetchReplies');
		expect(items.map((i) => [i.gateway, i.type, i.mobile, i.text])).toEqual(replies(g).map((r) => [g, 'reply', r.mobile, r.text]));
		expect(sim.pending(g).replies).toBe(0);
	});

	const reportGateways = GATEWAY_IDS.filter((g) => OPERATION_BRANCH[g].fetchReports);
	test.each(reportGateways)('%s fetchReports: every queued report once, statuses normalised', (g) => {
		const items = out(g, 'fetchReports');
		expect(items.map((i) => [i.type, i.mobile, i.status, i.vendorStatus])).toEqual(
			reports(g).map((r, k) => ['report', r.mobile, k === 0 ? 'delivered' : 'failed', r.vendorStatus]),
		);
		expect(sim.pending(g).reports).toBe(0);
	});

	test('china-sms fetchReplies keeps the documented 5 s between calls inside n8n', () => {
		const calls = sim.requests('chinaSms').filter((r) => r.path === '/send/readsms.asp');
		expect(calls).toHaveLength(3); // two replies, then "none pending"
		expect(sim.spacingViolations('chinaSms')).toEqual([]);
		expect(calls[2].at - calls[0].at).toBeGreaterThanOrEqual(10_000);
	});

	test.each([
		['smsAdmin', ['发票', '代开']],
		['sms10692', []],
	] as Array<[GatewayId, string[]]>)('%s checkContent: blocked words found', (g, words) => {
		expect(out(g, 'checkContent')).toEqual([expect.objectContaining({ gateway: g, clean: false, words })]);
		const asked = sim.requests(g).filter((r) => param(r, 'msg') === CHECK_TEXT[g] || param(r, 'content') === CHECK_TEXT[g]);
		expect(asked).toHaveLength(1);
	});

	test('chinaSms changePassword: the second account got the new password, which is shown nowhere', () => {
		expect(out('chinaSms', 'changePassword')).toEqual([{ gateway: 'chinaSms', success: true }]);
		const [change] = sim.requests('chinaSms').filter((r) => r.path === '/send/cpwd.asp');
		expect([param(change, 'name'), param(change, 'newpwd')]).toEqual([`${SIM_ACCOUNTS.chinaSms.username}-nofee`, NEW_PASSWORD]);
	});

	test.each(GATEWAY_IDS)('%s: a refusal by the gateway goes to the error output with its code', (g) => {
		const node = 'Refused';
		expect(outputOf(executions[g], node, 0)).toEqual([]);
		const failed = outputOf(executions[g], node, 1);
		expect(failed).toHaveLength(1);
		const name = DISPLAY[g].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		expect(failed[0].error).toMatch(new RegExp(`^${name}: .+ \\(code ${REFUSAL[g].code}\\)$`));
		expect(failed[0].details).toMatchObject({ gateway: g, success: false, code: REFUSAL[g].code, vendorMessage: expect.any(String) });
		expect(sentWith(g, REFUSAL[g].message)).toEqual([]);
	});

	test('bad input goes to the error output naming the item, and nothing is sent', () => {
		const failed = outputOf(executions.chinaSms, 'Bad Input', 1);
		expect(failed).toHaveLength(1);
		expect(failed[0].error).toMatch(/^Item 0: invalid phone number "12345"/);
		expect(sim.requests('chinaSms').filter((r) => param(r, 'msg') === '不会发送')).toEqual([]);
	});
});

describe('push trigger: the simulator pushes to the live webhook URL', () => {
	const workflows = {} as Record<'chinaSms' | 'smsAdmin' | 'sms18', SavedWorkflow>;
	const url = (g: GatewayId) => `${e2e.n8n.url}/webhook/${pushWebhookId(g)}/cn-sms`;
	const SMS18_RECEIVER = { receiver: 'n8n-e2e', pswd: 'push-secret-1' };
	const pushItems = async (g: keyof typeof workflows) => {
		const list = await listExecutions(e2e.rest, workflows[g].id);
		const details = await Promise.all(list.map(async (e) => await getExecution(e2e.rest, e.id)));
		return details.map((d) => outputOf(d, PUSH_NODE));
	};

	beforeAll(async () => {
		const specs = {
			chinaSms: pushWorkflow('chinaSms', ['reply'], {}),
			smsAdmin: pushWorkflow('smsAdmin', ['reply', 'report'], { userId: SIM_ACCOUNTS.smsAdmin.userId }),
			sms18: pushWorkflow('sms18', ['reply', 'report'], { receiver: SMS18_RECEIVER.receiver, password: SMS18_RECEIVER.pswd }),
		};
		for (const g of Object.keys(specs) as Array<keyof typeof specs>) {
			workflows[g] = await createWorkflow(e2e.rest, specs[g]);
			await activateWorkflow(e2e.rest, workflows[g]);
		}
		(sim.vendor('sms18') as Sms18Sim).configure({ push: SMS18_RECEIVER });
	}, 60_000);

	/** sim.push, retried while n8n still answers 404 (webhooks are registered just after activation). */
	const push = async (...args: Parameters<Simulator['push']>) => {
		for (let tries = 0; ; tries++) {
			const answer = await sim.push(...args);
			if (answer.status !== 404 || tries >= 30) return answer;
			await sleep(500);
		}
	};

	test('chinaSms: a GBK reply becomes one execution; the gateway gets the bare "0" it expects', async () => {
		const answer = await push('chinaSms', 'reply', { mobile: '13600000011', text: '收到，谢谢！明天见', id: '7001' }, { url: url('chinaSms') });
		expect(answer).toEqual({ status: 200, body: '0' });
		await waitForExecutions(e2e.rest, workflows.chinaSms.id, 1, 30_000);
		expect(await pushItems('chinaSms')).toEqual([
			[expect.objectContaining({ gateway: 'chinaSms', type: 'reply', id: '7001', mobile: '13600000011', text: '收到，谢谢！明天见', unsubscribe: false })],
		]);
	});

	test('smsAdmin: a GB2312 reply (Class=mo) and a report (Class=rpt) become two executions', async () => {
		expect(await push('smsAdmin', 'reply', { mobile: '13600000012', text: '好的，已确认', linkId: 'LK1' }, { url: url('smsAdmin') })).toMatchObject({ status: 200 });
		expect(await push('smsAdmin', 'report', { mobile: '13600000012', linkId: 'LK1', vendorStatus: 'DELIVRD' }, { url: url('smsAdmin') })).toMatchObject({ status: 200 });
		await waitForExecutions(e2e.rest, workflows.smsAdmin.id, 2, 30_000);
		expect(await pushItems('smsAdmin')).toEqual([
			[expect.objectContaining({ gateway: 'smsAdmin', type: 'reply', mobile: '13600000012', text: '好的，已确认', linkId: 'LK1' })],
			[expect.objectContaining({ gateway: 'smsAdmin', type: 'report', mobile: '13600000012', status: 'delivered', vendorStatus: 'DELIVRD', linkId: 'LK1' })],
		]);
	});

	test('sms18: a UTF-8 reply and a report with the right receiver/pswd become two executions', async () => {
		expect(await push('sms18', 'reply', { mobile: '13600000013', text: '可以 👍' }, { url: url('sms18') })).toMatchObject({ status: 200 });
		expect(await push('sms18', 'report', { mobile: '13600000013', messageId: '1234567890999', vendorStatus: 'DELIVRD' }, { url: url('sms18') })).toMatchObject({ status: 200 });
		await waitForExecutions(e2e.rest, workflows.sms18.id, 2, 30_000);
		const items = await pushItems('sms18');
		expect(items).toEqual([
			[expect.objectContaining({ gateway: 'sms18', type: 'reply', mobile: '13600000013', text: '可以 👍' })],
			[expect.objectContaining({ gateway: 'sms18', type: 'report', messageId: '1234567890999', mobile: '13600000013', status: 'delivered' })],
		]);
		expect(JSON.stringify(items)).not.toContain(SMS18_RECEIVER.pswd);
	});

	test('forged pushes (wrong sms18 pswd, wrong SmsName) get 403 and start nothing', async () => {
		const before = { sms18: (await listExecutions(e2e.rest, workflows.sms18.id)).length, smsAdmin: (await listExecutions(e2e.rest, workflows.smsAdmin.id)).length };
		(sim.vendor('sms18') as Sms18Sim).configure({ push: { ...SMS18_RECEIVER, pswd: 'guessed' } });
		const forged18 = await push('sms18', 'reply', { mobile: '13600000014', text: '伪造' }, { url: url('sms18') });
		(sim.vendor('sms18') as Sms18Sim).configure({ push: SMS18_RECEIVER });
		const body = encodePairs(
			[['Class', 'mo'], ['SmsName', 'intruder'], ['Mobile', '13600000015'], ['Message', '伪造'], ['LinkId', ''], ['RevertTime', '2026-11-23 12:00:00']],
			'gb2312',
		);
		const forgedAdmin = await fetch(url('smsAdmin'), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
		expect([forged18.status, forgedAdmin.status]).toEqual([403, 403]);
		await sleep(2000);
		expect((await listExecutions(e2e.rest, workflows.sms18.id)).length).toBe(before.sms18);
		expect((await listExecutions(e2e.rest, workflows.smsAdmin.id)).length).toBe(before.smsAdmin);
	});

	test('measured: n8n refuses a push declaring charset=GBK with 422 before the node runs', async () => {
		const before = (await listExecutions(e2e.rest, workflows.smsAdmin.id)).length;
		const body = encodePairs(
			[['Class', 'mo'], ['SmsName', SIM_ACCOUNTS.smsAdmin.userId], ['Mobile', '13600000016'], ['Message', '字符集'], ['LinkId', ''], ['RevertTime', '2026-11-23 12:00:00']],
			'gb2312',
		);
		const statuses: Record<string, number> = {};
		for (const charset of ['GBK', 'gb2312']) {
			const res = await fetch(url('smsAdmin'), { method: 'POST', headers: { 'content-type': `application/x-www-form-urlencoded; charset=${charset}` }, body });
			statuses[charset] = res.status;
			console.log(`push with Content-Type charset=${charset}: HTTP ${res.status} ${(await res.text()).slice(0, 120)}`);
		}
		expect(statuses).toEqual({ GBK: 422, gb2312: 422 });
		await sleep(1000);
		expect((await listExecutions(e2e.rest, workflows.smsAdmin.id)).length).toBe(before);
	});
});

describe('polling trigger: published, polled by n8n every minute', () => {
	let outcomes: PollOutcome[];

	beforeAll(async () => {
		outcomes = await polling;
		for (const o of outcomes) {
			const t0 = Date.parse(o.executions[0]?.startedAt ?? '');
			const polls = o.executions.map((e) => `+${Math.round((Date.parse(e.startedAt) - t0) / 1000)} s: ${outputOf(e, POLL_NODE).length} items`);
			console.log(`${o.gateway}: ${o.executions.length} executions (${polls.join(', ')})`);
		}
	}, POLL_TIMEOUT_MS + 60_000);

	test.each(POLLING.map((p) => p.gateway))('%s: every queued event arrived once, over polls at least a minute apart', (g) => {
		const o = outcomes.find((x) => x.gateway === g)!;
		expect(o.problem).toBeNull();
		const expected = [
			...o.batches.flatMap((b) => b.replies.map((r) => `reply ${r.mobile} ${r.text}`)),
			...o.batches.flatMap((b) => b.reports.map((r) => `report ${r.mobile} delivered`)),
		].sort();
		const got = o.items.map((i) => (i.type === 'reply' ? `reply ${i.mobile} ${i.text}` : `report ${i.mobile} ${i.status}`)).sort();
		expect(got).toEqual(expected); // none missing, none twice
		expect(o.items.every((i) => i.gateway === g)).toBe(true);
		expect(o.executions.every((e) => e.status === 'success' && e.mode === 'trigger')).toBe(true);
		expect(o.executions.length).toBeGreaterThanOrEqual(2);
		const times = o.executions.map((e) => Date.parse(e.startedAt));
		expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(59_000);
		expect(pollSim.pending(g)).toEqual({ replies: 0, reports: 0 });
		expect(pollSim.spacingViolations(g)).toEqual([]);
	});
});
