/**
 * The package on n8n's distributed engine (`npm run test:queue`; needs `npm run build`): n8n 2.41.1
 * in queue mode — Redis, Postgres 15, a main process, two workers and a webhook processor, each with
 * the package installed in its own user folder (support/cluster.ts) — against the gateway simulator
 * on 127.0.0.1:19121–19125. Every case asserts on the simulator's request log and on the executions
 * in Postgres; which worker ran an execution comes from the workers' logs.
 *
 * 1. sends spread over workers: 200 production-webhook executions of a send workflow;
 * 2. pushes through the webhook processor, forged pushes, the main process's answer to a push, and
 *    an 18SMS long message whose parts reach two webhook processors (measured);
 * 3. polling in queue mode: 500 SMSAdmin replies and 250 112088 reports over several polls, then a
 *    restart of the main process between polls while events are queued, and one during a poll
 *    (measured: what that poll had taken is lost);
 * 4. a worker SIGKILLed in the middle of a bulk send: nothing sent twice, no retry on the other
 *    worker, the execution ends as failed (the timeline is measured).
 *
 * Cases named "measured" record what n8n does today and check the bookkeeping of the measurement;
 * the figures of every case are printed at the end ("[queue] figures").
 *
 * The polling scenario runs from the start, beside cases 1 and 2 (n8n polls once a minute).
 * CN_SMS_KEEP=1 keeps the folders (user folders with each process's log, Postgres data).
 */
import { SIM_ACCOUNTS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { raiseQuotas } from '../simulator/stats';
import type { GatewayId, SimReply, SimReport } from '../simulator/types';
import type { Sms18Sim } from '../simulator/vendors/sms18';
import { CREDENTIAL_TYPE, simulatorCredentials } from '../e2e/support/credentials';
import { activateWorkflow, callWebhook, createCredential, createWorkflow, sleep } from '../e2e/support/n8n';
import type { CredentialRef, SavedWorkflow } from '../e2e/support/n8n';
import type { Cluster } from './support/cluster';
import { PORTS, startCluster, startedExecutions } from './support/cluster';
import { redisCli } from './support/services';
import type { PgExecution } from './support/workflows';
import {
	FINISHED,
	POLL_NODE,
	PUSH_NODE,
	SEND_NODE,
	bulkWorkflow,
	executionById,
	executionsOf,
	itemsOf,
	pollingWorkflow,
	pushUrl,
	pushWorkflow,
	runDataOf,
	sendWorkflow,
	waitForExecutions,
} from './support/workflows';

const GATEWAYS: GatewayId[] = ['chinaSms', 'smsAdmin', 'sms112088', 'sms18', 'sms10692'];
const SENDS = 200;
const SEND_GATEWAY: GatewayId = 'sms18';
const REPLIES = 500;
const REPORTS = 250;
const RESTART_REPLIES = 300;
const RESTART_REPORTS = 150;
const BULK = 400;
const BULK_GATEWAY: GatewayId = 'chinaSms';

let cluster: Cluster;
let sim: Simulator;
const credentials = {} as Record<GatewayId, CredentialRef>;
/** Figures for the closing summary. */
const figures: Record<string, unknown> = {};
const began = Date.now();
const log = (line: string) => process.stderr.write(`[queue +${Math.round((Date.now() - began) / 1000)} s] ${line}\n`);

interface PollState {
	workflows: Record<'smsAdmin' | 'sms112088', SavedWorkflow>;
	phaseA: Promise<void>;
}
let polling: PollState;

const replyText = (phase: string, k: number) => `${phase}回复${k}`;
const reportId = (phase: number, k: number) => String(phase * 100_000 + k);

function queueEvents(phase: 'A' | 'B', replies: number, reports: number): void {
	const p = phase === 'A' ? 1 : 2;
	for (let k = 0; k < replies; k++) {
		const reply: SimReply = { mobile: `136${String(p * 100_000 + k).padStart(8, '0')}`, text: replyText(phase, k), linkId: `${phase}${k}` };
		sim.queueReply('smsAdmin', reply);
	}
	for (let k = 0; k < reports; k++) {
		const report: SimReport = { mobile: `135${String(p * 100_000 + k).padStart(8, '0')}`, messageId: reportId(p, k), vendorStatus: '10' };
		sim.queueReport('sms112088', report);
	}
}

/** Items every execution of the workflow emitted (trigger node output), with the execution. */
async function emitted(workflowId: string): Promise<Array<{ execution: PgExecution; items: Array<Record<string, unknown>> }>> {
	const list = (await executionsOf(cluster.pg, workflowId, true)).filter(FINISHED);
	return list.map((execution) => ({ execution, items: itemsOf(execution, POLL_NODE) }));
}

async function waitForItems(workflowId: string, count: number, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const got = (await emitted(workflowId)).reduce((n, e) => n + e.items.length, 0);
		if (got >= count) return;
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: ${got} of ${count} items after ${timeoutMs / 1000} s`);
		await sleep(2000);
	}
}

const gatewayCalls = (gateway: GatewayId, pathPart: string) => sim.requests(gateway).filter((r) => r.path.includes(pathPart));

beforeAll(async () => {
	sim = await startSimulator({ ports: Object.fromEntries(GATEWAYS.map((g, i) => [g, PORTS.simulatorBase + i])) });
	raiseQuotas(sim);
	cluster = await startCluster({ log });
	figures.startup = cluster.timings;
	for (const c of simulatorCredentials(sim.urls)) {
		if (c.type !== CREDENTIAL_TYPE[c.gateway]) continue;
		credentials[c.gateway] = await createCredential(cluster.rest, c.name, c.type, c.data);
	}
	// Polling first: n8n's schedule runs while the other cases work.
	const workflows = {
		smsAdmin: await createWorkflow(cluster.rest, pollingWorkflow('smsAdmin', credentials.smsAdmin, ['reply'])),
		// One call (≤100 reports) per poll, so 250 reports take three polls.
		sms112088: await createWorkflow(cluster.rest, pollingWorkflow('sms112088', credentials.sms112088, ['report'], { maxCalls: 1 })),
	};
	queueEvents('A', REPLIES, REPORTS);
	const phaseA = (async () => {
		await activateWorkflow(cluster.rest, workflows.smsAdmin);
		await activateWorkflow(cluster.rest, workflows.sms112088);
		log('polling workflows active');
		await Promise.all([waitForItems(workflows.smsAdmin.id, REPLIES, 420_000), waitForItems(workflows.sms112088.id, REPORTS, 420_000)]);
		log('polling phase A: every queued event emitted');
	})();
	phaseA.catch(() => undefined);
	polling = { workflows, phaseA };
}, 15 * 60_000);

afterAll(async () => {
	await polling?.phaseA.catch(() => undefined);
	await cluster?.stop();
	await sim?.close();
	figures.stageSeconds = Math.round((Date.now() - began) / 1000);
	process.stderr.write(`\n[queue] figures:\n${JSON.stringify(figures, null, 2)}\n`);
}, 180_000);

describe('sends spread over the workers', () => {
	const path = 'queue-send';
	const text = (k: number) => `队列发送 ${k}`;
	const phone = (k: number) => `150${String(k).padStart(8, '0')}`;
	let executions: PgExecution[];
	let answers: number[];

	beforeAll(async () => {
		const wf = await createWorkflow(cluster.rest, sendWorkflow(SEND_GATEWAY, credentials[SEND_GATEWAY], path));
		await activateWorkflow(cluster.rest, wf);
		const url = `${cluster.webhookBase}/webhook/${path}`;
		const t = Date.now();
		answers = new Array(SENDS);
		let next = 0;
		// Ten callers at a time, as a busy form or upstream system would.
		await Promise.all(
			Array.from({ length: 10 }, async () => {
				while (next < SENDS) {
					const k = next++;
					const answer = await callWebhook(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ phone: phone(k), text: text(k) }) });
					answers[k] = answer.status;
				}
			}),
		);
		const posted = Date.now() - t;
		executions = await waitForExecutions(cluster.pg, wf.id, SENDS, 300_000);
		figures.sends = { executions: executions.length, postedMs: posted, allFinishedMs: Date.now() - t };
		log(`${SENDS} webhook calls answered in ${posted} ms, all executions finished after ${Date.now() - t} ms`);
	}, 10 * 60_000);

	test('every call was answered 200 by the webhook processor and became one successful execution', () => {
		expect(answers.filter((s) => s === 200)).toHaveLength(SENDS);
		expect(executions).toHaveLength(SENDS);
		expect(executions.map((e) => [e.status, e.mode])).toEqual(executions.map(() => ['success', 'webhook']));
	});

	test('each message reached the gateway exactly once, none lost', () => {
		const sent = sim.sent(SEND_GATEWAY).filter((m) => m.message.startsWith('队列发送 '));
		const expected = Array.from({ length: SENDS }, (_, k) => `${phone(k)} ${text(k)}`).sort();
		expect(sent.map((m) => `${m.mobile} ${m.message}`).sort()).toEqual(expected);
		const outputs = executions.flatMap((e) => itemsOf(e, SEND_NODE));
		expect(outputs.map((o) => [o.success, (o.recipients as string[]).join(',')]).sort()).toEqual(
			Array.from({ length: SENDS }, (_, k) => [true, phone(k)]).sort(),
		);
		figures.sendsAtGateway = { messages: sent.length, distinct: new Set(sent.map((m) => m.mobile)).size, duplicates: sent.length - new Set(sent.map((m) => m.mobile)).size };
	});

	test('both workers ran some of them, and only workers ran them', () => {
		const byWorker = cluster.workerOf();
		const counts: Record<string, number> = {};
		for (const e of executions) {
			const w = byWorker.get(e.id) ?? 'no worker';
			counts[w] = (counts[w] ?? 0) + 1;
		}
		figures.sendsPerWorker = counts;
		log(`executions per worker: ${JSON.stringify(counts)}`);
		expect(counts['no worker']).toBeUndefined();
		expect(Object.keys(counts).sort()).toEqual(['worker1', 'worker2']);
		expect(startedExecutions(cluster.main.log())).toEqual([]);
	});
});

describe('pushes through the webhook processor', () => {
	const SMS18_RECEIVER = { receiver: 'n8n-queue', pswd: 'push-secret-q' };
	const ids = { chinaSms: 'queue-push-chinasms', smsAdmin: 'queue-push-smsadmin', sms18: 'queue-push-sms18' } as const;
	const workflows = {} as Record<keyof typeof ids, SavedWorkflow>;
	const url = (g: keyof typeof ids, base = cluster.webhookBase) => pushUrl(base, ids[g]);
	/** sim.push, retried while the webhook is not registered yet (just after activation). */
	const push = async (...args: Parameters<Simulator['push']>) => {
		for (let tries = 0; ; tries++) {
			const answer = await sim.push(...args);
			if (answer.status !== 404 || tries >= 30) return answer;
			await sleep(500);
		}
	};

	beforeAll(async () => {
		const specs = {
			chinaSms: pushWorkflow('chinaSms', ids.chinaSms, ['reply'], {}),
			smsAdmin: pushWorkflow('smsAdmin', ids.smsAdmin, ['reply', 'report'], { userId: SIM_ACCOUNTS.smsAdmin.userId }),
			sms18: pushWorkflow('sms18', ids.sms18, ['reply', 'report'], { receiver: SMS18_RECEIVER.receiver, password: SMS18_RECEIVER.pswd }),
		};
		for (const g of Object.keys(specs) as Array<keyof typeof specs>) {
			workflows[g] = await createWorkflow(cluster.rest, specs[g]);
			await activateWorkflow(cluster.rest, workflows[g]);
		}
		(sim.vendor('sms18') as Sms18Sim).configure({ push: SMS18_RECEIVER });
	}, 120_000);

	test('the three gateways\' pushes start executions that run on workers', async () => {
		const answers = [
			await push('chinaSms', 'reply', { mobile: '13600000021', text: '队列回复', id: '9001' }, { url: url('chinaSms') }),
			await push('smsAdmin', 'reply', { mobile: '13600000022', text: '好的', linkId: 'Q1' }, { url: url('smsAdmin') }),
			await push('smsAdmin', 'report', { mobile: '13600000022', linkId: 'Q1', vendorStatus: 'DELIVRD' }, { url: url('smsAdmin') }),
			await push('sms18', 'reply', { mobile: '13600000023', text: '可以' }, { url: url('sms18') }),
			await push('sms18', 'report', { mobile: '13600000023', messageId: '1234567890777', vendorStatus: 'DELIVRD' }, { url: url('sms18') }),
		];
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
		expect(answers[0].body).toBe('0');
		const done = {
			chinaSms: await waitForExecutions(cluster.pg, workflows.chinaSms.id, 1, 60_000),
			smsAdmin: await waitForExecutions(cluster.pg, workflows.smsAdmin.id, 2, 60_000),
			sms18: await waitForExecutions(cluster.pg, workflows.sms18.id, 2, 60_000),
		};
		const items = (g: keyof typeof done) => done[g].map((e) => itemsOf(e, PUSH_NODE).map((i) => [i.gateway, i.type, i.mobile, i.text ?? i.status]));
		expect(items('chinaSms')).toEqual([[['chinaSms', 'reply', '13600000021', '队列回复']]]);
		expect(items('smsAdmin')).toEqual([[['smsAdmin', 'reply', '13600000022', '好的']], [['smsAdmin', 'report', '13600000022', 'delivered']]]);
		expect(items('sms18')).toEqual([[['sms18', 'reply', '13600000023', '可以']], [['sms18', 'report', '13600000023', 'delivered']]]);
		const all = [...done.chinaSms, ...done.smsAdmin, ...done.sms18];
		expect(all.map((e) => [e.status, e.mode])).toEqual(all.map(() => ['success', 'webhook']));
		const byWorker = cluster.workerOf();
		const ranOn = all.map((e) => byWorker.get(e.id) ?? 'no worker');
		figures.pushesRanOn = ranOn;
		expect(ranOn.filter((w) => w.startsWith('worker'))).toHaveLength(all.length);
	}, 180_000);

	test('forged pushes are refused by the webhook processor (403) and start nothing', async () => {
		const before = { sms18: (await executionsOf(cluster.pg, workflows.sms18.id)).length, smsAdmin: (await executionsOf(cluster.pg, workflows.smsAdmin.id)).length };
		(sim.vendor('sms18') as Sms18Sim).configure({ push: { ...SMS18_RECEIVER, pswd: 'guessed' } });
		const forged18 = await push('sms18', 'reply', { mobile: '13600000024', text: '伪造' }, { url: url('sms18') });
		(sim.vendor('sms18') as Sms18Sim).configure({ push: SMS18_RECEIVER });
		const forgedAdmin = await fetch(url('smsAdmin'), {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'Class=mo&SmsName=intruder&Mobile=13600000025&Message=abc&LinkId=&RevertTime=2026-11-23+12%3A00%3A00',
		});
		expect([forged18.status, forgedAdmin.status]).toEqual([403, 403]);
		await sleep(3000);
		expect((await executionsOf(cluster.pg, workflows.sms18.id)).length).toBe(before.sms18);
		expect((await executionsOf(cluster.pg, workflows.smsAdmin.id)).length).toBe(before.smsAdmin);
	}, 60_000);

	test('measured: the main process (production webhooks disabled) answers a push 200 with its editor page, and nothing runs', async () => {
		const before = (await executionsOf(cluster.pg, workflows.sms18.id)).length;
		const mainBase = `http://127.0.0.1:${PORTS.main}`;
		const answer = await sim.push('sms18', 'reply', { mobile: '13600000026', text: '推到主进程' }, { url: url('sms18', mainBase) });
		figures.pushToMain = { status: answer.status, body: answer.body.slice(0, 40) };
		log(`a push to the main process: HTTP ${answer.status} ${JSON.stringify(answer.body.slice(0, 60))}`);
		expect(answer.status).toBe(200);
		expect(answer.body).toMatch(/^<!DOCTYPE html>/);
		await sleep(3000);
		expect((await executionsOf(cluster.pg, workflows.sms18.id)).length).toBe(before);
	}, 60_000);

	describe('measured: an 18SMS long message whose parts reach two webhook processors', () => {
		const webhookId = 'queue-push-sms18-long';
		const WAIT_SECONDS = 5;
		/**
		 * spaced: every push a second after the previous answer; back to back: the next push as soon
		 * as the previous is answered; at once: both parts together. Part 1 goes to the webhook
		 * processor, part 2 to the second one; "one process": both to the first.
		 */
		type Timing = 'spaced 1 s' | 'back to back' | 'at once' | 'back to back, one process';
		const TIMINGS: Timing[] = ['spaced 1 s', 'back to back', 'at once', 'back to back, one process'];
		const MESSAGES = 5;
		const mobile = (t: number, m: number) => `1370000${t}${String(m).padStart(3, '0')}`;
		const partText = (t: number, m: number, part: number) => `长${t}-${m}第${part}段;`;
		interface Outcome {
			/** Messages emitted once, joined, complete. */
			joined: number;
			/** Items marked incomplete (each holds the one part that arrived). */
			incomplete: number;
			/** Parts never emitted. */
			partsLost: number;
			/** Parts emitted more than once (in a joined message and again alone, or twice alone). */
			partsTwice: number;
			/** Part occurrences in all items of the timing, for the accounting check. */
			occurrences: number;
			items: number;
		}
		let outcome: Record<Timing, Outcome>;
		let foreign: string[];

		beforeAll(async () => {
			const workflow = await createWorkflow(
				cluster.rest,
				pushWorkflow('sms18', webhookId, ['reply'], { receiver: SMS18_RECEIVER.receiver, password: SMS18_RECEIVER.pswd, longMessageWait: WAIT_SECONDS }),
			);
			await activateWorkflow(cluster.rest, workflow);
			const second = await cluster.addWebhookProcessor(PORTS.webhook2, PORTS.webhook2Broker, 'webhook2');
			const bases = [cluster.webhookBase, `http://127.0.0.1:${second.port}`];
			const send = (t: number, m: number, part: number) =>
				push(
					'sms18',
					'reply',
					{ mobile: mobile(t, m), text: partText(t, m, part), emshead: `${t}${m},2,${part}` },
					{ url: pushUrl(TIMINGS[t].endsWith('one process') ? bases[0] : bases[part - 1], webhookId) },
				);
			for (const [t, timing] of TIMINGS.entries()) {
				for (let m = 0; m < MESSAGES; m++) {
					if (timing === 'at once') {
						const answers = await Promise.all([send(t, m, 1), send(t, m, 2)]);
						expect(answers.map((a) => a.status)).toEqual([200, 200]);
						continue;
					}
					for (const part of [1, 2]) {
						if (timing === 'spaced 1 s') await sleep(1000);
						expect((await send(t, m, part)).status).toBe(200);
					}
				}
				await sleep(1000);
			}
			// Parts still waiting go out with the next push after the wait: one ordinary reply.
			await sleep(WAIT_SECONDS * 1000 + 500);
			expect((await push('sms18', 'reply', { mobile: '13600000099', text: '收尾' }, { url: pushUrl(bases[0], webhookId) })).status).toBe(200);
			await sleep(3000);
			const count = (await executionsOf(cluster.pg, workflow.id)).length;
			const items = (await waitForExecutions(cluster.pg, workflow.id, count, 60_000)).flatMap((e) => itemsOf(e, PUSH_NODE));
			const known = (i: Record<string, unknown>) => TIMINGS.some((_, t) => Array.from({ length: MESSAGES }, (_, m) => mobile(t, m)).includes(String(i.mobile)));
			foreign = items.filter((i) => !known(i) && i.text !== '收尾').map((i) => String(i.text));
			outcome = {} as typeof outcome;
			for (const [t, timing] of TIMINGS.entries()) {
				const o: Outcome = { joined: 0, incomplete: 0, partsLost: 0, partsTwice: 0, occurrences: 0, items: 0 };
				for (let m = 0; m < MESSAGES; m++) {
					const mine = items.filter((i) => i.mobile === mobile(t, m));
					o.items += mine.length;
					const texts = mine.map((i) => String(i.text)).join('|');
					for (const part of [1, 2]) {
						const n = texts.split(partText(t, m, part)).length - 1;
						o.occurrences += n;
						if (n === 0) o.partsLost++;
						if (n > 1) o.partsTwice++;
					}
					o.joined += mine.filter((i) => i.incomplete === false && i.text === partText(t, m, 1) + partText(t, m, 2)).length;
					o.incomplete += mine.filter((i) => i.incomplete === true).length;
				}
				outcome[timing] = o;
			}
			figures.longMessages = { messagesPerTiming: MESSAGES, waitSeconds: WAIT_SECONDS, outcome };
			log(`long messages (2 parts each): ${JSON.stringify(outcome)}`);
		}, 5 * 60_000);

		test('parts a second apart are joined once across the two processes', () => {
			expect(outcome['spaced 1 s']).toMatchObject({ joined: MESSAGES, incomplete: 0, partsLost: 0, partsTwice: 0 });
		});

		test('back to back and at once: every emitted item is a joined message or one part marked incomplete (figures in the summary)', () => {
			expect(foreign).toEqual([]);
			for (const timing of TIMINGS) {
				const o = outcome[timing];
				expect({ timing, items: o.items, occurrences: o.occurrences }).toEqual({ timing, items: o.joined + o.incomplete, occurrences: o.joined * 2 + o.incomplete });
			}
		});
	});
});

describe('polling in queue mode', () => {
	beforeAll(async () => {
		await polling.phaseA;
	}, 10 * 60_000);

	test('500 SMSAdmin replies and 250 112088 reports: each emitted once, over three or more polls, spacing kept, queues empty', async () => {
		const admin = await emitted(polling.workflows.smsAdmin.id);
		const reports = await emitted(polling.workflows.sms112088.id);
		const replies = admin.flatMap((e) => e.items.map((i) => String(i.text))).sort();
		expect(replies).toEqual(Array.from({ length: REPLIES }, (_, k) => replyText('A', k)).sort());
		const ids = reports.flatMap((e) => e.items.map((i) => String(i.messageId))).sort();
		expect(ids).toEqual(Array.from({ length: REPORTS }, (_, k) => reportId(1, k)).sort());
		expect(admin.length).toBeGreaterThanOrEqual(3);
		expect(reports.length).toBeGreaterThanOrEqual(3);
		expect([...admin, ...reports].map((e) => [e.execution.status, e.execution.mode])).toEqual([...admin, ...reports].map(() => ['success', 'trigger']));
		expect(sim.pending('smsAdmin').replies).toBe(0);
		expect(sim.pending('sms112088').reports).toBe(0);
		expect(sim.spacingViolations('smsAdmin')).toEqual([]);
		const byWorker = cluster.workerOf();
		figures.pollingA = {
			smsAdmin: admin.map((e) => ({ items: e.items.length, at: e.execution.startedAt, worker: byWorker.get(e.execution.id) ?? null })),
			sms112088: reports.map((e) => ({ items: e.items.length, at: e.execution.startedAt, worker: byWorker.get(e.execution.id) ?? null })),
			replyCalls: gatewayCalls('smsAdmin', '/reve').length,
			reportCalls: gatewayCalls('sms112088', 'get_report').length,
		};
		expect([...admin, ...reports].every((e) => byWorker.has(e.execution.id))).toBe(true);
	});

	test('a restart of the main process while events are queued: polling resumes, nothing lost or twice; spacing after the restart measured', async () => {
		const before = {
			smsAdmin: (await executionsOf(cluster.pg, polling.workflows.smsAdmin.id)).length,
			sms112088: (await executionsOf(cluster.pg, polling.workflows.sms112088.id)).length,
		};
		queueEvents('B', RESTART_REPLIES, RESTART_REPORTS);
		// Wait for the next scheduled SMSAdmin poll to hand over its first events, then restart.
		const deadline = Date.now() + 150_000;
		while ((await executionsOf(cluster.pg, polling.workflows.smsAdmin.id)).length === before.smsAdmin) {
			if (Date.now() > deadline) throw new Error('no SMSAdmin poll within 150 s');
			await sleep(500);
		}
		const queuedAtRestart = { replies: sim.pending('smsAdmin').replies, reports: sim.pending('sms112088').reports };
		const lastCallBefore = gatewayCalls('smsAdmin', '/reve').at(-1)!.at;
		const stopMs = await cluster.main.stop();
		const downAt = Date.now();
		const startMs = await cluster.main.start();
		log(`main restarted: stopped in ${stopMs} ms, ready ${startMs} ms later; queued at the restart: ${JSON.stringify(queuedAtRestart)}`);
		await cluster.rest.login();
		expect(queuedAtRestart.replies).toBeGreaterThan(0);

		await Promise.all([
			waitForItems(polling.workflows.smsAdmin.id, REPLIES + RESTART_REPLIES, 300_000),
			waitForItems(polling.workflows.sms112088.id, REPORTS + RESTART_REPORTS, 300_000),
		]);
		const admin = await emitted(polling.workflows.smsAdmin.id);
		const reports = await emitted(polling.workflows.sms112088.id);
		const replies = admin.flatMap((e) => e.items.map((i) => String(i.text))).filter((t) => t.startsWith('B')).sort();
		expect(replies).toEqual(Array.from({ length: RESTART_REPLIES }, (_, k) => replyText('B', k)).sort());
		const ids = reports.flatMap((e) => e.items.map((i) => String(i.messageId))).filter((id) => id.startsWith('2')).sort();
		expect(ids).toEqual(Array.from({ length: RESTART_REPORTS }, (_, k) => reportId(2, k)).sort());
		expect(sim.pending('smsAdmin').replies).toBe(0);
		expect(sim.pending('sms112088').reports).toBe(0);

		const firstCallAfter = gatewayCalls('smsAdmin', '/reve').find((r) => r.at > downAt)!.at;
		const violations = sim.spacingViolations('smsAdmin');
		figures.restart = {
			queuedAtRestart,
			mainStopMs: stopMs,
			mainReadyMs: startMs,
			gapAcrossRestartMs: firstCallAfter - lastCallBefore,
			spacingViolations: violations,
			executionsSinceQueued: { smsAdmin: admin.length - before.smsAdmin, sms112088: reports.length - before.sms112088 },
		};
		log(`restart: ${JSON.stringify(figures.restart)}`);
		expect(violations).toEqual([]);
	}, 10 * 60_000);

	test('measured: a restart of the main process during a poll loses exactly what that poll had taken', async () => {
		const QUEUED = 200;
		const calls = () => gatewayCalls('smsAdmin', '/reve');
		const callsBefore = calls().length;
		for (let k = 0; k < QUEUED; k++) sim.queueReply('smsAdmin', { mobile: `136${String(300_000 + k).padStart(8, '0')}`, text: replyText('C', k) });
		// Stop the main process once the next poll has made three calls (60 replies taken, ~7 calls to go).
		const deadline = Date.now() + 150_000;
		while (calls().length < callsBefore + 3) {
			if (Date.now() > deadline) throw new Error('no SMSAdmin poll within 150 s');
			await sleep(100);
		}
		const stopMs = await cluster.main.stop();
		const takenByInterruptedPoll = QUEUED - sim.pending('smsAdmin').replies;
		const lastCallBefore = calls().at(-1)!.at;
		const downAt = Date.now();
		const startMs = await cluster.main.start();
		await cluster.rest.login();
		const until = Date.now() + 240_000;
		const emittedC = async () => (await emitted(polling.workflows.smsAdmin.id)).flatMap((e) => e.items.map((i) => String(i.text))).filter((t) => t.startsWith('C'));
		while (sim.pending('smsAdmin').replies > 0 || (await emittedC()).length < QUEUED - takenByInterruptedPoll) {
			if (Date.now() > until) break;
			await sleep(2000);
		}
		await sleep(5000);
		const got = await emittedC();
		const firstCallAfter = calls().find((r) => r.at > downAt)?.at ?? null;
		figures.restartDuringPoll = {
			queued: QUEUED,
			takenByInterruptedPoll,
			emitted: got.length,
			lost: QUEUED - new Set(got).size,
			twice: got.length - new Set(got).size,
			mainStopMs: stopMs,
			mainReadyMs: startMs,
			gapAcrossRestartMs: firstCallAfter === null ? null : firstCallAfter - lastCallBefore,
			spacingViolations: sim.spacingViolations('smsAdmin'),
		};
		log(`restart during a poll: ${JSON.stringify(figures.restartDuringPoll)}`);
		expect(takenByInterruptedPoll).toBeGreaterThan(0);
		expect(got.length).toBe(new Set(got).size);
		expect(sim.pending('smsAdmin').replies).toBe(0);
		// What the interrupted poll took never became an execution; everything else did.
		expect(QUEUED - got.length).toBe(takenByInterruptedPoll);
	}, 10 * 60_000);
});

describe('a worker killed while it sends a bulk batch', () => {
	const path = 'queue-bulk';
	const text = '队列群发测试';
	const people = Array.from({ length: BULK }, (_, k) => ({ phone: `151${String(k).padStart(8, '0')}` }));
	const DELAY_MS = 20_000;

	test('no message is sent twice, the other worker does not retry it, the execution ends as failed', async () => {
		const wf = await createWorkflow(cluster.rest, bulkWorkflow(BULK_GATEWAY, credentials[BULK_GATEWAY], path, text));
		await activateWorkflow(cluster.rest, wf);
		// The third request (of five) reaches the gateway, which acts on it and answers 20 s later.
		sim.fault(BULK_GATEWAY, { type: 'delay', path: 'gsend', after: 2, ms: DELAY_MS });
		const answer = await callWebhook(`${cluster.webhookBase}/webhook/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ people }) });
		expect(answer.status).toBe(200);
		const deadline = Date.now() + 120_000;
		while (gatewayCalls(BULK_GATEWAY, 'gsend').length < 3) {
			if (Date.now() > deadline) throw new Error('the third bulk request never came');
			await sleep(100);
		}
		const [execution] = await executionsOf(cluster.pg, wf.id);
		const victim = cluster.workers.find((w) => startedExecutions(w.log()).includes(execution.id))!;
		const survivor = cluster.workers.find((w) => w !== victim)!;
		const jobId = new RegExp(`Worker started execution ${execution.id} \\(job (\\d+)\\)`).exec(victim.log())![1];
		const killedAt = Date.now();
		victim.kill();
		const sentAtKill = sim.sent(BULK_GATEWAY).filter((m) => m.message === text).length;
		log(`killed ${victim.name} (execution ${execution.id}, job ${jobId}) with ${sentAtKill} of ${BULK} messages accepted by the gateway`);

		// What n8n does: watch the execution in Postgres and the job in Redis until the execution has
		// a final status (at most 180 s).
		const timeline: Array<{ s: number; status: string; job: string }> = [];
		const jobState = async () => {
			if ((await redisCli(PORTS.redis, ['LRANGE', 'bull:jobs:active', '0', '-1'])).split('\n').includes(jobId)) return 'active';
			if ((await redisCli(PORTS.redis, ['ZSCORE', 'bull:jobs:failed', jobId])).trim()) return 'failed';
			if ((await redisCli(PORTS.redis, ['LRANGE', 'bull:jobs:wait', '0', '-1'])).split('\n').includes(jobId)) return 'waiting';
			return 'gone';
		};
		let state = '';
		let after = (await executionById(cluster.pg, execution.id))!;
		while (Date.now() - killedAt < 180_000) {
			after = (await executionById(cluster.pg, execution.id))!;
			const now = `${after.status}/${await jobState()}`;
			if (now !== state) {
				state = now;
				timeline.push({ s: Math.round((Date.now() - killedAt) / 1000), status: after.status, job: now.split('/')[1] });
			}
			if (FINISHED(after)) break;
			await sleep(1000);
		}
		const data = after.data ? runDataOf(after) : null;

		const sent = sim.sent(BULK_GATEWAY).filter((m) => m.message === text);
		const mobiles = sent.map((m) => m.mobile);
		figures.kill = {
			bulk: BULK,
			requests: gatewayCalls(BULK_GATEWAY, 'gsend').length,
			acceptedAtKill: sentAtKill,
			acceptedInAll: sent.length,
			duplicates: mobiles.length - new Set(mobiles).size,
			survivorPickedItUp: startedExecutions(survivor.log()).includes(execution.id),
			timeline,
			finalStatus: after.status,
			finished: after.finished,
			stoppedAt: after.stoppedAt,
			error: data?.error?.message ?? null,
			nodesWithRunData: data ? Object.keys(data.runData) : null,
		};
		log(`kill: ${JSON.stringify(figures.kill)}`);

		expect(new Set(mobiles).size).toBe(mobiles.length);
		expect(gatewayCalls(BULK_GATEWAY, 'gsend')).toHaveLength(3);
		expect(startedExecutions(survivor.log())).not.toContain(execution.id);
		// n8n gives the job no second attempt (bull's maxStalledCount is 0): once bull finds it stalled, the
		// process that queued it (here the webhook processor) marks the execution failed.
		expect(after.status).toBe('error');
		expect(data?.error?.message).toMatch(/failed to be processed too many times/);
	}, 8 * 60_000);
});
