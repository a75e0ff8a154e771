/**
 * Request planning through the node: long recipient lists and many sendBulk items go out in the
 * fewest requests the gateway allows, one output item per input item, with a bounded concurrency.
 */
import type { INodeParameters } from 'n8n-workflow';

import { smsAdmin } from '../../../nodes/gateways/smsAdmin';
import { execute, jsonOf } from './helpers';
import { useSimulator } from '../../support/simulator';

const sim = useSimulator(() => {
	sim.setLatency(0);
});

/** Distinct mobiles 139 1234 0000 + i (clear of the simulators' special numbers). */
function mobiles(count: number): string[] {
	return Array.from({ length: count }, (_, i) => String(13912340000 + i));
}

function param(query: string, name: string): string {
	return new URLSearchParams(query).get(name) ?? '';
}

test('send: 250 recipients at 112088\'s limit of 100 → 3 requests of 100, 100 and 50 numbers', async () => {
	const numbers = mobiles(250);
	const result = await execute(sim, { gateway: 'sms112088', operation: 'send', recipients: numbers.join('\n'), message: 'hi', options: {} });
	const requests = sim.requests('sms112088');
	expect(requests.map((q) => param(q.rawQuery, 'send_phone').split(','))).toEqual([numbers.slice(0, 100), numbers.slice(100, 200), numbers.slice(200)]);
	const [item] = jsonOf(result);
	expect(item).toMatchObject({ success: true, requests: 3, accepted: 250, rejected: 0, recipients: numbers, messageIds: ['6408676', '6408677', '6408678'] });
	expect(item.raw).toHaveLength(3);
});

test('send: Batch Size lowers the per-request limit (100 numbers at 40 → 40, 40, 20)', async () => {
	const numbers = mobiles(100);
	const result = await execute(sim, { gateway: 'smsAdmin', operation: 'send', recipients: numbers.join(','), message: 'hi', options: { batchSize: 40 } });
	const sizes = sim.requests('smsAdmin').map((q) => new URLSearchParams(q.body.toString('latin1')).get('mobile')!.split(';').length);
	expect(sizes).toEqual([40, 40, 20]);
	expect(jsonOf(result)[0]).toMatchObject({ success: true, requests: 3, accepted: 100 });
});

/** 1,000 items in 3 distinct messages, interleaved: 400 × A, 350 × B, 250 × C. */
function thousandItems() {
	const numbers = mobiles(1000);
	return numbers.map((phone, i) => ({ phone, text: i % 20 < 8 ? 'A' : i % 20 < 15 ? 'B' : 'C' }));
}

test.each([
	// smsAdmin POST takes 1000 numbers: one request per distinct message.
	['smsAdmin', 3, (q: { body: Buffer }) => new URLSearchParams(q.body.toString('latin1')).get('mobile')!.split(';')],
	// 112088 takes 100: ceil(400/100) + ceil(350/100) + ceil(250/100) = 4 + 4 + 3.
	['sms112088', 11, (q: { rawQuery: string }) => param(q.rawQuery, 'send_phone').split(',')],
] as const)('sendBulk: 1,000 items in 3 messages at %s → %i requests, one item out per item in', async (gateway, expected, numbersOf) => {
	const items = thousandItems();
	const result = await execute(sim, { gateway, operation: 'sendBulk', recipient: '={{ $json.phone }}', message: '={{ $json.text }}', options: {} }, items);
	const requests = sim.requests(gateway);
	expect(requests).toHaveLength(expected);
	// Every request carries one message only, and each number exactly once overall.
	const sentTo = new Map<string, string>();
	for (const q of requests) {
		const text = gateway === 'smsAdmin' ? new URLSearchParams(q.body.toString('latin1')).get('msg') : param(q.rawQuery, 'send_content');
		for (const n of (numbersOf as (q: unknown) => string[])(q)) {
			expect(sentTo.has(n)).toBe(false);
			sentTo.set(n, text!);
		}
	}
	expect(sentTo.size).toBe(1000);
	for (const item of items) expect(sentTo.get(item.phone)).toBe(item.text);
	const out = result.output![0];
	expect(out).toHaveLength(1000);
	out.forEach((o, i) => {
		expect(o.pairedItem).toEqual({ item: i });
		expect(o.json).toMatchObject({ gateway, success: true, recipient: items[i].phone });
	});
});

test('sendBulk: the same number twice with the same message goes out in two requests, both reported', async () => {
	const result = await execute(sim, { gateway: 'smsAdmin', operation: 'sendBulk', recipient: '={{ $json.phone }}', message: 'hi', options: {} }, [
		{ phone: '13912340000' },
		{ phone: '13912340001' },
		{ phone: '13912340000' },
	]);
	const mobilesPerRequest = sim.requests('smsAdmin').map((q) => new URLSearchParams(q.body.toString('latin1')).get('mobile'));
	expect(mobilesPerRequest).toEqual(['13912340000;13912340001', '13912340000']);
	expect(jsonOf(result).map((j) => j.success)).toEqual([true, true, true]);
	expect(sim.sent('smsAdmin')).toHaveLength(3);
});

describe('concurrency', () => {
	let inFlight = 0;
	let maxInFlight = 0;
	const original = smsAdmin.send!;
	beforeEach(() => {
		inFlight = 0;
		maxInFlight = 0;
		jest.spyOn(smsAdmin, 'send').mockImplementation(async (ctx, request) => {
			maxInFlight = Math.max(maxInFlight, ++inFlight);
			try {
				return await original(ctx, request);
			} finally {
				inFlight--;
			}
		});
		sim.setLatency(40);
	});
	afterEach(() => jest.restoreAllMocks());

	const sixMessages = Array.from({ length: 6 }, (_, i) => ({ phone: String(13912340000 + i), text: `message ${i}` }));
	const params = (options: INodeParameters) => ({ gateway: 'smsAdmin', operation: 'sendBulk', recipient: '={{ $json.phone }}', message: '={{ $json.text }}', options });

	test('one request at a time by default', async () => {
		await execute(sim, params({}), sixMessages);
		expect(sim.requests('smsAdmin')).toHaveLength(6);
		expect(maxInFlight).toBe(1);
	});

	test('at most Concurrency requests at once', async () => {
		const result = await execute(sim, params({ concurrency: 3 }), sixMessages);
		expect(sim.requests('smsAdmin')).toHaveLength(6);
		expect(maxInFlight).toBe(3);
		expect(jsonOf(result).map((j) => j.recipient)).toEqual(sixMessages.map((m) => m.phone));
	});
});

describe('China SMS 小灵通 (PHS) numbers: planned apart, checked before anything is sent', () => {
	const send = (recipients: string, message = 'hi', extra: INodeParameters = {}) => ({ gateway: 'chinaSms', operation: 'send', recipients, message, options: {}, ...extra });

	test('one item with PHS and mobile numbers → two requests, never mixed; the item counts both', async () => {
		const result = await execute(sim, send('01012345678, 13912340000, 13912340001'));
		expect(sim.requests('chinaSms').map((q) => [q.path, param(q.rawQuery, 'dst')])).toEqual([
			['/send/ssend.asp', '01012345678'],
			['/send/gsend.asp', '13912340000,13912340001'],
		]);
		expect(jsonOf(result)[0]).toMatchObject({ success: true, requests: 2, accepted: 3, recipients: ['01012345678', '13912340000', '13912340001'], messageIds: ['1234'] });
	});

	test('sendBulk items to PHS and mobile numbers with one message → a request per class', async () => {
		const result = await execute(sim, { gateway: 'chinaSms', operation: 'sendBulk', recipient: '={{ $json.phone }}', message: 'hi', options: {} }, [
			{ phone: '13912340000' },
			{ phone: '01012345678' },
			{ phone: '13912340001' },
		]);
		expect(sim.requests('chinaSms').map((q) => param(q.rawQuery, 'dst'))).toEqual(['13912340000,13912340001', '01012345678']);
		expect(jsonOf(result).map((i) => [i.recipient, i.success])).toEqual([['13912340000', true], ['01012345678', true], ['13912340001', true]]);
	});

	test('the second class failing keeps the first request\'s outcome; the failed numbers are named', async () => {
		sim.fault('chinaSms', { type: 'http500', path: 'gsend' });
		const result = await execute(sim, send('01012345678, 13912340000, 13912340001'), [{}], { settings: { onError: 'continueRegularOutput' } });
		const [item] = jsonOf(result);
		expect(item).toMatchObject({ success: false, accepted: 1, requests: 2, notSentRecipients: [], uncertainRecipients: ['13912340000', '13912340001'] });
		expect(sim.sent('chinaSms').map((m) => m.mobile)).toEqual(['01012345678']);
	});

	test('a 41-character message to a PHS number is refused for its item before any request', async () => {
		const result = await execute(sim, send('13912340000, 01012345678', 'x'.repeat(41)));
		expect((result.error as Error).message).toBe(
			'Item 0: China SMS (中国短信): a message to 小灵通 (PHS, fixed-line) numbers may have at most 40 characters; this one has 41 (01012345678)',
		);
		expect(sim.requests('chinaSms')).toHaveLength(0);
	});
});
