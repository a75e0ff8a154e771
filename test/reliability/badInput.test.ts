/**
 * Bad input, through the real node (n8n-core ExecuteContext, parameters and expressions resolved
 * by n8n): every case is refused before any request (the simulator sees none), with an error that
 * names the item and the problem. Includes expressions of the wrong type and huge inputs.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { GatewayId } from '../../nodes/gateways/kit/declaration';
import { executeNode } from '../harness/execute';
import { GATEWAY_IDS, startSimulator } from '../simulator';
import { actionNode } from '../support/nodes';
import type { Simulator } from '../simulator';
import { SecretScanner, reportFigures } from './kit';

const CREDENTIAL_TYPE: Record<GatewayId, string> = {
	chinaSms: 'chinaSmsApi',
	smsAdmin: 'smsAdminApi',
	sms112088: 'sms112088Api',
	sms18: 'sms18Api',
	sms10692: 'sms10692Api',
};

interface Case {
	name: string;
	gateway: GatewayId;
	parameters: INodeParameters;
	input?: IDataObject[];
	credentials?: IDataObject;
	/** The item the error must name. */
	item: number;
	/** What the error must say about the problem. */
	problem: RegExp;
}

const send = (recipients: unknown, message: unknown, options: IDataObject = {}): INodeParameters =>
	({ operation: 'send', recipients, message, options }) as INodeParameters;
const bulk = (options: IDataObject = {}): INodeParameters => ({ operation: 'sendBulk', recipient: '={{ $json.phone }}', message: '={{ $json.text }}', options }) as INodeParameters;
const template = (tpl: string, values: string, options: IDataObject = {}): INodeParameters => ({
	operation: 'sendTemplate',
	template: tpl,
	recipient: '13912340000',
	values,
	options,
}) as INodeParameters;
const OK = '13912340000';
const FUTURE = '2030-01-01T09:00:00+08:00';
const MEGABYTE = 'x'.repeat(1024 * 1024);
const many = (n: number, last: string) => [...Array.from({ length: n - 1 }, (_, i) => String(13000000000 + i)), last].join(',');

const CASES: Case[] = [
	// Numbers
	{ name: 'no recipients', gateway: 'smsAdmin', parameters: send('', 'hi'), item: 0, problem: /no recipients/ },
	{ name: 'only separators', gateway: 'chinaSms', parameters: send(' ,;，、 ', 'hi'), item: 0, problem: /no recipients/ },
	{ name: 'letters for a number', gateway: 'smsAdmin', parameters: send('abc', 'hi'), item: 0, problem: /invalid phone number "abc"/ },
	{ name: 'ten digits', gateway: 'sms112088', parameters: send('1391234000', 'hi'), item: 0, problem: /invalid phone number "1391234000"/ },
	{ name: 'a foreign number', gateway: 'sms18', parameters: send('+1 415 555 0100', 'hi'), item: 0, problem: /invalid phone number/ },
	{ name: 'one bad number among good ones', gateway: 'sms10692', parameters: send(`${OK},1391234x000`, 'hi'), item: 0, problem: /invalid phone number "1391234x000"/ },
	{ name: 'sendBulk: two numbers in one recipient', gateway: 'smsAdmin', parameters: bulk(), input: [{ phone: `${OK},13912340001`, text: 'a' }], item: 0, problem: /holds 2 numbers/ },
	{ name: 'sendBulk: empty recipient', gateway: 'chinaSms', parameters: bulk(), input: [{ phone: OK, text: 'a' }, { phone: '', text: 'a' }], item: 1, problem: /no recipient/ },
	{ name: 'sendBulk: third item bad, nothing sent', gateway: 'sms112088', parameters: bulk(), input: [{ phone: OK, text: 'a' }, { phone: OK, text: 'b' }, { phone: '12', text: 'c' }], item: 2, problem: /invalid phone number "12"/ },
	// Message length and charset
	{ name: 'empty message', gateway: 'smsAdmin', parameters: send(OK, ''), item: 0, problem: /the message is empty/ },
	{ name: 'blank message', gateway: 'sms18', parameters: send(OK, '  \n '), item: 0, problem: /the message is empty/ },
	{ name: 'china-sms: 61 characters', gateway: 'chinaSms', parameters: send(OK, '短'.repeat(61)), item: 0, problem: /61 characters.*at most 60/ },
	{ name: '112088: 336 characters', gateway: 'sms112088', parameters: send(OK, 'a'.repeat(336)), item: 0, problem: /336 characters.*at most 335/ },
	{ name: '18sms: 537 characters', gateway: 'sms18', parameters: send(OK, 'a'.repeat(537)), item: 0, problem: /537 characters.*at most 536/ },
	{ name: 'GBK cannot carry an emoji', gateway: 'chinaSms', parameters: send(OK, '你好😀'), item: 0, problem: /GBK cannot carry/ },
	{ name: 'GB2312 cannot carry 镕', gateway: 'smsAdmin', parameters: send(OK, '朱镕基'), item: 0, problem: /GB2312 cannot carry/ },
	{ name: 'sms10692 GBK endpoint: emoji', gateway: 'sms10692', parameters: send(OK, 'ok 😀'), credentials: { charset: 'gbk' }, item: 0, problem: /GBK cannot carry/ },
	{ name: '112088: emoji', gateway: 'sms112088', parameters: send(OK, '🚀'), item: 0, problem: /GBK cannot carry/ },
	{ name: '1 MB message (no documented limit at smsAdmin)', gateway: 'smsAdmin', parameters: send(OK, MEGABYTE), item: 0, problem: /1048576 characters/ },
	{ name: '1 MB message at sms10692', gateway: 'sms10692', parameters: send(OK, MEGABYTE), item: 0, problem: /1048576 characters/ },
	{ name: '1 MB message at china-sms', gateway: 'chinaSms', parameters: send(OK, MEGABYTE), item: 0, problem: /1048576 characters.*at most 60/ },
	// Signatures
	{ name: 'signature makes it too long', gateway: 'chinaSms', parameters: send(OK, '短'.repeat(55), { signature: '公司名称很长' }), item: 0, problem: /63 characters/ },
	{ name: 'signature GB2312 cannot carry', gateway: 'smsAdmin', parameters: send(OK, 'hi', { signature: '喆公司' }), item: 0, problem: /GB2312 cannot carry/ },
	{ name: 'signature with emoji', gateway: 'sms112088', parameters: send(OK, 'hi', { signature: '😀' }), item: 0, problem: /GBK cannot carry/ },
	// sendAt
	{ name: '18sms cannot schedule', gateway: 'sms18', parameters: send(OK, 'hi', { sendAt: FUTURE }), item: 0, problem: /cannot schedule/ },
	{ name: 'sendAt in the past', gateway: 'smsAdmin', parameters: send(OK, 'hi', { sendAt: '2020-01-01T00:00:00Z' }), item: 0, problem: /in the past/ },
	{ name: 'sendAt no date', gateway: 'chinaSms', parameters: send(OK, 'hi', { sendAt: 'tomorrow' }), item: 0, problem: /Send At "tomorrow" is no date/ },
	{ name: 'sendAt impossible date', gateway: 'sms10692', parameters: send(OK, 'hi', { sendAt: '2026-13-45T99:00:00' }), item: 0, problem: /Send At .*no valid date/ },
	// Options
	{ name: 'batch size above the documented 1000', gateway: 'smsAdmin', parameters: send(OK, 'hi', { batchSize: 1001 }), item: 0, problem: /Batch Size 1001 is above the 1000/ },
	{ name: 'batch size negative', gateway: 'chinaSms', parameters: send(OK, 'hi', { batchSize: -5 }), item: 0, problem: /Batch Size must be a whole number/ },
	{ name: 'batch size fractional', gateway: 'sms112088', parameters: send(OK, 'hi', { batchSize: 2.5 }), item: 0, problem: /Batch Size must be a whole number/ },
	{ name: 'concurrency 9', gateway: 'sms18', parameters: send(OK, 'hi', { concurrency: 9 }), item: 0, problem: /Concurrency must be a whole number from 1 to 5/ },
	{ name: 'china-sms extno letters', gateway: 'chinaSms', parameters: send(OK, 'hi', { extno: 'abc' }), item: 0, problem: /digits only/ },
	{ name: 'china-sms extno 9 digits', gateway: 'chinaSms', parameters: send(OK, 'hi', { extno: '123456789' }), item: 0, problem: /at most 8 digits/ },
	{ name: 'sms10692 extno 11 digits', gateway: 'sms10692', parameters: send(OK, 'hi', { extno: '12345678901' }), item: 0, problem: /1 to 10 digits/ },
	{ name: 'smsAdmin linkId with spaces', gateway: 'smsAdmin', parameters: send(OK, 'hi', { linkId: 'bad id!' }), item: 0, problem: /linkId must be 1 to 32 letters and digits/ },
	{ name: '18sms extno letters', gateway: 'sms18', parameters: send(OK, 'hi', { extno: 'x1' }), item: 0, problem: /digits only/ },
	// Templates
	{ name: 'template: too many values', gateway: 'smsAdmin', parameters: template('{value0}您好', 'a,b'), item: 0, problem: /Values has 2 values but the template has 1 placeholder/ },
	{ name: 'template: repeated placeholder', gateway: 'smsAdmin', parameters: template('{value0}{value0}', 'a'), item: 0, problem: /more than once/ },
	{ name: 'template: gap in placeholders', gateway: 'smsAdmin', parameters: template('{value1}', 'a,b'), item: 0, problem: /has no \{value0\}/ },
	{ name: 'template: value with ;', gateway: 'smsAdmin', parameters: template('{value0}', 'a;b'), item: 0, problem: /cannot contain ";"/ },
	{ name: 'template: empty', gateway: 'smsAdmin', parameters: template('', ''), item: 0, problem: /the template is empty/ },
	{ name: 'template: value GB2312 cannot carry', gateway: 'smsAdmin', parameters: template('{value0}您好', '喆'), item: 0, problem: /GB2312 cannot carry/ },
	// Expressions of the wrong type
	{ name: 'message is an object', gateway: 'smsAdmin', parameters: send(OK, '={{ $json.payload }}'), input: [{ payload: { text: 'hi' } }], item: 0, problem: /Message/ },
	{ name: 'message is an array', gateway: 'chinaSms', parameters: send(OK, '={{ $json.list }}'), input: [{ list: ['a', 'b'] }], item: 0, problem: /Message/ },
	{ name: 'recipients is an object', gateway: 'sms112088', parameters: send('={{ $json.who }}', 'hi'), input: [{ who: { phone: OK } }], item: 0, problem: /Recipients/ },
	{ name: 'recipient (bulk) is an object', gateway: 'sms18', parameters: bulk(), input: [{ phone: { n: OK }, text: 'a' }], item: 0, problem: /Recipient/ },
	{ name: 'message is null', gateway: 'sms10692', parameters: send(OK, '={{ $json.nothing }}'), input: [{ nothing: null }], item: 0, problem: /the message is empty/ },
	{ name: 'message is a boolean', gateway: 'smsAdmin', parameters: bulk(), input: [{ phone: OK, text: true }], item: 0, problem: /Message/ },
	// Huge inputs
	{ name: '200,000 recipients, the last one invalid', gateway: 'sms18', parameters: send(many(200_000, '999'), 'hi'), item: 0, problem: /invalid phone number "999"/ },
	{ name: '200,000 invalid recipients', gateway: 'chinaSms', parameters: send(Array.from({ length: 200_000 }, (_, i) => `x${i}`).join(','), 'hi'), item: 0, problem: /invalid phone numbers "x0", "x1"/ },
	// Other operations
	{ name: 'checkContent: empty message', gateway: 'smsAdmin', parameters: { operation: 'checkContent', message: '' }, item: 0, problem: /the message is empty/ },
	{ name: 'checkContent: object message', gateway: 'sms10692', parameters: { operation: 'checkContent', message: '={{ $json.o }}' }, input: [{ o: { a: 1 } }], item: 0, problem: /Message/ },
	{ name: 'changePassword: too short', gateway: 'chinaSms', parameters: { operation: 'changePassword', newPassword: 'abc' }, item: 0, problem: /5 to 19 characters/ },
	{ name: 'changePassword: empty', gateway: 'chinaSms', parameters: { operation: 'changePassword', newPassword: '' }, item: 0, problem: /New Password is empty/ },
	{ name: 'fetchReports: Max Calls 0', gateway: 'sms112088', parameters: { operation: 'fetchReports', options: { maxCalls: 0 } }, item: 0, problem: /Max Calls must be a whole number/ },
];

let sim: Simulator;
const scanner = new SecretScanner();
const longestMessage = { chars: 0 };
const requests = { seen: 0 };

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
	const gateways = new Set(CASES.map((c) => c.gateway));
	reportFigures('badInput', {
		badInputsTried: CASES.length,
		gatewaysCovered: gateways.size,
		requestsSeenBySimulator: requests.seen,
		longestErrorMessageChars: longestMessage.chars,
		secretsScannedValues: scanner.scannedValues, secretsScannedChars: scanner.scannedChars, secretsChecked: scanner.secretCount,
		secretHits: scanner.hits.length,
	});
});
beforeEach(() => sim.reset());

test('at least 40 cases, on every gateway', () => {
	expect(CASES.length).toBeGreaterThanOrEqual(40);
	expect(new Set(CASES.map((c) => c.gateway))).toEqual(new Set(GATEWAY_IDS));
});

test.each(CASES.map((c) => [c.name, c] as const))('%s: refused before any request, naming the item and the problem', async (_, c) => {
	const result = await executeNode(
		{
			nodeType: actionNode(c.gateway),
			parameters: c.parameters,
			credentials: { [CREDENTIAL_TYPE[c.gateway]]: { ...sim.accounts[c.gateway], baseUrl: sim.urls[c.gateway], ...(c.credentials ?? {}) } },
		},
		c.input ?? [{}],
	);
	scanner.scan(c.name, [result.output, result.error]);
	expect(result.output).toBeNull();
	const error = result.error as Error & { description?: string; context?: { itemIndex?: number } };
	expect(error.message).toMatch(new RegExp(`^Item ${c.item}: `));
	expect(error.message).toMatch(c.problem);
	expect(error.context?.itemIndex).toBe(c.item);
	// An error stays readable whatever the input's size.
	expect(error.message.length).toBeLessThan(2000);
	longestMessage.chars = Math.max(longestMessage.chars, error.message.length);
	requests.seen += sim.requests().length + sim.droppedBeforeRead();
	expect(sim.requests()).toEqual([]);
	expect(sim.droppedBeforeRead()).toBe(0);
	expect(scanner.hits).toEqual([]);
});
