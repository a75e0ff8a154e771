/**
 * CN SMS Trigger on each polling gateway: China SMS (one reply per call, 5 s apart), 112088
 * (pages of 100 reports / 50 replies) and SMS10692 (XML boxes). Real poll() in n8n-core's
 * PollContext against the simulator, on a virtual clock.
 */
import { pollingTrigger } from '../../support/nodes';
import { sms10692 } from '../../../nodes/gateways/sms10692';
import { sms112088 } from '../../../nodes/gateways/sms112088';
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

function gaps(gateway: 'chinaSms' | 'sms112088' | 'sms10692', path: string): number[] {
	const at = sim.requests(gateway).filter((r) => r.path.toLowerCase() === path).map((r) => r.at);
	return at.slice(1).map((t, i) => t - at[i]);
}

describe('CN SMS Trigger: China SMS (中国短信)', () => {
	const poll = async (parameters: Record<string, unknown> = {}) =>
		await runPoll(trigger, {
			parameters: { gateway: 'chinaSms', ...parameters } as never,
			credentials: simCredentials(sim.urls, sim.accounts, 'chinaSms'),
		});

	test('three replies: four calls (the last hears id=0), 5 s apart, three items', async () => {
		sim.queueReply('chinaSms', { id: '9586', mobile: '13912345678', text: '你好吗', receivedAt: '2005-05-24 17:13:00', extno: '01' });
		sim.queueReply('chinaSms', { id: '9587', mobile: '13912345679', text: '退订', receivedAt: '2005-05-24 17:14:00' });
		sim.queueReply('chinaSms', { id: '9588', mobile: '13912345670', text: '0000', receivedAt: '2005-05-24 17:15:00' });
		const result = await poll();
		const items = jsonOf(result);

		expect(items.map((i) => [i.id, i.mobile, i.text, i.receivedAt])).toEqual([
			['9586', '13912345678', '你好吗', '2005-05-24T17:13:00+08:00'],
			['9587', '13912345679', '退订', '2005-05-24T17:14:00+08:00'],
			['9588', '13912345670', '0000', '2005-05-24T17:15:00+08:00'],
		]);
		expect(items[0]).toMatchObject({ gateway: 'chinaSms', type: 'reply', destination: '088800801', linkId: null });
		expect(sim.requests('chinaSms').map((r) => r.path)).toEqual(Array(4).fill('/send/readsms.asp'));
		expect(gaps('chinaSms', '/send/readsms.asp')).toEqual([5000, 5000, 5000]);
		expect(clock.sleeps).toEqual([5000, 5000, 5000]);
		expect(sim.spacingViolations()).toEqual([]);
		expect(result.credentialTypesRequested).toEqual(['chinaSmsApi']);
	});

	test('at most 10 replies per poll by default (one per call)', async () => {
		for (let i = 0; i < 12; i++) sim.queueReply('chinaSms', { mobile: `1391234${String(i).padStart(4, '0')}`, text: `r${i}` });
		const items = jsonOf(await poll());
		expect(items).toHaveLength(10);
		expect(sim.pending('chinaSms').replies).toBe(2);
		const at = sim.requests('chinaSms').map((r) => r.at);
		expect(at[9] - at[0]).toBe(45_000);
	});

	test('an unreadable answer after a reply keeps the reply and says what failed', async () => {
		sim.queueReply('chinaSms', { mobile: '13912345678', text: '好' });
		sim.queueRaw('chinaSms', 'reply', 'Microsoft VBScript runtime error');
		const items = jsonOf(await poll());
		expect(items).toHaveLength(1);
		expect(items[0].text).toBe('好');
		expect(items[0].pollWarning).toMatch(/^Fetching replies failed on call 2 of this poll: China SMS \(中国短信\): /);
	});
});

describe('CN SMS Trigger: 112088 Enterprise SMS (企业短信通)', () => {
	const poll = async (parameters: Record<string, unknown>) =>
		await runPoll(trigger, {
			parameters: { gateway: 'sms112088', ...parameters } as never,
			credentials: simCredentials(sim.urls, sim.accounts, 'sms112088'),
		});

	test('150 reports and 60 replies: pages of 100 and 50, spaced by the adapter', async () => {
		for (let i = 0; i < 150; i++) {
			sim.queueReport('sms112088', { mobile: `1371114${String(i).padStart(4, '0')}`, messageId: '6408649', vendorStatus: i === 0 ? '20' : '10' });
		}
		for (let i = 0; i < 60; i++) sim.queueReply('sms112088', { id: String(133 + i), mobile: '13798361236', text: `我回复一条 ${i}` });
		const items = jsonOf(await poll({ events: ['report', 'reply'] }));

		expect(items.filter((i) => i.type === 'reply')).toHaveLength(60);
		expect(items.filter((i) => i.type === 'report')).toHaveLength(150);
		expect(items[0]).toMatchObject({ gateway: 'sms112088', type: 'reply', id: '133', mobile: '13798361236', text: '我回复一条 0' });
		expect(items[60]).toMatchObject({ gateway: 'sms112088', type: 'report', messageId: '6408649', mobile: '13711140000', status: 'failed', vendorStatus: '20' });
		expect(items[61]).toMatchObject({ status: 'delivered', vendorStatus: '10' });
		expect(sim.requests('sms112088').filter((r) => r.path.toLowerCase() === '/get_report_txt.asp')).toHaveLength(2);
		expect(sim.requests('sms112088').filter((r) => r.path.toLowerCase() === '/get_receive_message_txt.asp')).toHaveLength(2);
		expect(gaps('sms112088', '/get_report_txt.asp')).toEqual([sms112088.limits.fetchSpacingMs]);
		expect(sim.pending('sms112088')).toEqual({ replies: 0, reports: 0 });
	});
});

describe('CN SMS Trigger: SMS10692 (sms10692.com)', () => {
	const poll = async (parameters: Record<string, unknown>) =>
		await runPoll(trigger, {
			parameters: { gateway: 'sms10692', ...parameters } as never,
			credentials: simCredentials(sim.urls, sim.accounts, 'sms10692'),
		});

	test('reports and replies in one poll, signed requests, a broken box kept raw', async () => {
		sim.queueReport('sms10692', { mobile: '15023239810', messageId: '1212', vendorStatus: '10', reportedAt: '2011-12-02 22:12:11', errorCode: 'DELIVRD', extno: '01' });
		sim.queueReport('sms10692', { mobile: '15023239811', messageId: '1212', vendorStatus: '20', reportedAt: '2011-12-02 22:12:11', errorCode: '2' });
		sim.queueReply('sms10692', { mobile: '15023239810', text: '你好，我不需要', receivedAt: '2011-12-02 22:12:11', extno: '01' });
		sim.queueRaw('sms10692', 'reply', '<callbox><mobile>150</callbox>');
		const result = await poll({ events: ['reply', 'report'] });
		const items = jsonOf(result);

		expect(items.map((i) => [i.type, i.mobile, i.status ?? i.text, i.parseError ?? null])).toEqual([
			['reply', '15023239810', '你好，我不需要', null],
			['reply', null, null, 'the reply box is not well-formed XML'],
			['report', '15023239810', 'delivered', null],
			['report', '15023239811', 'failed', null],
		]);
		expect(items[0].receivedAt).toBe('2011-12-02T22:12:11+08:00');
		expect(items[1].raw).toEqual({ xml: '<callbox><mobile>150</callbox>' });
		expect(items[2]).toMatchObject({ messageId: '1212', reportedAt: '2011-12-02T22:12:11+08:00', extno: '01' });
		expect(result.logs.some((l) => l.level === 'warn' && l.message.includes('1 event(s) from SMS10692 (sms10692.com) could not be read'))).toBe(true);
		// Replies have no page size: the drain asks until an empty answer.
		expect(sim.requests('sms10692').map((r) => r.path).sort()).toEqual(['/v2callApi.aspx', '/v2callApi.aspx', '/v2statusApi.aspx']);
		expect(gaps('sms10692', '/v2callapi.aspx')).toEqual([sms10692.limits.fetchSpacingMs]);
		expect(sim.spacingViolations()).toEqual([]);
		expect(sim.pending('sms10692')).toEqual({ replies: 0, reports: 0 });
	});
});
