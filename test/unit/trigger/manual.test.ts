/**
 * CN SMS Trigger, the editor's test fetch (mode `manual`): by default it sends nothing and returns
 * marked samples, because every fetch consumes real events; an option consumes real ones on purpose.
 */
import { pollingTrigger } from '../../support/nodes';
import { SAMPLE_REASON } from '../../../nodes/n8n/pollingTrigger/sample';
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

describe('CN SMS Trigger test fetch', () => {
	test('by default: no request, nothing consumed, one marked sample per selected kind', async () => {
		sim.queueReport('smsAdmin', { mobile: '13912340000', linkId: 'L0' });
		sim.queueReply('smsAdmin', { mobile: '13800000000', text: '好' });
		const result = await runPoll(trigger, {
			mode: 'manual',
			parameters: { gateway: 'smsAdmin', events: ['report', 'reply'] },
			credentials: simCredentials(sim.urls, sim.accounts, 'smsAdmin'),
		});
		const items = jsonOf(result);

		expect(sim.requests()).toHaveLength(0);
		expect(sim.pending('smsAdmin')).toEqual({ replies: 1, reports: 1 });
		// Not even the credentials are read: the sample needs none.
		expect(result.credentialTypesRequested).toEqual([]);
		expect(items).toEqual([
			{
				gateway: 'smsAdmin',
				type: 'reply',
				id: 'sample-reply',
				mobile: '13800138000',
				text: '收到，谢谢 (sample reply)',
				receivedAt: '2026-11-20T10:00:00+08:00',
				destination: '10690000',
				extno: '01',
				linkId: 'sample-link-id',
				sample: true,
				sampleReason: SAMPLE_REASON,
				raw: {},
			},
			{
				gateway: 'smsAdmin',
				type: 'report',
				messageId: 'sample-message-id',
				mobile: '13800138000',
				status: 'delivered',
				vendorStatus: 'DELIVRD',
				reportedAt: '2026-11-20T10:00:00+08:00',
				extno: '01',
				linkId: 'sample-link-id',
				sample: true,
				sampleReason: SAMPLE_REASON,
				raw: {},
			},
		]);
		expect(SAMPLE_REASON).toContain('sent no request');
		expect(SAMPLE_REASON).toContain('Fetch Real Events in Test');
	});

	test('the sample follows the gateway, the selected events and the status filter', async () => {
		const china = jsonOf(await runPoll(trigger, { mode: 'manual', parameters: { gateway: 'chinaSms' } }));
		expect(china.map((i) => [i.gateway, i.type, i.sample])).toEqual([['chinaSms', 'reply', true]]);

		const failedOnly = jsonOf(
			await runPoll(trigger, { mode: 'manual', parameters: { gateway: 'sms10692', events: ['report'], reportStatuses: ['failed'] } }),
		);
		expect(failedOnly.map((i) => [i.gateway, i.type, i.status, i.vendorStatus])).toEqual([['sms10692', 'report', 'failed', 'UNDELIV']]);
		expect(sim.requests()).toHaveLength(0);
	});

	test('with "Fetch Real Events in Test" on, real events are fetched and consumed', async () => {
		for (let i = 0; i < 22; i++) sim.queueReport('smsAdmin', { mobile: `1391234${String(i).padStart(4, '0')}`, linkId: `L${i}` });
		const result = await runPoll(trigger, {
			mode: 'manual',
			parameters: { gateway: 'smsAdmin', events: ['report'], options: { fetchRealEventsInTest: true } },
			credentials: simCredentials(sim.urls, sim.accounts, 'smsAdmin'),
		});
		const items = jsonOf(result);

		expect(items).toHaveLength(22);
		expect(items.some((i) => 'sample' in i)).toBe(false);
		expect(items[21]).toMatchObject({ type: 'report', linkId: 'L21', mobile: '13912340021' });
		expect(sim.requests('smsAdmin')).toHaveLength(2);
		expect(sim.spacingViolations()).toEqual([]);
		expect(sim.pending('smsAdmin').reports).toBe(0);
	});

	test('with the option on and nothing pending, the test fetch returns no items', async () => {
		const result = await runPoll(trigger, {
			mode: 'manual',
			parameters: { gateway: 'smsAdmin', events: ['reply'], options: { fetchRealEventsInTest: true } },
			credentials: simCredentials(sim.urls, sim.accounts, 'smsAdmin'),
		});
		expect(result.error).toBeUndefined();
		expect(result.output).toBeNull();
		expect(sim.requests('smsAdmin')).toHaveLength(1);
	});
});
