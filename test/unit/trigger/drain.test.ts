/**
 * CN SMS Trigger, draining: each poll calls a fetch-once endpoint until nothing is pending, with
 * the documented spacing, within a cap and a time budget. Runs the real poll() in n8n-core's
 * PollContext against the simulator, on a virtual clock (n8n's sleep moves `Date` forward).
 */
jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn() }));

import { sleep } from 'n8n-workflow';

import { CnSmsTrigger } from '../../../nodes/CnSmsTrigger/CnSmsTrigger.node';
import { POLL_BUDGET_MS } from '../../../nodes/CnSmsTrigger/pollEvents';
import { chinaSms } from '../../../nodes/gateway/adapters/chinaSms';
import { smsAdmin } from '../../../nodes/gateway/adapters/smsAdmin';
import { jsonOf, runPoll, simCredentials, useVirtualClock } from '../../harness/poll';
import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';

const REPORT_PATH = '/smsmarketing/wwwroot/api/report/';
const REPLY_PATH = '/smsmarketing/wwwroot/api/reve_urlencode/';

let sim: Simulator;
let clock: ReturnType<typeof useVirtualClock>;
const trigger = new CnSmsTrigger();

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.reset();
	clock = useVirtualClock(sleep as jest.Mock);
});
afterEach(() => clock.stop());

function queueReports(count: number, from = 0): void {
	for (let i = from; i < from + count; i++) {
		sim.queueReport('smsAdmin', {
			mobile: `1391234${String(i).padStart(4, '0')}`,
			linkId: `L${i}`,
			vendorStatus: i % 2 === 0 ? 'DELIVRD' : 'UNDELIV',
			reportedAt: '2026-11-20 10:00:05',
			extno: '01',
		});
	}
}

async function pollSmsAdmin(parameters: Record<string, unknown>, pollBudgetMs?: number) {
	return await runPoll(trigger, {
		parameters: { gateway: 'smsAdmin', ...parameters } as never,
		credentials: simCredentials(sim.urls, sim.accounts, 'smsAdmin'),
		pollBudgetMs,
	});
}

function gaps(path: string): number[] {
	const at = sim.requests('smsAdmin').filter((r) => r.path === path).map((r) => r.at);
	return at.slice(1).map((t, i) => t - at[i]);
}

describe('CN SMS Trigger draining', () => {
	test('the spacing holds across polls: a poll right after another waits for the 5 s', async () => {
		// n8n polls on activation and again on its own schedule, which may come seconds later.
		queueReports(3);
		const first = await pollSmsAdmin({ events: ['report'] });
		expect(jsonOf(first)).toHaveLength(3);
		queueReports(2, 3);
		clock.sleeps.length = 0;
		const second = await runPoll(trigger, {
			parameters: { gateway: 'smsAdmin', events: ['report'] } as never,
			credentials: simCredentials(sim.urls, sim.accounts, 'smsAdmin'),
			staticData: first.staticData,
		});
		expect(jsonOf(second).map((i) => i.linkId)).toEqual(['L3', 'L4']);
		expect(clock.sleeps).toEqual([5000]);
		expect(gaps(REPORT_PATH)).toEqual([5000]);
		expect(sim.spacingViolations('smsAdmin')).toEqual([]);
	});

	test('45 SMSAdmin reports come out of one poll in 3 calls, 5 s apart, one item each', async () => {
		queueReports(45);
		const result = await pollSmsAdmin({ events: ['report'] });
		const items = jsonOf(result);

		expect(items).toHaveLength(45);
		expect(items[0]).toEqual({
			gateway: 'smsAdmin',
			type: 'report',
			messageId: 'L0',
			mobile: '13912340000',
			status: 'delivered',
			vendorStatus: 'DELIVRD',
			reportedAt: '2026-11-20T10:00:05+08:00',
			extno: '01',
			linkId: 'L0',
			raw: {
				mobile: '13912340000',
				time: '2026-11-20 10:00:05',
				linkId: 'L0',
				status: 'DELIVRD',
				subCode: '01',
				line: '13912340000/2026-11-20 10:00:05/L0/DELIVRD/01',
			},
		});
		expect(items[1]).toMatchObject({ mobile: '13912340001', status: 'failed', vendorStatus: 'UNDELIV', linkId: 'L1' });
		expect(items.map((i) => i.linkId)).toEqual(Array.from({ length: 45 }, (_, i) => `L${i}`));
		expect(items.every((i) => i.gateway === 'smsAdmin' && !('pollWarning' in i))).toBe(true);

		const requests = sim.requests('smsAdmin');
		expect(requests.map((r) => r.path)).toEqual([REPORT_PATH, REPORT_PATH, REPORT_PATH]);
		expect(requests.map((r) => r.response.toString('latin1').split('\n').length - 1)).toEqual([20, 20, 5]);
		expect(gaps(REPORT_PATH)).toEqual([5000, 5000]);
		expect(sim.spacingViolations()).toEqual([]);
		expect(sim.pending('smsAdmin').reports).toBe(0);
		// Only when each endpoint last answered is kept, so the next poll keeps the spacing; the
		// gateway itself remembers what it handed out. (The virtual clock stands still during a call.)
		expect(result.staticData).toEqual({ lastAnswerAt: { reports: sim.requests('smsAdmin')[2].at } });
	});

	test('the production spacing is the documented 5 s, waited with n8n-workflow\'s sleep', async () => {
		expect(smsAdmin.limits.fetchSpacingMs).toBe(5000);
		expect(chinaSms.limits.fetchSpacingMs).toBe(5000);
		queueReports(41);
		const items = jsonOf(await pollSmsAdmin({ events: ['report'] }));
		expect(items).toHaveLength(41);
		// The node passes no spacing of its own: drain() uses the adapter's, and sleeps through n8n.
		expect(clock.sleeps).toEqual([5000, 5000]);
		// Besides those two, each of the 3 requests waited out its time limit (10 s) with an abort signal.
		expect((sleep as jest.Mock).mock.calls.map(([ms, signal]) => [ms, signal instanceof AbortSignal])).toEqual([
			[10_000, true],
			[5000, false],
			[10_000, true],
			[5000, false],
			[10_000, true],
		]);
	});

	test('replies and reports are drained side by side, each endpoint 5 s apart', async () => {
		queueReports(45);
		for (let i = 0; i < 25; i++) {
			sim.queueReply('smsAdmin', { mobile: `1380000${String(i).padStart(4, '0')}`, text: `回复 ${i}/好`, linkId: `R${i}`, receivedAt: '2026-11-20 09:30:00' });
		}
		const items = jsonOf(await pollSmsAdmin({ events: ['report', 'reply'] }));

		expect(items.map((i) => i.type)).toEqual([...Array(25).fill('reply'), ...Array(45).fill('report')]);
		expect(items[0]).toMatchObject({
			gateway: 'smsAdmin',
			type: 'reply',
			id: null,
			mobile: '13800000000',
			text: '回复 0/好',
			receivedAt: '2026-11-20T09:30:00+08:00',
			destination: null,
			extno: null,
			linkId: 'R0',
		});
		expect(sim.requests('smsAdmin').filter((r) => r.path === REPLY_PATH)).toHaveLength(2);
		expect(sim.requests('smsAdmin').filter((r) => r.path === REPORT_PATH)).toHaveLength(3);
		// Each endpoint is spaced on its own; the other kind's waits may add to a gap, never shorten it.
		expect(Math.min(...gaps(REPLY_PATH), ...gaps(REPORT_PATH))).toBeGreaterThanOrEqual(5000);
		expect(sim.spacingViolations()).toEqual([]);
		// Side by side: both endpoints were called before either had to wait.
		expect(sim.requests('smsAdmin').slice(0, 2).map((r) => r.path).sort()).toEqual([REPORT_PATH, REPLY_PATH]);
		expect(sim.pending('smsAdmin')).toEqual({ replies: 0, reports: 0 });
	});

	test('a poll starts no call after 45 s; what remains comes with the next poll', async () => {
		queueReports(300);
		const first = jsonOf(await pollSmsAdmin({ events: ['report'], options: { maxCalls: 20 } }));

		expect(first).toHaveLength(200);
		const firstCalls = sim.requests('smsAdmin');
		expect(firstCalls).toHaveLength(10);
		expect(firstCalls[9].at - firstCalls[0].at).toBe(POLL_BUDGET_MS);
		expect(sim.pending('smsAdmin').reports).toBe(100);

		// n8n polls once a minute at the most often.
		jest.setSystemTime(firstCalls[0].at + 60_000);
		const second = jsonOf(await pollSmsAdmin({ events: ['report'], options: { maxCalls: 20 } }));
		expect(second.map((i) => i.linkId)).toEqual(Array.from({ length: 100 }, (_, i) => `L${i + 200}`));
		// Five full pages, then the sixth call hears 160 (nothing pending).
		expect(sim.requests('smsAdmin')).toHaveLength(16);
		expect(sim.requests('smsAdmin')[15].response.toString('latin1')).toBe('160');
		expect(sim.pending('smsAdmin').reports).toBe(0);
		expect(sim.spacingViolations()).toEqual([]);
	});

	test('Max Calls per Poll caps the calls of each kind', async () => {
		queueReports(45);
		const items = jsonOf(await pollSmsAdmin({ events: ['report'], options: { maxCalls: 2 } }));
		expect(items).toHaveLength(40);
		expect(sim.requests('smsAdmin')).toHaveLength(2);
		expect(sim.pending('smsAdmin').reports).toBe(5);
	});

	test("a shorter budget from the engine (getPollBudgetMs) shortens the poll", async () => {
		queueReports(300);
		// 30 s from the engine, minus room for two request timeouts: no call after 10 s.
		const items = jsonOf(await pollSmsAdmin({ events: ['report'], options: { maxCalls: 20 } }, 30_000));
		expect(items).toHaveLength(60);
		expect(sim.requests('smsAdmin')).toHaveLength(3);
	});

	test('nothing pending: one call per kind and no items (null), not an error', async () => {
		const result = await pollSmsAdmin({ events: ['report', 'reply'] });
		expect(result.error).toBeUndefined();
		expect(result.output).toBeNull();
		expect(sim.requests('smsAdmin').map((r) => [r.path, r.response.toString('latin1')]).sort()).toEqual([
			[REPORT_PATH, '160'],
			[REPLY_PATH, '150'],
		]);
	});

	test('MD5 credentials are used when authentication is md5Password', async () => {
		queueReports(1);
		const result = await runPoll(trigger, {
			parameters: { gateway: 'smsAdmin', authentication: 'md5Password', events: ['report'] },
			credentials: simCredentials(sim.urls, sim.accounts, 'smsAdminMd5'),
		});
		expect(result.credentialTypesRequested).toEqual(['smsAdminMd5Api']);
		expect(jsonOf(result)).toHaveLength(1);
		const [request] = sim.requests('smsAdmin');
		expect(request.params).toContainEqual(['pwd', simCredentials(sim.urls, sim.accounts, 'smsAdminMd5').smsAdminMd5Api.passwordMd5]);
	});
});
