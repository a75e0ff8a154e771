/**
 * CN SMS Trigger, filters and bad settings: `events` decides which endpoints are called (an
 * unselected kind stays at the gateway); `reportStatuses` drops reports after they were taken;
 * bad settings are refused before any request.
 */
import { NodeOperationError, sleep } from 'n8n-workflow';

import { pollingTrigger } from '../../support/nodes';
import { jsonOf, runPoll, simCredentials, useVirtualClock } from '../../harness/poll';
import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';

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

const STATUSES = ['DELIVRD', 'UNDELIV', 'EXPIRED', 'DELIVRD', '0', 'REJECTD'];

function queueMixedReports(): void {
	STATUSES.forEach((vendorStatus, i) => sim.queueReport('smsAdmin', { mobile: `1391234000${i}`, linkId: `L${i}`, vendorStatus }));
}

async function poll(parameters: Record<string, unknown>) {
	return await runPoll(trigger, {
		parameters: { gateway: 'smsAdmin', ...parameters } as never,
		credentials: simCredentials(sim.urls, sim.accounts, 'smsAdmin'),
	});
}

describe('CN SMS Trigger filters', () => {
	test('all statuses by default', async () => {
		queueMixedReports();
		const items = jsonOf(await poll({ events: ['report'] }));
		expect(items.map((i) => [i.vendorStatus, i.status])).toEqual([
			['DELIVRD', 'delivered'],
			['UNDELIV', 'failed'],
			['EXPIRED', 'failed'],
			['DELIVRD', 'delivered'],
			['0', 'unknown'],
			['REJECTD', 'failed'],
		]);
	});

	test('only the selected statuses are emitted; the others were still taken from the gateway', async () => {
		queueMixedReports();
		const items = jsonOf(await poll({ events: ['report'], reportStatuses: ['failed'] }));
		expect(items.map((i) => i.linkId)).toEqual(['L1', 'L2', 'L5']);
		expect(sim.pending('smsAdmin').reports).toBe(0);

		queueMixedReports();
		jest.setSystemTime(Date.now() + 60_000);
		const delivered = jsonOf(await poll({ events: ['report'], reportStatuses: ['delivered', 'unknown'] }));
		expect(delivered.map((i) => i.linkId)).toEqual(['L0', 'L3', 'L4']);
	});

	test('when every taken report is filtered out the poll returns null', async () => {
		sim.queueReport('smsAdmin', { mobile: '13912340000', vendorStatus: 'DELIVRD' });
		const result = await poll({ events: ['report'], reportStatuses: ['failed'] });
		expect(result.error).toBeUndefined();
		expect(result.output).toBeNull();
		expect(sim.pending('smsAdmin').reports).toBe(0);
	});

	test('the status filter leaves replies alone', async () => {
		sim.queueReply('smsAdmin', { mobile: '13800000000', text: '在吗' });
		sim.queueReport('smsAdmin', { mobile: '13912340000', vendorStatus: 'DELIVRD' });
		const items = jsonOf(await poll({ events: ['reply', 'report'], reportStatuses: ['failed'] }));
		expect(items.map((i) => [i.type, i.text])).toEqual([['reply', '在吗']]);
	});

	test('an unselected kind is not fetched: it stays at the gateway', async () => {
		sim.queueReply('smsAdmin', { mobile: '13800000000', text: '在吗' });
		sim.queueReport('smsAdmin', { mobile: '13912340000' });
		const items = jsonOf(await poll({ events: ['reply'] }));
		expect(items.map((i) => i.type)).toEqual(['reply']);
		expect(sim.requests('smsAdmin').map((r) => r.path)).toEqual(['/smsmarketing/wwwroot/api/reve_urlencode/']);
		expect(sim.pending('smsAdmin')).toEqual({ replies: 0, reports: 1 });
	});

	test('events default to replies only', async () => {
		sim.queueReport('smsAdmin', { mobile: '13912340000' });
		const result = await poll({});
		expect(result.parameters.events).toEqual(['reply']);
		expect(result.output).toBeNull();
		expect(sim.pending('smsAdmin').reports).toBe(1);
	});

	test.each([
		[{ events: [] }, 'Select at least one event to poll for'],
		[{ events: ['report'], reportStatuses: [] }, 'Select at least one report status, or remove "Delivery Report" from the events'],
		[{ events: ['reply'], options: { maxCalls: 0 } }, 'Max Calls per Poll must be a whole number of at least 1 (got 0)'],
		[{ gateway: 'chinaSms', events: ['report'] }, 'China SMS (中国短信) does not hand out report events to poll'],
	])('bad settings %j are refused before any request', async (parameters, message) => {
		const result = await runPoll(trigger, {
			parameters: { gateway: 'smsAdmin', ...parameters } as never,
			credentials: { ...simCredentials(sim.urls, sim.accounts, 'smsAdmin'), ...simCredentials(sim.urls, sim.accounts, 'chinaSms') },
		});
		expect(result.error).toBeInstanceOf(NodeOperationError);
		expect((result.error as Error).message).toBe(message);
		expect(sim.requests()).toHaveLength(0);
	});
});
