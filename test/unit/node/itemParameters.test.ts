/**
 * The per-item parameter fast path (nodes/CnSms/itemParameters.ts) gives exactly what n8n's
 * getNodeParameter gives: value by value in a real ExecuteContext, and for whole sends through
 * the node (same requests, same output items, same errors naming the same items).
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeParameters, INodeType } from 'n8n-workflow';

import { itemParameter, jsonFieldOf } from '../../../nodes/n8n/action/itemParameters';
import { executeNode } from '../../harness/execute';
import { startSimulator } from '../../simulator';
import type { Simulator } from '../../simulator';
import { execute, freezeClock, wire } from './helpers';

describe('jsonFieldOf', () => {
	test.each([
		['={{ $json.phone }}', 'phone'],
		['={{$json.phone}}', 'phone'],
		['={{   $json.phone\t}}', 'phone'],
		['={{ $json["phone"] }}', 'phone'],
		["={{ $json['phone'] }}", 'phone'],
		['={{ $json["手机 号"] }}', '手机 号'],
		['={{ $json.手机号 }}', '手机号'],
		['={{ $json.$a_1 }}', '$a_1'],
	])('%s → %s', (raw, name) => {
		expect(jsonFieldOf(raw)).toBe(name);
	});

	test.each([
		'={{ $json.a + 1 }}',
		'={{ $json.a.b }}',
		'={{ $json.phone }} ',
		'= {{ $json.phone }}',
		'={{ $json.phone }}{{ $json.phone }}',
		'x={{ $json.phone }}',
		'{{ $json.phone }}',
		'={{ $json.phone() }}',
		'={{ $json[phone] }}',
		'={{ $json["a"]["b"] }}',
		'={{ $json["a\\"b"] }}',
		'={{ $json[""] }}',
		'={{ ($json.phone) }}',
		'={{ $input.item.json.phone }}',
		'={{ $json.constructor }}',
		'={{ $json.constructorName }}',
		'={{ $json["x.constructor"] }}',
		'={{ $json.__proto__ }}',
		'={{ $json.caller }}',
		'={{ $json["prototype"] }}',
		'={{ $json.1a }}',
	])('%s is left to n8n', (raw) => {
		expect(jsonFieldOf(raw)).toBeNull();
	});
});

const FAST = ['={{ $json.v }}', '={{$json.v}}', '={{ $json["v"] }}', "={{ $json['v'] }}", '={{ $json["手机 号"] }}', '={{ $json.caller }}'];
const SLOW = [
	'={{ $json.a + 1 }}',
	'={{ $json.a.b }}',
	'={{ $json.v }} ',
	'= {{ $json.v }}',
	'={{ $json.missing }}',
	'={{ $json.constructor }}',
	'={{ $json.constructorName }}',
	'={{ $json.__proto__ }}',
	'={{ $json.toString }}',
	'={{ ($json.v) }}',
	'13800138000',
	'=13800138000',
	'',
];
const RAW_PARAMETERS: unknown[] = [...FAST, ...SLOW, 7, true, { signature: '【公司】', batchSize: 10 }, { signature: '={{ $json.v }}' }, ['a', '={{ $json.v }}']];

/** Item JSON covering every kind of value an item can hold in the fields the expressions read. */
const ITEMS: IDataObject[] = [
	{ v: '13800138000', a: 1, '手机 号': '13900139000' },
	{ v: 13800138000, a: '1' },
	{ v: 0, a: { b: 'inner' } },
	{ v: Number.NaN },
	{ v: true },
	{ v: false },
	{ v: null, a: null },
	{ v: '' },
	{ v: ' 138 0013 8000 ' },
	{ v: ['13800138000', 13900139000] },
	{ v: { phone: '13800138000' } },
	{ v: new Date(0) as unknown as IDataObject },
	{},
	{ v: undefined },
	{ caller: 'a field named caller', constructorName: 'x' },
	JSON.parse('{"__proto__": "own", "v": "z"}') as IDataObject,
];

type Outcome = { value: unknown } | { error: string };

function outcome(read: () => unknown): Outcome {
	try {
		return { value: read() };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/** Runs `body` inside a real n8n-core ExecuteContext with parameters p0…pN. */
async function inContext(parameters: unknown[], items: IDataObject[], body: (fn: IExecuteFunctions, items: INodeExecutionData[]) => IDataObject): Promise<IDataObject> {
	let result: IDataObject = {};
	const nodeType: INodeType = {
		description: {
			displayName: 'Probe',
			name: 'probe',
			group: ['transform'],
			version: 1,
			description: 'probe',
			defaults: { name: 'Probe' },
			inputs: ['main'],
			outputs: ['main'],
			properties: parameters.map((_, k) => ({ displayName: `P${k}`, name: `p${k}`, type: 'string', default: '' })),
		} as INodeType['description'],
		async execute(this: IExecuteFunctions) {
			result = body(this, this.getInputData());
			return [[]];
		},
	};
	const run = await executeNode({ nodeType, parameters: Object.fromEntries(parameters.map((p, k) => [`p${k}`, p])) as INodeParameters }, items.map((json) => ({ json })));
	if (run.error) throw run.error;
	return result;
}

/** `fn` with getNodeParameter counted. */
function counting(fn: IExecuteFunctions): { fn: IExecuteFunctions; calls: () => number } {
	let calls = 0;
	const wrapped = Object.create(fn) as IExecuteFunctions;
	wrapped.getNodeParameter = ((...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
		calls++;
		return fn.getNodeParameter(...args);
	}) as IExecuteFunctions['getNodeParameter'];
	return { fn: wrapped, calls: () => calls };
}

test('every parameter × every item: the reader gives what getNodeParameter gives (values and errors)', async () => {
	const result = await inContext(RAW_PARAMETERS, ITEMS, (fn, items) => {
		const mismatches: string[] = [];
		RAW_PARAMETERS.forEach((raw, k) => {
			const read = itemParameter(fn, items, `p${k}`);
			items.forEach((_, i) => {
				const expected = outcome(() => fn.getNodeParameter(`p${k}`, i));
				const actual = outcome(() => read(i));
				try {
					expect(actual).toEqual(expected);
					if ('value' in expected && typeof expected.value !== 'object') expect(Object.is((actual as { value: unknown }).value, expected.value)).toBe(true);
				} catch {
					mismatches.push(`${JSON.stringify(raw)} item ${i}: ${JSON.stringify(actual)} ≠ ${JSON.stringify(expected)}`);
				}
			});
		});
		return { mismatches };
	});
	expect(result.mismatches).toEqual([]);
});

test('the fast path skips getNodeParameter only where the answer is known', async () => {
	const parameters = ['={{ $json.v }}', '={{ $json.a + 1 }}', '={{ $json.a.b }}', '={{ $json.missing }}', '13800138000', { signature: 'x' }, { signature: '={{ $json.v }}' }];
	const items = [{ v: '13800138000', a: { b: 1 } }, { v: 5, a: { b: 2 } }, { v: null, a: { b: 3 } }, { v: { o: 1 }, a: { b: 4 } }, { a: { b: 5 } }];
	const result = await inContext(parameters, items, (fn, input) => {
		const calls: number[] = [];
		parameters.forEach((_, k) => {
			const counted = counting(fn);
			const read = itemParameter(counted.fn, input, `p${k}`);
			input.forEach((__, i) => read(i));
			calls.push(counted.calls());
		});
		return { calls };
	});
	// $json.v: n8n only for the object (item 3) and the missing field (item 4); other expressions:
	// every item; no expression (plain text, a collection without one): once.
	expect(result.calls).toEqual([2, 5, 5, 5, 1, 1, 5]);
});

test('a value without expression that fails is each item\'s own error, then read again', async () => {
	const result = await inContext(['x'], [{}, {}], (fn, input) => {
		let calls = 0;
		const wrapped = Object.create(fn) as IExecuteFunctions;
		wrapped.getNodeParameter = ((name: string, i: number) => {
			calls++;
			if (calls === 1) throw new Error(`item ${i} failed`);
			return fn.getNodeParameter(name, i);
		}) as IExecuteFunctions['getNodeParameter'];
		const read = itemParameter(wrapped, input, 'p0');
		return { first: outcome(() => read(0)), second: outcome(() => read(1)), third: outcome(() => read(0)), calls };
	});
	expect(result).toEqual({ first: { error: 'item 0 failed' }, second: { value: 'x' }, third: { value: 'x' }, calls: 2 });
});

describe('whole sends: the fast path against the same expressions n8n evaluates', () => {
	let sim: Simulator;
	beforeAll(async () => {
		sim = await startSimulator();
	});
	afterAll(async () => {
		await sim.close();
	});
	// sms10692 signs each request with a timestamp: both runs must see the same second.
	beforeEach(() => freezeClock());
	afterEach(() => jest.useRealTimers());

	/** `={{ ($json.x) }}` evaluates to the same as `={{ $json.x }}` but is not short-circuited. */
	const slow = (parameters: INodeParameters): INodeParameters =>
		Object.fromEntries(Object.entries(parameters).map(([k, v]) => [k, typeof v === 'string' ? v.replace(/^=\{\{ \$json\.(\w+) \}\}$/, '={{ ($json.$1) }}') : v]));

	async function both(parameters: INodeParameters, input: IDataObject[], settings?: { continueOnFail: boolean }) {
		const runs = [];
		for (const params of [parameters, slow(parameters)]) {
			sim.reset();
			const result = await execute(sim, params, input, settings ? { settings } : {});
			runs.push({
				requests: sim.requests().map(wire),
				output: result.output?.[0].map((i) => ({ json: i.json, pairedItem: i.pairedItem })) ?? null,
				error: result.error ? { message: (result.error as Error).message, description: (result.error as { description?: string }).description } : null,
			});
		}
		expect(slow(parameters)).not.toEqual(parameters);
		return runs;
	}

	const mixed: IDataObject[] = [
		{ phone: '13800138000', msg: '您好' },
		{ phone: 13900139000, msg: 42 },
		{ phone: null, msg: 'a' },
		{ msg: 'missing phone' },
		{ phone: '13700137000', msg: { text: 'object' } },
		{ phone: ['13600136000'], msg: true },
		{ phone: '13500135000', msg: '' },
		{ phone: '+86 135 0013 5001', msg: 'b' },
	];

	test.each(['sms10692', 'chinaSms'])('sendBulk on %s, continue on fail: same requests and items', async (gateway) => {
		const [fast, slowRun] = await both({ gateway, operation: 'sendBulk', recipient: '={{ $json.phone }}', message: '={{ $json.msg }}', options: { signature: '【测试】' } }, mixed, { continueOnFail: true });
		expect(fast.output).toHaveLength(mixed.length);
		expect(fast.requests.length).toBeGreaterThan(0);
		expect(fast).toEqual(slowRun);
	});

	test('sendBulk without continue on fail: the same error naming the same items, nothing sent', async () => {
		const [fast, slowRun] = await both({ gateway: 'sms18', operation: 'sendBulk', recipient: '={{ $json.phone }}', message: '={{ $json.msg }}', options: {} }, mixed);
		expect(fast.error?.message).toMatch(/^Item 2: /);
		expect(fast.requests).toEqual([]);
		expect(fast).toEqual(slowRun);
	});

	test('send: recipients and message per item', async () => {
		const input = [{ to: '13800138000,13900139000', msg: 'x' }, { to: 13700137000, msg: 'y' }, { to: null, msg: 'z' }, { msg: 'no to' }];
		const [fast, slowRun] = await both({ gateway: 'smsAdmin', operation: 'send', recipients: '={{ $json.to }}', message: '={{ $json.msg }}', options: {} }, input, { continueOnFail: true });
		expect(fast.requests).toHaveLength(2);
		expect(fast).toEqual(slowRun);
	});

	test('sendTemplate: recipient and values per item', async () => {
		const input = [{ phone: '13800138000', values: '张三,1234' }, { phone: 13900139000, values: '李四,5678' }, { phone: '13700137000' }, { values: 'x,y' }, { phone: null, values: 'a,b' }];
		const [fast, slowRun] = await both(
			{ gateway: 'smsAdmin', operation: 'sendTemplate', template: '{value0}您好，验证码{value1}', recipient: '={{ $json.phone }}', values: '={{ $json.values }}', options: {} },
			input,
			{ continueOnFail: true },
		);
		expect(fast.requests).toHaveLength(1);
		expect(fast).toEqual(slowRun);
	});
});
