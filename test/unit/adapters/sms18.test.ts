/**
 * 18SMS adapter against the simulator: exact requests (bytes, UTF-8), exact normalised outputs,
 * every refusal family, the document's own response examples, and bodies it must not accept.
 */
import { GatewayError, InputError, TransportError } from '../../../nodes/gateways/kit/errors';
import { SMS18_BALANCE_ERRORS, SMS18_SEND_ERRORS } from '../../../nodes/gateways/sms18/errors';
import { sms18 } from '../../../nodes/gateways/sms18';
import { sms18ReportStatus } from '../../../nodes/gateways/sms18/errors';
import { createTransport, type Transport, type TransportRequest } from '../../../nodes/gateways/kit/transport';
import type { GatewayContext } from '../../../nodes/gateways/kit/adapter';
import type { GatewayCredentials } from '../../../nodes/gateways/kit/model';
import { SIM_ACCOUNTS, startSimulator, type Simulator } from '../../simulator';
import type { Sms18Sim } from '../../simulator/vendors/sms18';
import { n8nHttpClient } from '../../harness/http';

/** n8n's real request helper (an n8n-core execution context's helpers.httpRequest). */
const http = n8nHttpClient();

/** 2011-07-25 16:04:12 China time: the document's example `resptime`. */
const NOW = new Date('2011-07-25T08:04:12Z');
const NAME = '18SMS (18sms.com)';
const DOC_MESSAGE = '您好，您的验证码：1234';
const DOC_MESSAGE_UTF8 = '%E6%82%A8%E5%A5%BD%EF%BC%8C%E6%82%A8%E7%9A%84%E9%AA%8C%E8%AF%81%E7%A0%81%EF%BC%9A1234';

let sim: Simulator;
const vendor = () => sim.vendor('sms18') as Sms18Sim;

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.reset();
	vendor().configure({ clock: () => NOW });
});

function ctx(credentials: GatewayCredentials = {}): GatewayContext {
	return {
		credentials: { ...SIM_ACCOUNTS.sms18, baseUrl: sim.urls.sms18, ...credentials },
		transport: createTransport(NAME, { http }),
		now: () => NOW,
	};
}

/** A transport that answers `body` without any HTTP: for the document's verbatim examples. */
function answering(body: string): Transport & { calls: TransportRequest[] } {
	const calls: TransportRequest[] = [];
	const real = createTransport(NAME, { http });
	return {
		gateway: NAME,
		calls,
		redact: real.redact,
		request: async (req) => {
			calls.push(req);
			return { status: 200, headers: {}, bytes: Buffer.from(body), text: body, charset: 'utf8', charsetMismatch: null, url: '' };
		},
	};
}

function stubCtx(body: string): GatewayContext {
	return { credentials: { ...SIM_ACCOUNTS.sms18, baseUrl: 'http://127.0.0.1:9' }, transport: answering(body), now: () => NOW };
}

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(GatewayError);
	return error as GatewayError;
}

const lastRequest = () => {
	const all = sim.requests('sms18');
	return all[all.length - 1];
};

describe('send', () => {
	it('posts the document example as UTF-8 form and returns the msgid', async () => {
		const outcome = await sms18.send!(ctx(), { recipients: ['15924188183'], message: DOC_MESSAGE });
		const req = lastRequest();
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/msg/HttpBatchSendSM');
		expect(req.rawQuery).toBe('');
		expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
		expect(req.body.toString('latin1')).toBe(
			`account=003547&pswd=Sd123456&mobile=15924188183&msg=${DOC_MESSAGE_UTF8}&needstatus=true&extno=`,
		);
		expect(req.response.toString('utf8')).toBe('20110725160412,0\n1234567890100');
		expect(outcome).toEqual({
			recipients: [{ recipient: '15924188183', success: true, messageId: '1234567890100' }],
			messageIds: ['1234567890100'],
			raw: { resptime: '20110725160412', respstatus: '0', msgid: '1234567890100' },
		});
		expect(sim.sent('sms18')).toEqual([
			expect.objectContaining({ mobile: '15924188183', message: DOC_MESSAGE, messageId: '1234567890100', product: null, extno: null }),
		]);
	});

	it('sends several numbers comma-separated with product, extno and needstatus=false: no msgid', async () => {
		const outcome = await sms18.send!(ctx(), {
			recipients: ['13800138000', '13900139000'],
			message: 'Meeting at 3pm',
			product: '1234531',
			extno: '01',
			statusReport: false,
		});
		expect(lastRequest().body.toString('latin1')).toBe(
			'account=003547&pswd=Sd123456&mobile=13800138000%2C13900139000&msg=Meeting%20at%203pm&needstatus=false&product=1234531&extno=01',
		);
		expect(lastRequest().response.toString()).toBe('20110725160412,0');
		expect(outcome).toEqual({
			recipients: [
				{ recipient: '13800138000', success: true, messageId: null },
				{ recipient: '13900139000', success: true, messageId: null },
			],
			messageIds: [],
			raw: { resptime: '20110725160412', respstatus: '0', msgid: null },
		});
		expect(sim.sent('sms18').map((m) => [m.mobile, m.product, m.extno])).toEqual([
			['13800138000', '1234531', '01'],
			['13900139000', '1234531', '01'],
		]);
	});

	it("uses the credential's default product unless the option names another", async () => {
		await sms18.send!(ctx({ product: '1234531' }), { recipients: ['13800138000'], message: 'a' });
		expect(lastRequest().body.toString()).toContain('&needstatus=true&product=1234531&extno=');
		await sms18.send!(ctx({ product: '1234531' }), { recipients: ['13800138000'], message: 'a', product: '1234567' });
		expect(lastRequest().body.toString()).toContain('&needstatus=true&product=1234567&extno=');
	});

	it('refuses scheduling, bad extno, too many numbers and bad lengths before sending', async () => {
		const attempts = [
			{ recipients: ['13800138000'], message: 'a', sendAt: new Date('2030-01-01T00:00:00Z') },
			{ recipients: ['13800138000'], message: 'a', extno: '12a' },
			{ recipients: [], message: 'a' },
			{ recipients: Array.from({ length: 50_001 }, (_, i) => `138${String(i).padStart(8, '0')}`), message: 'a' },
			{ recipients: ['13800138000'], message: '' },
			{ recipients: ['13800138000'], message: '字'.repeat(537) },
		];
		const messages: string[] = [];
		for (const request of attempts) {
			const error = await sms18.send!(ctx(), request).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(InputError);
			messages.push((error as Error).message);
		}
		expect(messages).toEqual([
			'18SMS (18sms.com) cannot schedule messages: remove "sendAt" to send now',
			'18SMS (18sms.com): extno "12a" must be digits only (18SMS answers 113 otherwise)',
			'18SMS (18sms.com) takes 1 to 50000 numbers per request, not 0',
			'18SMS (18sms.com) takes 1 to 50000 numbers per request, not 50001',
			'18SMS (18sms.com) takes messages of 1 to 536 characters, not 0',
			'18SMS (18sms.com) takes messages of 1 to 536 characters, not 537',
		]);
		expect(sim.requests('sms18')).toHaveLength(0);
	});

	it('accepts 536 characters and 50000 numbers in one request', async () => {
		vendor().configure({ products: [['1234567', 10_000_000]] });
		const recipients = Array.from({ length: 50_000 }, (_, i) => `138${String(i).padStart(8, '0')}`);
		const outcome = await sms18.send!(ctx(), { recipients, message: '字'.repeat(536) });
		expect(sim.requests('sms18')).toHaveLength(1);
		expect(outcome.recipients).toHaveLength(50_000);
		expect(outcome.messageIds).toEqual(['1234567890100']);
	});
});

describe('send refusals', () => {
	it.each(Object.entries(SMS18_SEND_ERRORS))('code %s reads "<name>: <reason> (code %s)"', async (code, entry) => {
		vendor().failNext('send', Number(code));
		const error = await refusal(sms18.send!(ctx(), { recipients: ['13800138000'], message: 'a' }));
		expect(error.message).toBe(`${NAME}: ${entry.reason} (code ${code})`);
		expect(error.code).toBe(code);
		expect(error.vendorMessage).toBe(entry.vendorText);
	});

	it.each([
		['101', { account: '999999' }, {}],
		['102', { password: 'wrong-pw' }, {}],
		['105', {}, { message: '这是敏感词' }],
		['107', {}, { recipients: ['01012345678'] }],
		['109', {}, { recipients: Array.from({ length: 1001 }, (_, i) => `139${String(i).padStart(8, '0')}`) }],
		['112', {}, { product: '7654321' }],
		['113', {}, { extno: '12345678901' }],
	])('the simulator answers %s for the documented cause', async (code, credentials, request) => {
		const error = await refusal(sms18.send!(ctx(credentials), { recipients: ['13800138000'], message: 'a', ...request }));
		expect(error.message).toBe(`${NAME}: ${SMS18_SEND_ERRORS[code].reason} (code ${code})`);
		expect(sim.sent('sms18')).toHaveLength(0);
	});

	it('108 when fewer numbers than the configured group minimum', async () => {
		vendor().configure({ minRecipients: 2 });
		const error = await refusal(sms18.send!(ctx(), { recipients: ['13800138000'], message: 'a' }));
		expect(error.message).toBe(`${NAME}: ${SMS18_SEND_ERRORS['108'].reason} (code 108)`);
	});

	it('an undocumented status keeps the status line as the vendor message', async () => {
		vendor().failNext('send', 114);
		const error = await refusal(sms18.send!(ctx(), { recipients: ['13800138000'], message: 'a' }));
		expect(error.message).toBe(`${NAME}: the gateway refused the request with an undocumented status (code 114)`);
		expect(error.vendorMessage).toBe('20110725160412,114');
	});

	it('never puts the password in errors', async () => {
		const error = await refusal(sms18.send!(ctx(), { recipients: ['01012345678'], message: 'a' }));
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain('Sd123456');
	});
});

describe('getBalance', () => {
	it('posts account and pswd and sums the products', async () => {
		const result = await sms18.getBalance!(ctx());
		const req = lastRequest();
		expect([req.method, req.path, req.body.toString()]).toEqual(['POST', '/msg/QueryBalance', 'account=003547&pswd=Sd123456']);
		expect(result).toEqual({
			balance: 3000,
			unit: 'messages',
			products: [
				{ product: '1234567', balance: 1000 },
				{ product: '1234531', balance: 2000 },
			],
			raw: {
				resptime: '20110725160412',
				respstatus: '0',
				products: [
					{ product: '1234567', balance: '1000' },
					{ product: '1234531', balance: '2000' },
				],
			},
		});
	});

	it('103 means queried too fast (advise 10 s)', async () => {
		vendor().configure({ balanceIntervalMs: 10_000 });
		await sms18.getBalance!(ctx());
		const error = await refusal(sms18.getBalance!(ctx()));
		expect(error.message).toBe(`${NAME}: ${SMS18_BALANCE_ERRORS['103'].reason} (code 103)`);
		expect(error.message).toContain('10 seconds');
	});

	it.each([
		['101', { account: '000000' }],
		['102', { password: 'nope-nope' }],
	])('%s at the balance query', async (code, credentials) => {
		const error = await refusal(sms18.getBalance!(ctx(credentials)));
		expect(error.message).toBe(`${NAME}: ${SMS18_BALANCE_ERRORS[code].reason} (code ${code})`);
	});
});

describe("the document's response examples, verbatim (seed 003 附录)", () => {
	it('提交成功: 20110725160412,0 / 1234567890100', async () => {
		const outcome = await sms18.send!(stubCtx('20110725160412,0\n\n\n1234567890100\n\n\n\n\n\n'), { recipients: ['13800138000'], message: 'a' });
		expect(outcome.messageIds).toEqual(['1234567890100']);
		expect(outcome.raw).toEqual({ resptime: '20110725160412', respstatus: '0', msgid: '1234567890100' });
	});

	it('提交失败: 20110725160412,101', async () => {
		const error = await refusal(sms18.send!(stubCtx('20110725160412,101\n\n\n\n\n\n'), { recipients: ['13800138000'], message: 'a' }));
		expect(error.message).toBe(`${NAME}: no such account (code 101)`);
	});

	it('额度查询: 20130303180000,0 / 1234567,1000 / 1234531,2000 (CRLF too)', async () => {
		for (const body of ['20130303180000,0\n\n\n1234567,1000\n\n\n1234531,2000\n\n\n\n\n\n\n\n\n', '20130303180000,0\r\n1234567,1000\r\n1234531,2000\r\n']) {
			const result = await sms18.getBalance!(stubCtx(body));
			expect([result.balance, result.products]).toEqual([
				3000,
				[
					{ product: '1234567', balance: 1000 },
					{ product: '1234531', balance: 2000 },
				],
			]);
		}
	});

	it('a balance answer with no product lines is zero', async () => {
		const result = await sms18.getBalance!(stubCtx('20130303180000,0'));
		expect([result.balance, result.products]).toEqual([0, []]);
	});
});

describe('bodies it does not recognise', () => {
	it.each([
		['the format line itself', 'resptime,respstatus\n\n\nmsgid'],
		['garbage', 'Hello world'],
		['a second msgid line', '20110725160412,0\n123\n456'],
		['an empty body', ''],
	])('send: %s', async (_, body) => {
		const error = await sms18.send!(stubCtx(body), { recipients: ['13800138000'], message: 'a' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).failure).toBe('unexpected');
		expect((error as TransportError).mayHaveReached).toBe(true);
	});

	it('balance: a garbled product line', async () => {
		const error = await sms18.getBalance!(stubCtx('20130303180000,0\n1234567;1000')).catch((e: unknown) => e);
		expect((error as TransportError).message).toBe(
			`${NAME}: unexpected response to the balance query: "20130303180000,0 1234567;1000"`,
		);
	});

	it('an HTML error page from the simulator', async () => {
		sim.fault('sms18', { type: 'htmlError' });
		const error = await sms18.send!(ctx(), { recipients: ['13800138000'], message: 'a' }).catch((e: unknown) => e);
		expect((error as TransportError).failure).toBe('unexpected');
		expect((error as TransportError).message).toMatch(/^18SMS \(18sms\.com\): unexpected response to send: "<!DOCTYPE html>/);
	});

	it('a truncated answer is a broken connection that may have reached the gateway', async () => {
		sim.fault('sms18', { type: 'truncated' });
		const error = await sms18.send!(ctx(), { recipients: ['13800138000'], message: 'a' }).catch((e: unknown) => e);
		expect((error as TransportError).failure).toBe('reset');
		expect((error as TransportError).mayHaveReached).toBe(true);
		expect(sim.sent('sms18')).toHaveLength(1);
		expect(JSON.stringify(error) + (error as Error).message).not.toContain('Sd123456');
	});
});

describe('sendProblems and limits', () => {
	it('checks extno digits only', () => {
		expect(sms18.sendProblems!({ message: 'a', extno: '0123' }, ['13800000001'])).toEqual([]);
		expect(sms18.sendProblems!({ message: 'a', extno: '12-3' }, ['13800000001'])).toEqual(['extno "12-3" must be digits only (18SMS answers 113 otherwise)']);
	});

	it('declares the documented limits and no scheduling or fetching', () => {
		expect(sms18.limits).toEqual({ maxRecipientsPerRequest: 50_000, maxMessageLength: 536, fetchSpacingMs: 0, supportsSchedule: false });
		expect([sms18.fetchReports, sms18.fetchReplies, sms18.checkContent]).toEqual([undefined, undefined, undefined]);
		expect(sms18.charset({})).toBe('utf8');
	});
});

describe('pushed report statuses', () => {
	it('normalises every documented status value', () => {
		const failed = ['MBBLACK', 'NOROUTE', 'ROUTEERR', 'REJECT', 'DISTURB', 'EMSERR', 'SIGNERR', 'KEYWORD', 'WHITESMS', 'CMPP20ERR:005',
			'SMGPERR:12', 'SGIPERR:1', 'CMPPRESP:8', 'SY1RESP:-9', 'DB:0141', 'ID:0103', 'ID:0102', 'ID:0101', 'MA:0001', 'MX:0013', '601',
			'GL:0000', 'ERR:104', 'SIGFAIL'];
		expect(failed.filter((s) => sms18ReportStatus(s) !== 'failed')).toEqual([]);
		expect([sms18ReportStatus('DELIVRD'), sms18ReportStatus('UNDELIV'), sms18ReportStatus(''), sms18ReportStatus(null)]).toEqual([
			'delivered',
			'unknown',
			'unknown',
			'unknown',
		]);
	});
});
