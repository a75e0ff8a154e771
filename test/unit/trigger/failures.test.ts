/**
 * CN SMS Trigger, failures: whatever the gateway handed over is emitted, even when a later call of
 * the same poll fails or a line cannot be read; an error is thrown only when there is nothing to
 * emit. Real poll() in n8n-core's PollContext, against the simulator, on a virtual clock.
 */
import { NodeApiError, sleep } from 'n8n-workflow';

import { pollingTrigger } from '../../support/nodes';
import { jsonOf, runPoll, simCredentials, useVirtualClock } from '../../harness/poll';
import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';

const REPORT_PATH = '/smsmarketing/wwwroot/api/report/';
const REPLY_PATH = '/smsmarketing/wwwroot/api/reve_urlencode/';

let sim: Simulator;
let clock: ReturnType<typeof useVirtualClock>;
const trigger = (gateway: string) => pollingTrigger(gateway as never, { sleep: async (ms) => await clock.sleep(ms) });

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.reset();
	clock = useVirtualClock();
});
afterEach(() => clock.stop());

function queueReports(count: number): void {
	for (let i = 0; i < count; i++) {
		sim.queueReport('smsAdmin', { mobile: `1391234${String(i).padStart(4, '0')}`, linkId: `L${i}`, reportedAt: '2026-11-20 10:00:05' });
	}
}

function queueReplies(count: number): void {
	for (let i = 0; i < count; i++) {
		sim.queueReply('smsAdmin', { mobile: `1380000${String(i).padStart(4, '0')}`, text: `好 ${i}`, linkId: `R${i}`, receivedAt: '2026-11-20 09:30:00' });
	}
}

async function poll(parameters: Record<string, unknown>, credentials = simCredentials(sim.urls, sim.accounts, 'smsAdmin')) {
	return await runPoll(trigger, { parameters: { gateway: 'smsAdmin', ...parameters } as never, credentials });
}

describe('CN SMS Trigger failures', () => {
	test('a failure on the third call after two consumed pages still emits those pages, marked and logged', async () => {
		queueReports(60);
		sim.fault('smsAdmin', { type: 'http500', path: '/api/report/', after: 2 });
		const result = await poll({ events: ['report'] });
		const items = jsonOf(result);

		expect(items.map((i) => i.linkId)).toEqual(Array.from({ length: 40 }, (_, i) => `L${i}`));
		const warning =
			'Fetching reports failed on call 3 of this poll: SMSAdmin (通用短信平台): HTTP 500 from the gateway: "Internal Server Error". The 40 reports taken before the failure are emitted. Anything still pending stays at the gateway for the next poll.';
		expect(items.every((i) => i.pollWarning === warning)).toBe(true);
		expect(Object.keys(items[0]).slice(-2)).toEqual(['pollWarning', 'raw']);
		expect(result.logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([`SMSAdmin Trigger: ${warning}`]);
		expect(sim.requests('smsAdmin').map((r) => r.status)).toEqual([200, 200, 500]);
		// The 500 did not hand anything out: the rest waits for the next poll, which takes it.
		expect(sim.pending('smsAdmin').reports).toBe(20);
		jest.setSystemTime(Date.now() + 60_000);
		const next = jsonOf(await poll({ events: ['report'] }));
		expect(next.map((i) => i.linkId)).toEqual(Array.from({ length: 20 }, (_, i) => `L${i + 40}`));
		expect(next.some((i) => 'pollWarning' in i)).toBe(false);
	});

	test('an answer cut off after a consumed page: the page and the complete lines of the cut-off answer are emitted, the warning says events may be lost', async () => {
		queueReports(45);
		sim.fault('smsAdmin', { type: 'truncated', path: '/api/report/', after: 1 });
		const result = await poll({ events: ['report'] });
		const items = jsonOf(result);

		// The second answer (20 lines of 45 bytes) is cut after 450 bytes: its first 10 lines arrived whole.
		expect(items).toHaveLength(30);
		expect(items.map((i) => i.linkId)).toEqual(Array.from({ length: 30 }, (_, i) => `L${i}`));
		expect(items[0].pollWarning).toMatch(/^Fetching reports failed on call 2 of this poll: SMSAdmin \(通用短信平台\): /);
		expect(items[0].pollWarning).toContain('The answer broke off after 450 of 900 bytes: the 10 complete reports in it are kept');
		expect(items[0].pollWarning).toContain('The 30 reports taken before the failure are emitted.');
		expect(items[0].pollWarning).toContain('The failed call may itself have taken reports from the gateway that never arrived here.');
	});

	test('a failure on the first call, with nothing taken, is thrown so n8n shows it', async () => {
		queueReports(5);
		sim.fault('smsAdmin', { type: 'http500', path: '/api/report/' });
		const result = await poll({ events: ['report'] });

		expect(result.output).toBeUndefined();
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect((result.error as NodeApiError).message).toBe('SMSAdmin (通用短信平台): HTTP 500 from the gateway: "Internal Server Error"');
		expect((result.error as NodeApiError).httpCode).toBe('500');
		expect(sim.pending('smsAdmin').reports).toBe(5);
	});

	test('a wrong password is thrown as the gateway\'s refusal, with no secret in it', async () => {
		const credentials = { smsAdminApi: { userId: 'smsuser', password: 'wrong-Secret9', baseUrl: sim.urls.smsAdmin } };
		const result = await poll({ events: ['report', 'reply'] }, credentials);

		expect(result.error).toBeInstanceOf(NodeApiError);
		const error = result.error as NodeApiError;
		expect(error.message).toMatch(/^SMSAdmin \(通用短信平台\): .+ \(code 1\)$/);
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain('wrong-Secret9');
	});

	test('an unreachable gateway is thrown', async () => {
		const credentials = { smsAdminApi: { ...sim.accounts.smsAdmin, baseUrl: sim.closedUrl } };
		const result = await poll({ events: ['report'] }, credentials);
		expect(result.error).toBeInstanceOf(NodeApiError);
		// n8n words a refused connection its own way; the request (password redacted) stays in the description.
		const error = result.error as NodeApiError;
		expect(error.description).toContain(`${sim.closedUrl}/smsmarketing/wwwroot/api/report/?uid=smsuser&pwd=***`);
		expect(JSON.stringify({ message: error.message, description: error.description })).not.toContain(sim.accounts.smsAdmin.password);
		expect(sim.requests()).toHaveLength(0);
	});

	test('a garbled line is emitted with its raw text and the reason, between the good ones', async () => {
		queueReports(2);
		sim.queueRaw('smsAdmin', 'report', 'garbled###line');
		queueReports(1);
		const result = await poll({ events: ['report'] });
		const items = jsonOf(result);

		expect(items).toHaveLength(4);
		expect(items[2]).toEqual({
			gateway: 'smsAdmin',
			type: 'report',
			messageId: null,
			mobile: null,
			status: 'unknown',
			vendorStatus: null,
			reportedAt: null,
			extno: null,
			linkId: null,
			parseError: 'the line does not have the five "/"-separated fields',
			raw: { line: 'garbled###line' },
		});
		expect([items[0].linkId, items[1].linkId, items[3].linkId]).toEqual(['L0', 'L1', 'L0']);
		expect(result.logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
			'SMSAdmin Trigger: 1 event(s) from SMSAdmin (通用短信平台) could not be read; they are emitted with their raw text and a parseError',
		]);
	});

	test('a garbled line is emitted even when the status filter would drop its (unknown) status', async () => {
		queueReports(1);
		sim.queueRaw('smsAdmin', 'report', '13912349999/not a date/L9/DELIVRD/');
		const items = jsonOf(await poll({ events: ['report'], reportStatuses: ['failed'] }));

		// The good report (delivered) is filtered out; the unreadable one is kept.
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({ mobile: '13912349999', parseError: '"not a date" is no date' });
		expect(items[0].raw).toMatchObject({ line: '13912349999/not a date/L9/DELIVRD/' });
	});

	test('replies fail, reports do not: the reports are emitted and the replies stay pending', async () => {
		queueReports(3);
		queueReplies(2);
		sim.fault('smsAdmin', { type: 'http500', path: '/api/reve_urlencode/' });
		const result = await poll({ events: ['reply', 'report'] });
		const items = jsonOf(result);

		expect(items.map((i) => [i.type, i.linkId])).toEqual([
			['report', 'L0'],
			['report', 'L1'],
			['report', 'L2'],
		]);
		expect(items[0].pollWarning).toBe(
			'Fetching replies failed on call 1 of this poll: SMSAdmin (通用短信平台): HTTP 500 from the gateway: "Internal Server Error". Anything still pending stays at the gateway for the next poll.',
		);
		expect(sim.pending('smsAdmin')).toEqual({ replies: 2, reports: 0 });
		expect(sim.requests('smsAdmin').filter((r) => r.path === REPLY_PATH)).toHaveLength(1);
	});

	test('reports fail after a page, replies succeed: both kinds\' events are emitted', async () => {
		queueReports(30);
		queueReplies(2);
		sim.fault('smsAdmin', { type: 'htmlError', path: '/api/report/', after: 1 });
		const items = jsonOf(await poll({ events: ['reply', 'report'] }));

		expect(items.filter((i) => i.type === 'reply')).toHaveLength(2);
		expect(items.filter((i) => i.type === 'report')).toHaveLength(20);
		expect(items.every((i) => typeof i.pollWarning === 'string' && (i.pollWarning as string).startsWith('Fetching reports failed on call 2'))).toBe(true);
		expect(sim.requests('smsAdmin').filter((r) => r.path === REPORT_PATH)).toHaveLength(2);
	});

	test('both kinds fail with nothing taken: the first failure is thrown', async () => {
		sim.fault('smsAdmin', { type: 'http500', times: 2 });
		const result = await poll({ events: ['reply', 'report'] });
		expect(result.error).toBeInstanceOf(NodeApiError);
		expect(result.output).toBeUndefined();
		// The other failure is not thrown, but logged.
		expect(result.logs.filter((l) => l.level === 'warn').map((l) => l.message)).toEqual([
			'SMSAdmin Trigger: SMSAdmin (通用短信平台): HTTP 500 from the gateway: "Internal Server Error"',
		]);
	});
});
