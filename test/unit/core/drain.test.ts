import { drain, fetcherFor } from '../../../nodes/gateways/fetch/runner';
import { TransportError } from '../../../nodes/gateways/kit/errors';
import { createTransport } from '../../../nodes/gateways/kit/transport';
import type { GatewayAdapter, GatewayContext } from '../../../nodes/gateways/kit/adapter';
import type { FetchPage, InboundReply } from '../../../nodes/gateways/kit/model';
import { n8nHttpClient } from '../../harness/http';

/** n8n's real request helper (an n8n-core execution context's helpers.httpRequest). */
const http = n8nHttpClient();

function reply(id: string): InboundReply {
	return { type: 'reply', id, mobile: '13800138000', text: `text ${id}`, receivedAt: null, destination: null, extno: null, linkId: null, raw: {} };
}

type Step = FetchPage<InboundReply> | Error;

/** A fake clock: `sleep` advances it; each fetch takes `callMs` of it. Everything is recorded. */
function harness(steps: Step[], opts: { spacingMs?: number; callMs?: number } = {}) {
	let clock = 1_000_000;
	const sleeps: number[] = [];
	const callTimes: number[] = [];
	const adapter = {
		id: 'chinaSms',
		displayName: 'Fake Gateway (假)',
		credentialTypes: ['fakeApi'],
		limits: { maxRecipientsPerRequest: 100, fetchSpacingMs: opts.spacingMs ?? 5000, supportsSchedule: true },
		charset: () => 'utf8',
		fetchReplies: async () => {
			callTimes.push(clock);
			clock += opts.callMs ?? 0;
			const step = steps[callTimes.length - 1];
			if (!step) throw new Error(`unexpected call ${callTimes.length}`);
			if (step instanceof Error) throw step;
			return step;
		},
	} as unknown as GatewayAdapter;
	const ctx: GatewayContext = { credentials: {}, transport: createTransport(adapter.displayName, { http }), now: () => new Date(clock) };
	const options = {
		sleep: async (ms: number) => {
			sleeps.push(ms);
			clock += ms;
		},
		now: () => clock,
	};
	return { adapter, ctx, options, sleeps, callTimes, started: clock };
}

const page = (ids: string[], more: boolean): FetchPage<InboundReply> => ({ events: ids.map(reply), more });
const ids = (events: InboundReply[]) => events.map((e) => e.id);

describe('drain', () => {
	it('stops when the gateway says nothing more is pending, without sleeping before the first call', async () => {
		const h = harness([page(['a', 'b'], true), page(['c'], true), page([], false)]);
		const result = await drain<InboundReply>(h.adapter, h.ctx, 'replies', { ...h.options, maxCalls: 10 });
		expect(ids(result.events)).toEqual(['a', 'b', 'c']);
		expect(result).toMatchObject({ calls: 3, more: false, error: null });
		// The adapter's documented 5 s spacing, between calls only.
		expect(h.sleeps).toEqual([5000, 5000]);
		expect(h.callTimes).toEqual([h.started, h.started + 5000, h.started + 10000]);
	});

	it('makes a single call when the first page is the last', async () => {
		const h = harness([page(['a'], false)]);
		const result = await drain<InboundReply>(h.adapter, h.ctx, 'replies', { ...h.options, maxCalls: 10 });
		expect(result).toMatchObject({ calls: 1, more: false, error: null });
		expect(ids(result.events)).toEqual(['a']);
		expect(h.sleeps).toEqual([]);
	});

	it('respects maxCalls and says more may be pending', async () => {
		const h = harness([page(['a'], true), page(['b'], true), page(['c'], true), page(['d'], true)]);
		const result = await drain<InboundReply>(h.adapter, h.ctx, 'replies', { ...h.options, maxCalls: 2 });
		expect(ids(result.events)).toEqual(['a', 'b']);
		expect(result).toMatchObject({ calls: 2, more: true, error: null });
		expect(h.callTimes).toHaveLength(2);
	});

	it('uses spacingMs when given, counted from the previous answer after a slow call', async () => {
		const h = harness([page(['a'], true), page(['b'], true), page([], false)], { callMs: 1200 });
		const result = await drain<InboundReply>(h.adapter, h.ctx, 'replies', { ...h.options, maxCalls: 5, spacingMs: 3000 });
		expect(result).toMatchObject({ calls: 3, more: false, error: null });
		expect(h.sleeps).toEqual([3000, 3000]);
		expect(h.callTimes.map((t) => t - h.started)).toEqual([0, 4200, 8400]);
	});

	it('waits the whole spacing even after a call slower than the spacing', async () => {
		const h = harness([page(['a'], true), page([], false)], { callMs: 7000 });
		await drain<InboundReply>(h.adapter, h.ctx, 'replies', { ...h.options, maxCalls: 5 });
		expect(h.sleeps).toEqual([5000]);
		expect(h.callTimes.map((t) => t - h.started)).toEqual([0, 12000]);
	});

	it('stops early with more:true when the next call would start after budgetMs', async () => {
		const h = harness([page(['a'], true), page(['b'], true), page(['c'], true), page(['d'], true)]);
		const result = await drain<InboundReply>(h.adapter, h.ctx, 'replies', { ...h.options, maxCalls: 10, budgetMs: 10_000 });
		// Calls at 0, 5 s and 10 s fit the budget; one at 15 s would not.
		expect(ids(result.events)).toEqual(['a', 'b', 'c']);
		expect(result).toMatchObject({ calls: 3, more: true, error: null });
		expect(h.sleeps).toEqual([5000, 5000]);
	});

	it('keeps the events of calls 1–2 when call 3 fails, and returns the error beside them', async () => {
		const failure = new TransportError({ gateway: 'Fake Gateway (假)', failure: 'reset', message: 'boom', url: '', mayHaveReached: true });
		const h = harness([page(['a', 'b'], true), page(['c'], true), failure, page(['never'], false)]);
		const result = await drain<InboundReply>(h.adapter, h.ctx, 'replies', { ...h.options, maxCalls: 10 });
		expect(ids(result.events)).toEqual(['a', 'b', 'c']);
		expect(result.calls).toBe(3);
		expect(result.more).toBe(true);
		expect(result.error).toBe(failure);
		expect(h.callTimes).toHaveLength(3);
	});

	it('returns an error of the first call with no events', async () => {
		const failure = new Error('refused');
		const h = harness([failure]);
		const result = await drain<InboundReply>(h.adapter, h.ctx, 'replies', { ...h.options, maxCalls: 10 });
		// A failed call may have reached the gateway: the next drain keeps the spacing from it too.
		expect(result).toEqual({ events: [], calls: 1, more: true, error: failure, lastAnswerAt: h.started });
	});

	it('keeps the spacing from an earlier drain\'s last answer before its first call', async () => {
		const h = harness([page(['a'], true), page([], false)], { callMs: 300 });
		const result = await drain<InboundReply>(h.adapter, h.ctx, 'replies', {
			...h.options,
			maxCalls: 5,
			previousAnswerAt: h.started - 1200,
		});
		expect(h.sleeps).toEqual([3800, 5000]);
		expect(h.callTimes.map((t) => t - h.started)).toEqual([3800, 9100]);
		expect(result.lastAnswerAt).toBe(h.started + 9400);
	});

	it('refuses a kind the adapter cannot fetch', async () => {
		const h = harness([]);
		expect(fetcherFor(h.adapter, 'reports')).toBeUndefined();
		expect(fetcherFor(h.adapter, 'replies')).toBeInstanceOf(Function);
		await expect(drain(h.adapter, h.ctx, 'reports', { ...h.options, maxCalls: 1 })).rejects.toThrow('Fake Gateway (假) has no reports to fetch');
		expect(h.callTimes).toEqual([]);
	});
});
