/**
 * fetchReports / fetchReplies: draining with the documented spacing, Max Calls, nothing pending,
 * and failures after events were handed over (they are never lost).
 */
import type { INodeParameters } from 'n8n-workflow';

import { smsAdmin } from '../../../nodes/gateways/smsAdmin';
import { createSession } from '../../../nodes/n8n/session';
import type { NodeSeams } from '../../../nodes/n8n/session';
import { freezeClock, jsonOf, withSeams } from './helpers';
import { useSimulator } from '../../support/simulator';

const seams: NodeSeams = {};
const { execute } = withSeams(seams);

const sleeps: number[] = [];
const sim = useSimulator(() => {
	freezeClock();
	sleeps.length = 0;
	seams.sleep = async (ms) => {
		sleeps.push(ms);
	};
});

afterAll(() => jest.useRealTimers());

function queueReplies(count: number): void {
	for (let i = 0; i < count; i++) sim.queueReply('smsAdmin', { mobile: String(13912340000 + i), text: `reply ${i}`, receivedAt: '2026-11-20 10:00:00' });
}

const replies = (options: INodeParameters = {}) => ({ gateway: 'smsAdmin', operation: 'fetchReplies', options });

test('drains page by page with the gateway\'s documented spacing (smsAdmin: 20 per call, 5 s apart)', async () => {
	queueReplies(25);
	const result = await execute(sim, replies(), [{ trigger: 1 }]);
	expect(sim.requests('smsAdmin')).toHaveLength(2);
	expect(sleeps).toEqual([smsAdmin.limits.fetchSpacingMs]);
	expect(smsAdmin.limits.fetchSpacingMs).toBe(5000);
	const items = jsonOf(result);
	expect(items.map((j) => j.mobile)).toEqual(Array.from({ length: 25 }, (_, i) => String(13912340000 + i)));
	expect(result.output![0].every((i) => JSON.stringify(i.pairedItem) === JSON.stringify([{ item: 0 }]))).toBe(true);
	expect(sim.pending('smsAdmin').replies).toBe(0);
});

test('nothing pending is no items, not an error', async () => {
	const result = await execute(sim, { gateway: 'smsAdmin', operation: 'fetchReports', options: {} });
	expect(result.error).toBeNull();
	expect(result.output).toEqual([[]]);
	expect(sim.requests('smsAdmin')).toHaveLength(1);
});

test('Max Calls caps the calls (china-sms: one reply per call) and says more may be waiting', async () => {
	for (const text of ['a', 'b', 'c']) sim.queueReply('chinaSms', { mobile: '13912340000', text });
	const result = await execute(sim, { gateway: 'chinaSms', operation: 'fetchReplies', options: { maxCalls: 2 } });
	expect(jsonOf(result).map((j) => j.text)).toEqual(['a', 'b']);
	expect(sim.requests('chinaSms')).toHaveLength(2);
	expect(sleeps).toEqual([5000]);
	expect(result.hints).toEqual([
		{ message: 'Stopped after 2 calls (Max Calls); more replies may be waiting at the gateway.', type: 'info', location: 'outputPane' },
	]);
	const next = await execute(sim, { gateway: 'chinaSms', operation: 'fetchReplies', options: { maxCalls: 2 } });
	expect(jsonOf(next).map((j) => j.text)).toEqual(['c']);
});

describe('a call fails after earlier calls handed events over', () => {
	beforeEach(() => {
		queueReplies(25);
		sim.fault('smsAdmin', { type: 'http500', path: 'reve', after: 1 });
	});

	test('without continue on fail: the events are output and the failure is a warning (the events cannot be fetched again)', async () => {
		const result = await execute(sim, replies());
		expect(result.error).toBeNull();
		expect(jsonOf(result)).toHaveLength(20);
		expect(result.hints).toHaveLength(1);
		expect(result.hints[0]).toMatchObject({ type: 'warning', location: 'outputPane' });
		expect(result.hints[0].message).toMatch(/^SMSAdmin \(通用短信平台\): .* — call 2 failed after 20 replies were fetched; they are in the output\. Run again to fetch the rest\.$/);
		expect(result.hints[0].message).not.toContain('pw-Admin');
		// Nothing was lost: the rest comes with the next run.
		const next = await execute(sim, replies());
		expect(jsonOf(next)).toHaveLength(5);
	});

	test('with continue on fail: the events, then one error item', async () => {
		const result = await execute(sim, replies(), [{}], { settings: { onError: 'continueRegularOutput' } });
		const items = jsonOf(result);
		expect(items).toHaveLength(21);
		expect(items.slice(0, 20).every((j) => j.type === 'reply')).toBe(true);
		expect(items[20]).toMatchObject({ gateway: 'smsAdmin', type: 'error', fetched: 20, calls: 2, code: '500' });
		expect(String(items[20].error)).toMatch(/^SMSAdmin \(通用短信平台\): /);
	});
});

test('a failure before any event was fetched is thrown as usual', async () => {
	sim.fault('smsAdmin', { type: 'http500', path: 'report' });
	const result = await execute(sim, { gateway: 'smsAdmin', operation: 'fetchReports', options: {} });
	expect(result.output).toBeNull();
	expect((result.error as Error).message).toMatch(/^SMSAdmin \(通用短信平台\): /);
});

test('without a sleep handed in, a session waits with n8n\'s sleep (real time passes)', async () => {
	jest.useRealTimers();
	const started = Date.now();
	await createSession(smsAdmin, {}, { http: async () => ({ status: 200, headers: {}, body: Buffer.alloc(0) }) }).sleep(30);
	expect(Date.now() - started).toBeGreaterThanOrEqual(25);
});
