/** China SMS (中国短信) replies (seed 000 §5 readsms.asp) against the simulator: one per call, 5 s apart. */
import { chinaSms } from '../../../../nodes/gateways/chinaSms';
import { drain } from '../../../../nodes/gateways/fetch/runner';
import type { InboundReply } from '../../../../nodes/gateways/kit/model';
import { useSimulator } from '../../../support/simulator';
import { AUTH, NAME, ctx } from './helpers';

const sim = useSimulator();

describe('fetchReplies', () => {
	it('reads one reply per call from readsms.asp and stops at id=0', async () => {
		sim().queueReply('chinaSms', { mobile: '13800000001', text: '你好 & 再见', receivedAt: '2030-05-24 17:13:00', extno: '00' });
		const page = await chinaSms.fetchReplies!(ctx(sim()));
		expect([sim().requests('chinaSms')[0].path, sim().requests('chinaSms')[0].rawQuery]).toEqual(['/send/readsms.asp', AUTH]);
		expect(page).toEqual({
			more: true,
			events: [
				{
					type: 'reply',
					id: '9586',
					mobile: '13800000001',
					text: '你好 & 再见',
					receivedAt: '2030-05-24T17:13:00+08:00',
					destination: '088800800',
					extno: null,
					linkId: null,
					unsubscribe: false,
					raw: { id: '9586', err: '成功', src: '13800000001', msg: '你好 & 再见', dst: '088800800', time: '203005241713' },
				},
			],
		});
		await expect(chinaSms.fetchReplies!(ctx(sim()))).resolves.toEqual({ events: [], more: false });
	});

	it('flags content 0000 as unsubscribe', async () => {
		sim().queueReply('chinaSms', { mobile: '13800000001', text: '0000' });
		const page = await chinaSms.fetchReplies!(ctx(sim()));
		expect(page.events[0]).toMatchObject({ text: '0000', unsubscribe: true });
	});

	it('parses the readsms example verbatim', async () => {
		sim().queueRaw('chinaSms', 'reply', 'id=9586&err=成功&src=1393904****&msg=你好吗&dst=??????&time=200505241713');
		const page = await chinaSms.fetchReplies!(ctx(sim()));
		expect(page.events).toEqual([
			{
				type: 'reply',
				id: '9586',
				mobile: '1393904****',
				text: '你好吗',
				receivedAt: '2005-05-24T17:13:00+08:00',
				destination: '??????',
				extno: null,
				linkId: null,
				unsubscribe: false,
				raw: { id: '9586', err: '成功', src: '1393904****', msg: '你好吗', dst: '??????', time: '200505241713' },
			},
		]);
	});

	it('keeps a reply it cannot read as an event with parseError and the raw answer', async () => {
		sim().queueRaw('chinaSms', 'reply', 'id=77&err=成功&msg=没有号码');
		const page = await chinaSms.fetchReplies!(ctx(sim()));
		expect(page.more).toBe(true);
		expect(page.events).toEqual([
			expect.objectContaining({
				id: '77',
				mobile: null,
				text: '没有号码',
				parseError: 'could not read the reply: no src (mobile)',
				raw: { id: '77', err: '成功', msg: '没有号码', body: 'id=77&err=成功&msg=没有号码' },
			}),
		]);
	});

	it('throws on an answer that is no key=value text', async () => {
		sim().queueRaw('chinaSms', 'reply', 'Microsoft VBScript runtime error 800a000d');
		await expect(chinaSms.fetchReplies!(ctx(sim()))).rejects.toThrow(
			`${NAME}: unexpected response to the reply fetch: "Microsoft VBScript runtime error 800a000d"`,
		);
	});

	it('waits the documented 5 s between calls when drained (injected clock)', async () => {
		expect(chinaSms.limits.fetchSpacingMs).toBe(5000);
		sim().queueReply('chinaSms', { mobile: '13800000001', text: 'a' });
		sim().queueReply('chinaSms', { mobile: '13800000002', text: 'b' });
		let clock = 0;
		const waits: number[] = [];
		const result = await drain<InboundReply>(chinaSms, ctx(sim()), 'replies', {
			maxCalls: 10,
			now: () => clock,
			sleep: async (ms) => {
				waits.push(ms);
				clock += ms;
			},
		});
		expect(result.events.map((e) => e.text)).toEqual(['a', 'b']);
		expect([result.calls, result.more, waits]).toEqual([3, false, [5000, 5000]]);
		// The fake clock did not really wait: the simulator saw the calls too close together.
		expect(sim().spacingViolations('chinaSms')).toHaveLength(2);
	});
});
