/**
 * drain() counts the spacing from the previous call's answer, so the gateway sees requests at
 * least that far apart even when a request was slow to arrive.
 */
import { drain } from '../../../nodes/gateways/fetch/runner';
import type { GatewayAdapter, GatewayContext } from '../../../nodes/gateways/kit/adapter';
import type { FetchPage, InboundReply } from '../../../nodes/gateways/kit/model';

function slowAdapter(clock: { t: number }, callMs: number, pages: number): { adapter: GatewayAdapter; starts: number[] } {
	const starts: number[] = [];
	const adapter = {
		id: 'chinaSms',
		displayName: 'Test gateway',
		credentialTypes: ['chinaSmsApi'],
		limits: { maxRecipientsPerRequest: 1, fetchSpacingMs: 5000, supportsSchedule: false },
		charset: () => 'utf8',
		fetchReplies: async (): Promise<FetchPage<InboundReply>> => {
			starts.push(clock.t);
			clock.t += callMs;
			const reply: InboundReply = { type: 'reply', id: String(starts.length), mobile: '13900000000', text: 'x', receivedAt: null, destination: null, extno: null, linkId: null, raw: {} };
			return { events: [reply], more: starts.length < pages };
		},
	} as unknown as GatewayAdapter;
	return { adapter, starts };
}

const ctx = {} as GatewayContext;

test('the next call starts 5 s after the previous answer', async () => {
	const clock = { t: 0 };
	const { adapter, starts } = slowAdapter(clock, 1200, 3);
	const waits: number[] = [];
	const result = await drain(adapter, ctx, 'replies', {
		maxCalls: 10,
		now: () => clock.t,
		sleep: async (ms) => {
			waits.push(ms);
			clock.t += ms;
		},
	});
	expect(result.events).toHaveLength(3);
	expect(starts).toEqual([0, 6200, 12400]);
	expect(waits).toEqual([5000, 5000]);
});

test('with a budget: no call starts after the budget', async () => {
	const clock = { t: 0 };
	const { adapter, starts } = slowAdapter(clock, 1000, 100);
	const result = await drain(adapter, ctx, 'replies', {
		maxCalls: 100,
		budgetMs: 45_000,
		now: () => clock.t,
		sleep: async (ms) => {
			clock.t += ms;
		},
	});
	// Calls start every 6 s (1 s answer + 5 s spacing): 0, 6, …, 42.
	expect(starts).toEqual([0, 6000, 12000, 18000, 24000, 30000, 36000, 42000]);
	expect(result.more).toBe(true);
	expect(result.error).toBeNull();
});
