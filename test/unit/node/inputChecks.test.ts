/**
 * Bad input is refused before any request: each check names the item (n8n itemIndex and the text
 * "Item N: …") and the problem, and the simulator receives nothing.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { execute, freezeClock } from './helpers';
import { useSimulator } from '../../support/simulator';

const sim = useSimulator(() => {
	freezeClock();
});
afterAll(() => jest.useRealTimers());

async function refused(parameters: INodeParameters, input: IDataObject[] = [{}], timezone?: string): Promise<NodeOperationError> {
	const result = await execute(sim, parameters, input, { timezone });
	expect(sim.requests()).toEqual([]);
	expect(sim.sent()).toEqual([]);
	expect(result.error).toBeInstanceOf(NodeOperationError);
	return result.error as NodeOperationError;
}

const send = (gateway: string, recipients: string, message: string, options: INodeParameters = {}) => ({ gateway, operation: 'send', recipients, message, options });

describe('send', () => {
	test('no recipients', async () => {
		const error = await refused(send('smsAdmin', ' ，; ', 'hi'));
		expect(error.message).toBe('Item 0: no recipients: Recipients is empty');
		expect(error.context.itemIndex).toBe(0);
	});

	test('invalid numbers are named', async () => {
		const error = await refused(send('smsAdmin', '13800138000, 12345, 2380013800a', 'hi'));
		expect(error.message).toBe(
			'Item 0: invalid phone numbers "12345", "2380013800a": expected an 11-digit mainland mobile (a leading +86, 0086 or 86 is removed) or a fixed-line number with area code',
		);
	});

	test('empty message', async () => {
		expect((await refused(send('sms112088', '13800138000', '   '))).message).toBe('Item 0: the message is empty');
	});

	test('too long for the gateway, with the segment count', async () => {
		const error = await refused(send('chinaSms', '13800138000', '好'.repeat(72)));
		expect(error.message).toBe(
			'Item 0: the message is 72 characters (2 segments: 70 characters for one message, 67 per part beyond); China SMS (中国短信) accepts at most 60',
		);
	});

	test('the signature counts towards the length', async () => {
		const error = await refused(send('chinaSms', '13800138000', '好'.repeat(56), { signature: '公司名' }));
		expect(error.message).toContain('the message is 61 characters (1 segment:');
	});

	test('emoji in GBK: the character is named with its code point', async () => {
		const error = await refused(send('chinaSms', '13800138000', '你好😀'));
		expect(error.message).toBe('Item 0: the message holds characters GBK cannot carry: "😀" (U+1F600)');
	});

	test('GB2312 at smsAdmin refuses characters only GBK has', async () => {
		const error = await refused(send('smsAdmin', '13800138000', '欢迎光臨'));
		expect(error.message).toBe('Item 0: the message holds characters GB2312 cannot carry: "臨" (U+81E8)');
	});

	test('sendAt in the past', async () => {
		const error = await refused(send('smsAdmin', '13800138000', 'hi', { sendAt: '2026-11-23T09:59:00Z' }));
		expect(error.message).toBe('Item 0: Send At 2026-11-23 17:59:00 China time is in the past (now 2026-11-23 18:00:00)');
	});

	test('sendAt in the past in the workflow\'s time zone (no offset given)', async () => {
		// 11:30 in Berlin is 18:30 in China: in the future; 10:30 is 17:30: in the past.
		const error = await refused(send('smsAdmin', '13800138000', 'hi', { sendAt: '2026-11-23T10:30:00' }), [{}], 'Europe/Berlin');
		expect(error.message).toContain('Send At 2026-11-23 17:30:00 China time is in the past');
	});

	test('sendAt is refused for 18SMS, which cannot schedule', async () => {
		const error = await refused(send('sms18', '13800138000', 'hi', { sendAt: '2026-12-01T10:00:00Z' }));
		expect(error.message).toBe('Item 0: 18SMS (18sms.com) cannot schedule messages: leave Send At empty');
	});

	test('sendAt that is no date', async () => {
		const error = await refused(send('smsAdmin', '13800138000', 'hi', { sendAt: 'tomorrow' }));
		expect(error.message).toBe('Item 0: Send At "tomorrow" is no date and time (expected e.g. 2026-12-01T09:30:00)');
	});

	test('batchSize above the documented limit', async () => {
		const error = await refused(send('chinaSms', '13800138000', 'hi', { batchSize: 100 }));
		expect(error.message).toBe('Item 0: Batch Size 100 is above the 99 numbers per request China SMS (中国短信) documents');
	});

	test('concurrency out of range', async () => {
		const error = await refused(send('smsAdmin', '13800138000', 'hi', { concurrency: 9 }));
		expect(error.message).toBe('Item 0: Concurrency must be a whole number from 1 to 5, got 9');
	});

	test('the gateway\'s own option checks (china-sms sender digits)', async () => {
		const error = await refused(send('chinaSms', '13800138000', 'hi', { extno: '12a' }));
		expect(error.message).toBe('Item 0: Extension Number (sender) "12a" must be digits only');
	});

	test('smsAdmin linkId format', async () => {
		const error = await refused(send('smsAdmin', '13800138000', 'hi', { linkId: 'has space' }));
		expect(error.message).toBe('Item 0: linkId must be 1 to 32 letters and digits, got "has space"');
	});

	test('several problems of one item are all named', async () => {
		const error = await refused(send('chinaSms', '1380013800', '😀', { batchSize: 500 }));
		expect(error.message).toBe(
			'Item 0: invalid phone number "1380013800": expected an 11-digit mainland mobile (a leading +86, 0086 or 86 is removed) or a fixed-line number with area code; ' +
				'the message holds characters GBK cannot carry: "😀" (U+1F600); Batch Size 500 is above the 99 numbers per request China SMS (中国短信) documents',
		);
	});

	test('a bad later item stops the earlier ones too: every item is checked first', async () => {
		const error = await refused({ ...send('smsAdmin', '={{ $json.to }}', 'hi') }, [{ to: '13800138000' }, { to: '13900139000' }, { to: '555' }]);
		expect(error.message).toContain('Item 2: invalid phone number "555"');
		expect(error.context.itemIndex).toBe(2);
		expect(error.description).toBe('Nothing was sent.');
	});
});

describe('sendBulk', () => {
	const bulk = { gateway: 'sms112088', operation: 'sendBulk', recipient: '={{ $json.phone }}', message: '={{ $json.text }}', options: {} };

	test('item 3 is bad: nothing goes out, the error names item 3 and the other bad items', async () => {
		const error = await refused(bulk, [
			{ phone: '13800138000', text: 'a' },
			{ phone: '13800138001', text: 'a' },
			{ phone: '13800138002', text: 'b' },
			{ phone: '13800138003', text: '' },
			{ phone: 'x', text: 'a' },
		]);
		expect(error.message).toBe('Item 3: the message is empty');
		expect(error.context.itemIndex).toBe(3);
		expect(error.description).toBe('Nothing was sent. Also wrong: item 4.');
	});

	test('several numbers in one item\'s Recipient', async () => {
		const error = await refused(bulk, [{ phone: '13800138000,13900139000', text: 'a' }]);
		expect(error.message).toBe('Item 0: Recipient holds 2 numbers; give one number per item (or use Send for a list)');
	});

	test('no recipient', async () => {
		expect((await refused(bulk, [{ phone: '', text: 'a' }])).message).toBe('Item 0: no recipient: Recipient is empty');
	});
});

describe('sendTemplate', () => {
	const template = (tpl: string, values: string, options: INodeParameters = {}) => ({
		gateway: 'smsAdmin',
		operation: 'sendTemplate',
		template: tpl,
		recipient: '13800138000',
		values,
		options,
	});

	test('too many values for the placeholders', async () => {
		const error = await refused(template('{value0}您好，验证码{value1}', '张三,1234,extra'));
		expect(error.message).toBe('Item 0: Values has 3 values but the template has 2 placeholders ({value0}…)');
	});

	test('too few values', async () => {
		expect((await refused(template('{value0}您好', ''))).message).toBe('Item 0: Values has 0 values but the template has 1 placeholder ({value0}…)');
	});

	test('placeholders with a gap', async () => {
		const error = await refused(template('{value0}和{value2}', 'a,b,c'));
		expect(error.message).toBe('Item 0: the template has no {value1}: placeholders are numbered from {value0} without gaps');
	});

	test('a placeholder used twice (seed 001 §4: 变量标识符号不能重复)', async () => {
		const error = await refused(template('{value0}和{value0}', 'a'));
		expect(error.message).toBe('Item 0: the template uses {value0} more than once; each placeholder may appear once');
	});

	test('a value holding the group separator', async () => {
		const error = await refused(template('{value0}', 'a;b'));
		expect(error.message).toBe('Item 0: a value cannot contain ";": "a;b"');
	});

	test('batchSize above the 1000 value groups per request', async () => {
		const error = await refused(template('{value0}', 'a', { batchSize: 1001 }));
		expect(error.message).toBe('Item 0: Batch Size 1001 is above the 1000 value groups per request SMSAdmin (通用短信平台) documents');
	});
});

test('checkContent: empty message', async () => {
	const error = await refused({ gateway: 'sms10692', operation: 'checkContent', message: '' });
	expect(error.message).toBe('Item 0: the message is empty');
});

test('changePassword: length outside 5 to 19 characters', async () => {
	const error = await refused({ gateway: 'chinaSms', operation: 'changePassword', newPassword: '1234' });
	expect(error.message).toBe('Item 0: New Password must have 5 to 19 characters, it has 4');
});

test('an operation the gateway does not have', async () => {
	const error = await refused({ gateway: 'sms18', operation: 'fetchReplies' });
	expect(error.message).toBe('18SMS (18sms.com) has no operation "fetchReplies"');
});
