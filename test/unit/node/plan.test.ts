/** nodes/gateway/plan.ts: fewest requests, no number twice per request, bounded concurrency. */
import { chunk, effectiveLimit, planBatches, runPool } from '../../../nodes/gateways/send/plan';
import type { BatchEntry } from '../../../nodes/gateways/send/plan';

const entry = (itemIndex: number, recipient: string, key = 'k'): BatchEntry => ({ itemIndex, recipient, key });

test('chunk: 250 at 100 → 100, 100, 50; exact multiples have no empty tail', () => {
	const list = Array.from({ length: 250 }, (_, i) => i);
	expect(chunk(list, 100).map((c) => c.length)).toEqual([100, 100, 50]);
	expect(chunk(list.slice(0, 200), 100).map((c) => c.length)).toEqual([100, 100]);
	expect(chunk([], 100)).toEqual([]);
	expect(() => chunk(list, 0)).toThrow(RangeError);
});

test('effectiveLimit: batch size lowers, never raises, the documented limit', () => {
	expect(effectiveLimit(100)).toBe(100);
	expect(effectiveLimit(100, 0)).toBe(100);
	expect(effectiveLimit(100, 40)).toBe(40);
	expect(effectiveLimit(100, 500)).toBe(100);
});

test('planBatches: groups by key, the fewest requests per group, groups in order of first item', () => {
	const entries = Array.from({ length: 1000 }, (_, i) => entry(i, String(13900000000 + i), ['A', 'B', 'C'][i % 3]));
	const at1000 = planBatches(entries, 1000);
	expect(at1000.map((r) => [r.key, r.entries.length])).toEqual([
		['A', 334],
		['B', 333],
		['C', 333],
	]);
	const at100 = planBatches(entries, 100);
	expect(at100).toHaveLength(4 + 4 + 4);
	for (const request of at100) {
		expect(request.entries.length).toBeLessThanOrEqual(100);
		expect(new Set(request.entries.map((e) => e.key))).toEqual(new Set([request.key]));
	}
	// Every entry exactly once.
	expect(at100.flatMap((r) => r.entries.map((e) => e.itemIndex)).sort((a, b) => a - b)).toEqual(entries.map((e) => e.itemIndex));
});

test('planBatches: a number repeated in a group is spread over requests, still the fewest possible', () => {
	// 5 entries, limit 10, one number three times → max(ceil(5/10), 3) = 3 requests.
	const plan = planBatches([entry(0, 'x'), entry(1, 'y'), entry(2, 'x'), entry(3, 'z'), entry(4, 'x')], 10);
	expect(plan).toHaveLength(3);
	for (const request of plan) {
		const numbers = request.entries.map((e) => e.recipient);
		expect(new Set(numbers).size).toBe(numbers.length);
		expect(request.entries.map((e) => e.itemIndex)).toEqual([...request.entries.map((e) => e.itemIndex)].sort((a, b) => a - b));
	}
	expect(plan.flatMap((r) => r.entries.map((e) => e.itemIndex)).sort()).toEqual([0, 1, 2, 3, 4]);
});

test('planBatches: repeats and the limit together', () => {
	// 7 entries, limit 3, 'x' twice → max(ceil(7/3), 2) = 3 requests of at most 3.
	const entries = [entry(0, 'x'), entry(1, 'a'), entry(2, 'b'), entry(3, 'x'), entry(4, 'c'), entry(5, 'd'), entry(6, 'e')];
	const plan = planBatches(entries, 3);
	expect(plan).toHaveLength(3);
	expect(plan.every((r) => r.entries.length <= 3 && new Set(r.entries.map((e) => e.recipient)).size === r.entries.length)).toBe(true);
});

test('runPool: results in task order, at most `concurrency` at once, stop() prevents new starts', async () => {
	let running = 0;
	let peak = 0;
	const worker = async (n: number) => {
		peak = Math.max(peak, ++running);
		await new Promise((resolve) => setTimeout(resolve, 5 + (n % 3)));
		running--;
		return n * 2;
	};
	expect(await runPool([1, 2, 3, 4, 5, 6, 7], 3, worker)).toEqual([2, 4, 6, 8, 10, 12, 14]);
	expect(peak).toBe(3);
	peak = 0;
	await runPool([1, 2, 3], 1, worker);
	expect(peak).toBe(1);
	let started = 0;
	const stopped = await runPool([1, 2, 3, 4], 1, async (n) => {
		started++;
		return n;
	}, () => started >= 2);
	expect(stopped).toEqual([1, 2, undefined, undefined]);
});
