/**
 * Gateway refusals, transport failures, "continue on fail" and the error output, through n8n's
 * real engine (Input → CN SMS): messages, item fields, pairedItem, what is never sent twice.
 */
import type { INodeParameters } from 'n8n-workflow';

import { SMSADMIN_SIM } from '../../simulator/vendors/smsAdmin';
import { execute, run } from './helpers';
import { useSimulator } from '../../support/simulator';

const sim = useSimulator();

const NO_BALANCE = `SMSAdmin (通用短信平台): insufficient balance: ask your sales contact to top the account up (code 2)`;
const SECRETS = ['pw-Admin#2', 'pw-Admin%232', 'pw-China&1', 'pw-China%261'];

function noSecrets(value: unknown): void {
	const text = JSON.stringify(value);
	for (const secret of SECRETS) expect(text).not.toContain(secret);
}

const bulk = (options: INodeParameters = {}) => ({ gateway: 'smsAdmin', operation: 'sendBulk', recipient: '={{ $json.phone }}', message: '={{ $json.text }}', options });
/** Three groups (a, b, c); group b goes to the number the simulator refuses for lack of balance. */
const THREE_GROUPS = [
	{ phone: '13912340000', text: 'a' },
	{ phone: SMSADMIN_SIM.noBalance, text: 'b' },
	{ phone: '13912340001', text: 'c' },
	{ phone: '13912340002', text: 'a' },
];

describe('a gateway refusal', () => {
	test('stops the workflow with "<Gateway>: <reason> (code <code>)", the vendor\'s text, and what was sent', async () => {
		const result = await run(sim, bulk(), THREE_GROUPS);
		expect(result.status).toBe('error');
		// The engine keeps the error as a plain object.
		expect(result.error!.name).toBe('NodeApiError');
		expect(result.error!.message).toBe(NO_BALANCE);
		expect(result.error!.description).toBe(
			'The gateway said: 2 余额不足! 3 requests planned. Sent: items 0 and 3 — running the workflow again sends them again. Not sent: items 1 and 2.',
		);
		// One request at a time, and none after the failure.
		expect(sim.requests('smsAdmin')).toHaveLength(2);
		noSecrets(result.error);
	});

	test('continue on fail (regular output): the failed item carries error, code, vendorMessage; the others go out', async () => {
		const result = await run(sim, bulk(), THREE_GROUPS, { settings: { onError: 'continueRegularOutput' } });
		expect(result.status).toBe('success');
		expect(sim.requests('smsAdmin')).toHaveLength(3);
		const raw = { code: '0', text: '发送成功!', endpoint: 'post_send' };
		expect(result.outputs).toEqual([
			[
				{ json: { gateway: 'smsAdmin', success: true, recipient: '13912340000', messageId: null, segments: 1, scheduledAt: null, raw }, pairedItem: { item: 0 } },
				{
					json: {
						gateway: 'smsAdmin',
						success: false,
						recipient: SMSADMIN_SIM.noBalance,
						messageId: null,
						segments: 1,
						scheduledAt: null,
						error: NO_BALANCE,
						code: '2',
						vendorMessage: '2 余额不足!',
						failure: 'refused',
					},
					pairedItem: { item: 1 },
				},
				{ json: { gateway: 'smsAdmin', success: true, recipient: '13912340001', messageId: null, segments: 1, scheduledAt: null, raw }, pairedItem: { item: 2 } },
				{ json: { gateway: 'smsAdmin', success: true, recipient: '13912340002', messageId: null, segments: 1, scheduledAt: null, raw }, pairedItem: { item: 3 } },
			],
		]);
	});

	test('error output: the failed item goes to the second output with the input data, error and details', async () => {
		const result = await run(sim, bulk(), THREE_GROUPS, { settings: { onError: 'continueErrorOutput' } });
		expect(result.status).toBe('success');
		expect(result.outputs[0].map((i) => i.json.recipient)).toEqual(['13912340000', '13912340001', '13912340002']);
		expect(result.outputs[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 2 }, { item: 3 }]);
		expect(result.outputs[1]).toEqual([
			{
				json: {
					phone: SMSADMIN_SIM.noBalance,
					text: 'b',
					error: NO_BALANCE,
					details: {
						gateway: 'smsAdmin',
						success: false,
						recipient: SMSADMIN_SIM.noBalance,
						messageId: null,
						segments: 1,
						scheduledAt: null,
						code: '2',
						vendorMessage: '2 余额不足!',
						failure: 'refused',
					},
				},
				pairedItem: { item: 1 },
			},
		]);
	});

	test('send: a refusal on the second of three requests; earlier numbers accepted, later ones not sent', async () => {
		const numbers = Array.from({ length: 150 }, (_, i) => String(13912340000 + i));
		numbers[120] = SMSADMIN_SIM.noBalance;
		const result = await run(
			sim,
			{ gateway: 'smsAdmin', operation: 'send', recipients: numbers.join(','), message: 'hi', options: { batchSize: 50 } },
			[{}],
			{ settings: { onError: 'continueRegularOutput' } },
		);
		expect(sim.requests('smsAdmin')).toHaveLength(3);
		const [item] = result.outputs[0];
		expect(item.json).toMatchObject({
			success: false,
			accepted: 100,
			requests: 3,
			error: NO_BALANCE,
			code: '2',
			notSentRecipients: numbers.slice(100),
			uncertainRecipients: [],
		});
	});
});

describe('a send that may have reached the gateway', () => {
	test('is never retried and is reported as uncertain', async () => {
		sim.fault('smsAdmin', { type: 'dropAfterRead', path: 'post_send' });
		const result = await run(sim, bulk(), [{ phone: '13912340000', text: 'a' }], { settings: { onError: 'continueRegularOutput' } });
		expect(sim.requests('smsAdmin')).toHaveLength(1);
		// The gateway acted on it: the message went out once.
		expect(sim.sent('smsAdmin').map((m) => m.mobile)).toEqual(['13912340000']);
		const [item] = result.outputs[0];
		expect(item.json).toMatchObject({ gateway: 'smsAdmin', success: false, recipient: '13912340000', uncertain: true });
		expect(item.json.error).toMatch(/may have reached the gateway, so it was not sent again/);
		noSecrets(result.outputs);
	});

	test('without continue on fail: the error says so and the item is not sent again', async () => {
		sim.fault('smsAdmin', { type: 'dropAfterRead', path: 'post_send' });
		const result = await run(sim, { gateway: 'smsAdmin', operation: 'send', recipients: '13912340000', message: 'hi', options: {} });
		expect(result.status).toBe('error');
		expect(result.error!.description).toContain('The request may have reached the gateway; it was not sent again.');
		expect(result.error!.description).toContain('unknown (may have been sent): 1');
		expect(sim.requests('smsAdmin')).toHaveLength(1);
		noSecrets(result.error);
	});

	test('a connection that never opened is reported as not sent (certain)', async () => {
		const result = await execute(
			sim,
			{ gateway: 'smsAdmin', operation: 'send', recipients: '13912340000', message: 'hi', options: {} },
			[{}],
			{ credentials: { smsAdminApi: { ...sim.accounts.smsAdmin, baseUrl: sim.closedUrl } }, settings: { onError: 'continueRegularOutput' } },
		);
		const [item] = result.output![0];
		expect(item.json).toMatchObject({ success: false, code: 'connect', notSentRecipients: ['13912340000'], uncertainRecipients: [] });
		expect(item.json.uncertain).toBeUndefined();
	});
});

describe('`failure`: what became of the request, a field to decide on (e.g. whether another gateway may send it)', () => {
	test('error output: refused, uncertain and invalid items apart, each with its reason; the sent one on the main output', async () => {
		// The third request (item 2) is read and acted on by the gateway, then the connection drops.
		sim.fault('smsAdmin', { type: 'dropAfterRead', path: 'post_send', after: 2 });
		const input = [
			{ phone: '13912340000', text: 'a' },
			{ phone: SMSADMIN_SIM.noBalance, text: 'b' },
			{ phone: '13912340001', text: 'c' },
			{ phone: '139123', text: 'd' },
		];
		const result = await run(sim, bulk(), input, { settings: { onError: 'continueErrorOutput' } });
		expect(result.status).toBe('success');
		expect(sim.requests('smsAdmin')).toHaveLength(3);
		expect(sim.sent('smsAdmin').map((m) => m.mobile)).toEqual(['13912340000', '13912340001']);
		expect(result.outputs[0].map((i) => [i.json.recipient, i.json.success])).toEqual([['13912340000', true]]);
		const failed = result.outputs[1];
		expect(failed.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		const details = failed.map((i) => i.json.details as Record<string, unknown>);
		expect(details.map((d) => d.failure)).toEqual(['refused', 'uncertain', 'invalid']);
		expect(details.map((d) => d.uncertain)).toEqual([undefined, true, undefined]);
		expect(details.map((d) => d.code)).toEqual(['2', 'reset', null]);
		expect(failed[0].json.error).toBe(NO_BALANCE);
		expect(failed[1].json.error).toMatch(
			/^SMSAdmin \(通用短信平台\): the connection broke before an answer arrived \(.+\)\. The request may have reached the gateway, so it was not sent again: check before resending\.$/,
		);
		expect(failed[2].json.error).toMatch(/^Item 3: .*139123/);
		// The input item's own fields stay beside error and details.
		expect(failed.map((i) => i.json.phone)).toEqual([SMSADMIN_SIM.noBalance, '13912340001', '139123']);
		noSecrets(result.outputs);
	});

	test('unreachable: no connection could be made, nothing was sent (regular output under continue on fail)', async () => {
		const result = await execute(sim, bulk(), [{ phone: '13912340000', text: 'a' }], {
			credentials: { smsAdminApi: { ...sim.accounts.smsAdmin, baseUrl: sim.closedUrl } },
			settings: { onError: 'continueRegularOutput' },
		});
		const [item] = result.output![0];
		expect(item.json).toMatchObject({ success: false, recipient: '13912340000', code: 'connect', failure: 'unreachable' });
		expect(item.json.uncertain).toBeUndefined();
		expect(item.json.error).toMatch(/^SMSAdmin \(通用短信平台\): could not connect to 127\.0\.0\.1:\d+ \(.+\)$/);
	});
});

test('"Retry On Fail" is refused for send operations before anything is sent', async () => {
	const result = await run(sim, bulk(), [{ phone: '13912340000', text: 'a' }], { settings: { retryOnFail: true, maxTries: 2, waitBetweenTries: 0 } });
	expect(result.status).toBe('error');
	expect(result.error!.message).toBe('Turn off "Retry On Fail" for sending: a retry would send the messages that already went out again');
	expect(sim.requests()).toEqual([]);
});

test('per-number refusals in an accepted request are results, not errors (china-sms blacklist)', async () => {
	const result = await run(sim, { gateway: 'chinaSms', operation: 'sendBulk', recipient: '={{ $json.phone }}', message: 'hi', options: {} }, [
		{ phone: '13912340000' },
		{ phone: '13900000000' },
	]);
	expect(result.status).toBe('success');
	const [ok, blacklisted] = result.outputs[0].map((i) => i.json);
	expect(ok).toMatchObject({ success: true, recipient: '13912340000' });
	expect(blacklisted).toMatchObject({ success: false, recipient: '13900000000', messageId: null });
	expect(typeof blacklisted.error).toBe('string');
});

test('send: numbers the gateway refuses are listed in rejectedRecipients', async () => {
	const result = await execute(sim, { gateway: 'chinaSms', operation: 'send', recipients: '13912340000,13900000000', message: 'hi', options: {} });
	expect(result.output![0][0].json).toMatchObject({ success: false, accepted: 1, rejected: 1, rejectedRecipients: ['13900000000'], requests: 1 });
});

test('getBalance with a wrong password: the gateway\'s reason, no secret anywhere', async () => {
	const credentials = { smsAdminApi: { ...sim.accounts.smsAdmin, password: 'wrong-pass', baseUrl: sim.urls.smsAdmin } };
	const failed = await execute(sim, { gateway: 'smsAdmin', operation: 'getBalance' }, [{}], { credentials });
	expect((failed.error as Error).message).toMatch(/^SMSAdmin \(通用短信平台\): .+ \(code 1\)$/);
	const kept = await execute(sim, { gateway: 'smsAdmin', operation: 'getBalance' }, [{}], { credentials, settings: { onError: 'continueRegularOutput' } });
	expect(kept.output![0][0].json).toMatchObject({ gateway: 'smsAdmin', balance: null, code: '1', vendorMessage: expect.stringContaining('1') });
	expect(JSON.stringify([failed.error, kept.output])).not.toContain('wrong-pass');
});
