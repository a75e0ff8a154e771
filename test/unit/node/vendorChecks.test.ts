/**
 * The checks only one gateway has (its adapter's sendProblems), through the real node: each runs
 * for every item before any request, names the item, and the simulator receives nothing. And what
 * stands where the adapters used to check again while sending: the common checks refuse first
 * (with their own words), the planner splits, and an option a gateway does not declare never
 * reaches its adapter.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { chinaSms } from '../../../nodes/gateways/chinaSms';
import { useSimulator } from '../../support/simulator';
import { credentials, execute, freezeClock, jsonOf, wire } from './helpers';
import type { RunOptions } from './helpers';

const sim = useSimulator(() => freezeClock());
afterAll(() => jest.useRealTimers());

async function refused(parameters: INodeParameters, input: IDataObject[] = [{}], options: RunOptions = {}): Promise<NodeOperationError> {
	const result = await execute(sim(), parameters, input, options);
	expect(sim().requests()).toEqual([]);
	expect(result.error).toBeInstanceOf(NodeOperationError);
	return result.error as NodeOperationError;
}

const send = (gateway: string, message: string, options: INodeParameters = {}, recipients = '13800138000'): INodeParameters => ({ gateway, operation: 'send', recipients, message, options });
const bulk = (gateway: string, options: INodeParameters = {}): INodeParameters => ({ gateway, operation: 'sendBulk', recipient: '={{ $json.phone }}', message: '={{ $json.text }}', options });

describe("each gateway's own rule, before anything is sent", () => {
	test('smsAdmin: linkid of 1 to 32 letters and digits, per item of a bulk send', async () => {
		const error = await refused(bulk('smsAdmin', { linkId: '={{ $json.link }}' }), [
			{ phone: '13800138000', text: 'hi', link: 'Order1' },
			{ phone: '13900139000', text: 'hi', link: 'order-2' },
		]);
		expect(error.message).toBe('Item 1: linkId must be 1 to 32 letters and digits, got "order-2"');
		expect(error.description).toBe('Nothing was sent.');
	});

	test('smsAdmin: the same rule for a template send', async () => {
		const error = await refused({ gateway: 'smsAdmin', operation: 'sendTemplate', template: '验证码{value0}', recipient: '13800138000', values: '1234', options: { linkId: 'T-1' } });
		expect(error.message).toBe('Item 0: linkId must be 1 to 32 letters and digits, got "T-1"');
	});

	test('sms10692: extno of 1 to 10 digits', async () => {
		expect((await refused(send('sms10692', 'hi', { extno: '12345678901' }))).message).toBe('Item 0: extno "12345678901" must be 1 to 10 digits');
	});

	test('sms18: extno of digits only', async () => {
		expect((await refused(send('sms18', 'hi', { extno: '12a' }))).message).toBe('Item 0: extno "12a" must be digits only (18SMS answers 113 otherwise)');
	});

	test('chinaSms: sender of at most 8 digits', async () => {
		expect((await refused(send('chinaSms', 'hi', { extno: '123456789' }))).message).toBe('Item 0: Extension Number (sender) "123456789" must have at most 8 digits');
	});

	test('chinaSms: 40 characters to a 小灵通 number, per item of a bulk send', async () => {
		const text = 'x'.repeat(41);
		const error = await refused(bulk('chinaSms'), [
			{ phone: '13800138000', text },
			{ phone: '01012345678', text },
		]);
		expect(error.message).toBe('Item 1: China SMS (中国短信): a message to 小灵通 (PHS, fixed-line) numbers may have at most 40 characters; this one has 41 (01012345678)');
	});
});

describe('what the adapters no longer check a second time: the common checks refuse first', () => {
	test('sms18: 537 characters, against the declaration\'s 536', async () => {
		const error = await refused(send('sms18', 'a'.repeat(537)));
		expect(error.message).toBe('Item 0: the message is 537 characters (9 segments: 70 characters for one message, 67 per part beyond); 18SMS (18sms.com) accepts at most 536');
	});

	test("sms10692: characters its GBK endpoint cannot carry, in the credential's charset", async () => {
		const error = await refused(send('sms10692', 'ok 😀'), [{}], { credentials: credentials(sim(), 'sms10692', { charset: 'gbk' }) });
		expect(error.message).toBe('Item 0: the message holds characters GBK cannot carry: "😀" (U+1F600)');
	});

	test('smsAdmin: a template value GB2312 cannot carry, in the filled-in message', async () => {
		const error = await refused({ gateway: 'smsAdmin', operation: 'sendTemplate', template: '{value0}您好', recipient: '13800138000', values: '喆', options: {} });
		expect(error.message).toBe('Item 0: the filled-in message holds characters GB2312 cannot carry: "喆" (U+5586)');
	});

	test('sms10692: more numbers than one request takes are split by the planner, not refused', async () => {
		const numbers = Array.from({ length: 1001 }, (_, i) => String(13912340000 + i));
		const result = await execute(sim(), send('sms10692', 'hi', {}, numbers.join(',')));
		expect(sim().requests('sms10692').map((q) => new URLSearchParams(q.body.toString('latin1')).get('mobile')!.split(',').length)).toEqual([1000, 1]);
		expect(jsonOf(result)[0]).toMatchObject({ success: true, requests: 2, accepted: 1001 });
	});
});

test('an option the gateway does not declare never reaches its adapter', async () => {
	const seen = jest.spyOn(chinaSms, 'send');
	try {
		const result = await execute(sim(), send('chinaSms', 'hi', { linkId: 'L1', product: '7', extno: '01' }));
		expect(seen.mock.calls.map(([, request]) => request)).toEqual([{ message: 'hi', extno: '01', recipients: ['13800138000'] }]);
		expect(sim().requests('chinaSms').map(wire)).toEqual(['GET /send/ssend.asp?name=company&pwd=pw-China%261&dst=13800138000&msg=hi&sender=01']);
		expect(jsonOf(result)[0]).toMatchObject({ success: true, accepted: 1 });
	} finally {
		seen.mockRestore();
	}
});

describe('Check Content: characters the gateway\'s charset cannot carry are refused before the call', () => {
	test.each([
		['smsAdmin', {}, '朱镕基', 'Item 0: the message holds characters GB2312 cannot carry: "镕" (U+9555)'],
		['sms10692', { charset: 'gbk' }, 'ok 😀', 'Item 0: the message holds characters GBK cannot carry: "😀" (U+1F600)'],
	] as const)('%s', async (gateway, extra, message, expected) => {
		const error = await refused({ gateway, operation: 'checkContent', message }, [{}], { credentials: credentials(sim(), gateway, extra) });
		expect(error.message).toBe(expected);
	});
});
