/**
 * SMSAdmin (通用短信平台) adapter against the simulator (seed 001): exact requests for both
 * credential types, exact normalised results, every return-code family, the document's examples.
 */
import { createHash } from 'node:crypto';

import {
	SMSADMIN_DISPLAY_NAME,
	parseBalance,
	parseCodeAnswer,
	parseContentCheck,
	parseReplyLine,
	parseReportLine,
	smsAdmin,
} from '../../../nodes/gateways/smsAdmin';
import { unencodableCharacters } from '../../../nodes/gateways/kit/charset';
import { drain } from '../../../nodes/gateways/fetch/runner';
import { GatewayError, InputError, TransportError } from '../../../nodes/gateways/kit/errors';
import { createTransport, type Transport } from '../../../nodes/gateways/kit/transport';
import type { GatewayContext } from '../../../nodes/gateways/kit/adapter';
import { startSimulator, type Simulator } from '../../simulator';
import { SMSADMIN_SIM } from '../../simulator/vendors/smsAdmin';
import { n8nHttpClient } from '../../harness/http';

/** n8n's real request helper (an n8n-core execution context's helpers.httpRequest). */
const http = n8nHttpClient();

const PASSWORD = 'pw-Admin#2';
const PASSWORD_MD5 = '8f4020226aaabe0f9d606c354eb75ca8';
const API = '/smsmarketing/wwwroot/api/';
const FORM = 'application/x-www-form-urlencoded; charset=GB2312';

let sim: Simulator;

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => sim.reset());

type Kind = 'plain' | 'md5';

function ctxFor(kind: Kind, overrides: Record<string, string> = {}): GatewayContext {
	const secret = kind === 'plain' ? { password: PASSWORD } : { passwordMd5: PASSWORD_MD5 };
	return {
		credentials: { userId: 'smsuser', ...secret, baseUrl: sim.urls.smsAdmin, ...overrides },
		transport: createTransport(SMSADMIN_DISPLAY_NAME, { http }),
		now: () => new Date('2025-01-01T00:00:00Z'),
	};
}

/** A context whose "gateway" answers `body` to anything, for answers the simulator never gives. */
function stubCtx(body: string): GatewayContext {
	const real = createTransport(SMSADMIN_DISPLAY_NAME, { http });
	const transport: Transport = {
		gateway: SMSADMIN_DISPLAY_NAME,
		redact: real.redact,
		request: async () => ({ status: 200, headers: {}, bytes: Buffer.from(body), text: body, charset: 'gb2312', charsetMismatch: null, url: '' }),
	};
	return { credentials: { userId: 'smsuser', password: PASSWORD }, transport, now: () => new Date() };
}

function requests() {
	return sim.requests('smsAdmin');
}

function only() {
	const all = requests();
	expect(all).toHaveLength(1);
	return all[0];
}

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(GatewayError);
	return error as GatewayError;
}

const PWD: Record<Kind, string> = { plain: 'pw-Admin%232', md5: PASSWORD_MD5 };

describe('adapter facts', () => {
	test('id, credential types, charset and limits', () => {
		expect(createHash('md5').update(PASSWORD).digest('hex')).toBe(PASSWORD_MD5);
		expect(smsAdmin.id).toBe('smsAdmin');
		expect(smsAdmin.displayName).toBe('SMSAdmin (通用短信平台)');
		expect(smsAdmin.credentialTypes).toEqual(['smsAdminApi', 'smsAdminMd5Api']);
		expect(smsAdmin.charset({})).toBe('gb2312');
		expect(smsAdmin.limits).toEqual({
			maxRecipientsPerRequest: 1000,
			maxTemplateRowsPerRequest: 1000,
			maxMessageLength: undefined,
			fetchSpacingMs: 5000,
			fetchPageSize: 20,
			supportsSchedule: true,
		});
	});
});

describe('send', () => {
	test('plain credentials: post_send/ with GB2312 percent-encoding', async () => {
		const outcome = await smsAdmin.send!(ctxFor('plain'), { recipients: ['13800138000', '13900139000'], message: '你好【公司】' });
		const req = only();
		expect(req.method).toBe('POST');
		expect(req.path).toBe(`${API}post_send/`);
		expect(req.rawQuery).toBe('');
		expect(req.headers['content-type']).toBe(FORM);
		expect(req.body.toString('latin1')).toBe(
			'uid=smsuser&pwd=pw-Admin%232&mobile=13800138000%3B13900139000&msg=%C4%E3%BA%C3%A1%BE%B9%AB%CB%BE%A1%BF',
		);
		expect(outcome).toEqual({
			recipients: [
				{ recipient: '13800138000', success: true, messageId: null },
				{ recipient: '13900139000', success: true, messageId: null },
			],
			messageIds: [],
			raw: { code: '0', text: '发送成功!', endpoint: 'post_send' },
		});
		expect(sim.sent('smsAdmin').map((m) => [m.mobile, m.message, m.sendAt, m.linkId])).toEqual([
			['13800138000', '你好【公司】', null, null],
			['13900139000', '你好【公司】', null, null],
		]);
	});

	test.each<Kind>(['plain', 'md5'])('%s credentials: dtime in China time and linkid', async (kind) => {
		const outcome = await smsAdmin.send!(ctxFor(kind), {
			recipients: ['13800138000'],
			message: '你好',
			sendAt: new Date('2025-03-04T02:05:06Z'),
			linkId: 'Order42',
		});
		const req = only();
		expect(req.path).toBe(`${API}${kind === 'plain' ? 'post_send/' : 'post_send_md5/'}`);
		expect(req.body.toString('latin1')).toBe(
			`uid=smsuser&pwd=${PWD[kind]}&mobile=13800138000&msg=%C4%E3%BA%C3&dtime=2025-03-04%2010%3A05%3A06&linkid=Order42`,
		);
		expect(outcome.recipients).toEqual([{ recipient: '13800138000', success: true, messageId: 'Order42' }]);
		expect(outcome.messageIds).toEqual(['Order42']);
		expect(sim.sent('smsAdmin')[0]).toMatchObject({ sendAt: '2025-03-04 10:05:06', linkId: 'Order42', messageId: 'Order42' });
	});

	test('plain credentials: spaces, line breaks and % go to post_send_urldecode/, encoded twice', async () => {
		const outcome = await smsAdmin.send!(ctxFor('plain'), { recipients: ['13800138000'], message: '你好 A\n1%' });
		const req = only();
		expect(req.path).toBe(`${API}post_send_urldecode/`);
		expect(req.body.toString('latin1')).toBe(
			'uid=smsuser&pwd=pw-Admin%232&mobile=13800138000&msg=%25C4%25E3%25BA%25C3%2520A%250A1%2525',
		);
		expect(outcome.raw).toEqual({ code: '0', text: '发送成功!', endpoint: 'post_send_urldecode' });
		expect(sim.sent('smsAdmin').map((m) => m.message)).toEqual(['你好 A\n1%']);
	});

	test('MD5 credentials: post_send_md5/ with the hash, encoded once (there is no MD5 urldecode endpoint)', async () => {
		await smsAdmin.send!(ctxFor('md5'), { recipients: ['13800138000'], message: '你好 A\n1%' });
		const req = only();
		expect(req.path).toBe(`${API}post_send_md5/`);
		expect(req.body.toString('latin1')).toBe(`uid=smsuser&pwd=${PASSWORD_MD5}&mobile=13800138000&msg=%C4%E3%BA%C3%20A%0A1%25`);
		expect(sim.sent('smsAdmin').map((m) => m.message)).toEqual(['你好 A\n1%']);
	});

	test.each([
		['a plain password typed into the MD5 credential is hashed', PASSWORD],
		['an upper-case hash is used as is, lower-cased', PASSWORD_MD5.toUpperCase()],
	])('%s', async (_, typed) => {
		await smsAdmin.send!(ctxFor('md5', { passwordMd5: typed }), { recipients: ['13800138000'], message: 'hi' });
		expect(only().body.toString('latin1')).toBe(`uid=smsuser&pwd=${PASSWORD_MD5}&mobile=13800138000&msg=hi`);
	});

	test('a number repeated in one request goes out once; the repeat is reported, not sent', async () => {
		const outcome = await smsAdmin.send!(ctxFor('plain'), { recipients: ['13800138000', '13800138000'], message: 'hi' });
		expect(only().body.toString('latin1')).toBe('uid=smsuser&pwd=pw-Admin%232&mobile=13800138000&msg=hi');
		expect(outcome.recipients).toEqual([
			{ recipient: '13800138000', success: true, messageId: null },
			{ recipient: '13800138000', success: false, messageId: null, error: 'repeated in the same request: the gateway sends each number once' },
		]);
		expect(sim.sent('smsAdmin')).toHaveLength(1);
	});

	test('bad input is refused before any request', async () => {
		const ctx = ctxFor('plain');
		const cases: Array<[Parameters<NonNullable<typeof smsAdmin.send>>[1], string]> = [
			[{ recipients: ['13800138000'], message: '镕' }, 'the message holds characters GB2312 cannot carry: "镕" (U+9555)'],
			[{ recipients: ['13800138000'], message: 'hi', linkId: 'order-1' }, 'linkId must be 1 to 32 letters and digits, got "order-1"'],
			[{ recipients: [], message: 'hi' }, 'there are no recipients'],
			[{ recipients: Array.from({ length: 1001 }, (_, i) => String(13000000000 + i)), message: 'hi' }, '1001 recipients in one request; the gateway takes at most 1000'],
		];
		for (const [request, problem] of cases) {
			await expect(smsAdmin.send!(ctx, request)).rejects.toThrow(new InputError(`SMSAdmin (通用短信平台): ${problem}`));
		}
		expect(requests()).toHaveLength(0);
	});
});

describe('sendProblems', () => {
	test('linkId format, extno, product, charset, empty message', () => {
		expect(smsAdmin.sendProblems!({ message: '你好', linkId: 'A1b2C3'.padEnd(32, '9') }, ['13800000001'])).toEqual([]);
		expect(smsAdmin.sendProblems!({ message: '你好', linkId: 'x'.repeat(33) }, ['13800000001'])).toEqual([
			`linkId must be 1 to 32 letters and digits, got "${'x'.repeat(33)}"`,
		]);
		expect(smsAdmin.sendProblems!({ message: '你好', linkId: '订单1' }, ['13800000001'])).toEqual(['linkId must be 1 to 32 letters and digits, got "订单1"']);
		expect(smsAdmin.sendProblems!({ message: '', extno: '01', product: '7' }, ['13800000001'])).toEqual([
			'the message is empty',
			'SMSAdmin (通用短信平台) has no extension number (extno): leave it empty',
			'SMSAdmin (通用短信平台) has no product parameter (product is for 18SMS)',
		]);
	});

	test('a character GBK has but GB2312 lacks is detected', () => {
		expect(unencodableCharacters('你好喆镕', 'gb2312')).toEqual(['喆', '镕']);
		expect(unencodableCharacters('你好喆镕', 'gbk')).toEqual([]);
		expect(smsAdmin.sendProblems!({ message: '你好喆' }, ['13800000001'])).toEqual(['the message holds characters GB2312 cannot carry: "喆" (U+5586)']);
	});
});

describe('sendTemplate (点点通)', () => {
	const request = {
		template: '尊敬的{value0}，验证码{value1}',
		rows: [
			{ recipient: '13800138000', values: ['张三', '1234'] },
			{ recipient: '13900139000', values: ['李四', '5678'] },
		],
	};

	test.each<Kind>(['plain', 'md5'])('%s credentials: post_send_ddt/ with the MD5, msg and params url-encoded twice', async (kind) => {
		const outcome = await smsAdmin.sendTemplate!(ctxFor(kind), { ...request, linkId: 'T1' });
		const req = only();
		expect(req.path).toBe(`${API}post_send_ddt/`);
		expect(req.headers['content-type']).toBe(FORM);
		expect(req.body.toString('latin1')).toBe(
			`uid=smsuser&pwd=${PASSWORD_MD5}` +
				'&msg=%25D7%25F0%25BE%25B4%25B5%25C4%257Bvalue1%257D%25A3%25AC%25D1%25E9%25D6%25A4%25C2%25EB%257Bvalue2%257D' +
				'&params=13800138000%252C%25D5%25C5%25C8%25FD%252C1234%253B13900139000%252C%25C0%25EE%25CB%25C4%252C5678' +
				'&linkid=T1',
		);
		expect(outcome).toEqual({
			recipients: [
				{ recipient: '13800138000', success: true, messageId: 'T1' },
				{ recipient: '13900139000', success: true, messageId: 'T1' },
			],
			messageIds: ['T1'],
			raw: { code: '0', text: '发送成功!', endpoint: 'post_send_ddt' },
		});
		expect(sim.sent('smsAdmin').map((m) => [m.mobile, m.message])).toEqual([
			['13800138000', '尊敬的张三，验证码1234'],
			['13900139000', '尊敬的李四，验证码5678'],
		]);
	});

	test('rows the gateway would silently drop are refused before any request', async () => {
		const bad = {
			template: '验证码{value0}',
			rows: [
				{ recipient: '13800138000', values: ['1,2'] },
				{ recipient: '13900139000', values: ['1', '2'] },
			],
		};
		await expect(smsAdmin.sendTemplate!(ctxFor('plain'), bad)).rejects.toThrow(
			new InputError(
				'SMSAdmin (通用短信平台): recipient 13800138000: the value "1,2" holds "," or ";", which the gateway uses as separators; ' +
					'recipient 13900139000: the template takes 1 value(s) ({value0}…), got 2',
			),
		);
		expect(requests()).toHaveLength(0);
	});
});

describe('getBalance', () => {
	test.each<Kind>(['plain', 'md5'])('%s credentials: GET user_info/', async (kind) => {
		const balance = await smsAdmin.getBalance!(ctxFor(kind));
		const req = only();
		expect(req.method).toBe('GET');
		expect(req.path).toBe(`${API}user_info/`);
		expect(req.rawQuery).toBe(`uid=smsuser&pwd=${PWD[kind]}`);
		expect(req.body.length).toBe(0);
		expect(balance).toEqual({ balance: 1000, unit: 'messages', products: null, raw: { userId: 'smsuser', remaining: '1000' } });
	});

	test('the two-line answer of the vendor samples is read too', async () => {
		expect(await smsAdmin.getBalance!(stubCtx('用户ID=爱短信\n\n剩余资费=91'))).toEqual({
			balance: 91,
			unit: 'messages',
			products: null,
			raw: { userId: '爱短信', remaining: '91' },
		});
	});
});

describe('checkContent', () => {
	test.each<Kind>(['plain', 'md5'])('%s credentials: GET mgz/ names the sensitive words', async (kind) => {
		const result = await smsAdmin.checkContent!(ctxFor(kind), '代开发票');
		const req = only();
		expect(req.path).toBe(`${API}mgz/`);
		expect(req.rawQuery).toBe(`uid=smsuser&pwd=${PWD[kind]}&msg=%B4%FA%BF%AA%B7%A2%C6%B1`);
		expect(result).toEqual({ clean: false, words: ['发票', '代开'], raw: { text: '敏感字:发票;代开;' } });
	});

	test('clean content', async () => {
		expect(await smsAdmin.checkContent!(ctxFor('plain'), '你好')).toEqual({ clean: true, words: [], raw: { text: '不含敏感字' } });
	});
});

describe('fetchReplies', () => {
	test.each<Kind>(['plain', 'md5'])('%s credentials: reve_urlencode/ keeps "/" and line breaks inside a reply', async (kind) => {
		sim.queueReply('smsAdmin', { mobile: '13800138000', text: '好的/收到\n谢谢', receivedAt: '2025-01-02 03:04:05', linkId: 'Order42', extno: '56666' });
		const page = await smsAdmin.fetchReplies!(ctxFor(kind));
		const req = only();
		expect(req.method).toBe('GET');
		expect(req.path).toBe(`${API}reve_urlencode/`);
		expect(req.rawQuery).toBe(`uid=smsuser&pwd=${PWD[kind]}`);
		const line = '13800138000/2025-01-02 03:04:05/Order42/%BA%C3%B5%C4%2F%CA%D5%B5%BD%0A%D0%BB%D0%BB/56666';
		expect(page).toEqual({
			more: false,
			events: [
				{
					type: 'reply',
					id: null,
					mobile: '13800138000',
					text: '好的/收到\n谢谢',
					receivedAt: '2025-01-02T03:04:05+08:00',
					destination: null,
					extno: '56666',
					linkId: 'Order42',
					raw: { mobile: '13800138000', time: '2025-01-02 03:04:05', linkId: 'Order42', content: '%BA%C3%B5%C4%2F%CA%D5%B5%BD%0A%D0%BB%D0%BB', subCode: '56666', line },
				},
			],
		});
		expect(await smsAdmin.fetchReplies!(ctxFor(kind))).toEqual({ events: [], more: false }); // 150
	});

	test('pages of 20, drained with the documented 5 s spacing', async () => {
		for (let i = 0; i < 25; i++) sim.queueReply('smsAdmin', { mobile: `138000000${String(i + 10)}`, text: `r${i}`, receivedAt: '2025-01-02 03:04:05' });
		let clock = 0;
		const waits: number[] = [];
		const result = await drain(smsAdmin, ctxFor('plain'), 'replies', {
			maxCalls: 5,
			sleep: async (ms) => {
				waits.push(ms);
				clock += ms;
			},
			now: () => clock,
		});
		expect(result.error).toBeNull();
		expect(result.calls).toBe(2);
		expect(result.more).toBe(false);
		expect(waits).toEqual([5000]);
		expect(result.events.map((e) => (e as { text: string }).text)).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`));
	});

	test('a line that cannot be parsed is kept as an event with parseError', async () => {
		sim.queueRaw('smsAdmin', 'reply', 'garbled line');
		sim.queueReply('smsAdmin', { mobile: '13800138000', text: 'ok then+1', receivedAt: '2025-01-02 03:04:05' });
		const page = await smsAdmin.fetchReplies!(ctxFor('plain'));
		expect(page.events).toHaveLength(2);
		expect(page.events[0]).toEqual({
			type: 'reply',
			id: null,
			mobile: null,
			text: null,
			receivedAt: null,
			destination: null,
			extno: null,
			linkId: null,
			raw: { line: 'garbled line' },
			parseError: 'the line does not have the five "/"-separated fields',
		});
		// PHP urlencode: a space arrives as "+", a plus as %2B.
		expect(page.events[1]).toMatchObject({ mobile: '13800138000', text: 'ok then+1', linkId: null, extno: null });
		expect(page.events[1].raw.content).toBe('ok+then%2B1');
		expect(page.events[1].parseError).toBeUndefined();
	});
});

describe('fetchReports', () => {
	test.each<Kind>(['plain', 'md5'])('%s credentials: report/ lines, status mapping, 160', async (kind) => {
		sim.queueReport('smsAdmin', { mobile: '13800138000', linkId: 'Order42', vendorStatus: 'DELIVRD', reportedAt: '2025-01-02 03:04:05', extno: '56666' });
		sim.queueReport('smsAdmin', { mobile: '13900139000', vendorStatus: 'UNDELIV', reportedAt: '2025-01-02 03:04:06' });
		sim.queueReport('smsAdmin', { mobile: '13700137000', vendorStatus: 'UNKNOWN', reportedAt: '2025-01-02 03:04:07' });
		const page = await smsAdmin.fetchReports!(ctxFor(kind));
		const req = only();
		expect(req.path).toBe(`${API}report/`);
		expect(req.rawQuery).toBe(`uid=smsuser&pwd=${PWD[kind]}`);
		expect(page.more).toBe(false);
		expect(page.events).toEqual([
			{
				type: 'report',
				messageId: 'Order42',
				mobile: '13800138000',
				status: 'delivered',
				vendorStatus: 'DELIVRD',
				reportedAt: '2025-01-02T03:04:05+08:00',
				extno: '56666',
				linkId: 'Order42',
				raw: { mobile: '13800138000', time: '2025-01-02 03:04:05', linkId: 'Order42', status: 'DELIVRD', subCode: '56666', line: '13800138000/2025-01-02 03:04:05/Order42/DELIVRD/56666' },
			},
			expect.objectContaining({ mobile: '13900139000', status: 'failed', vendorStatus: 'UNDELIV', messageId: null, linkId: null, extno: null }),
			expect.objectContaining({ mobile: '13700137000', status: 'unknown', vendorStatus: 'UNKNOWN' }),
		]);
		expect(await smsAdmin.fetchReports!(ctxFor(kind))).toEqual({ events: [], more: false });
	});

	test('a full page says more may be pending', async () => {
		for (let i = 0; i < 21; i++) sim.queueReport('smsAdmin', { mobile: '13800138000' });
		const first = await smsAdmin.fetchReports!(ctxFor('plain'));
		expect([first.events.length, first.more]).toEqual([20, true]);
		const second = await smsAdmin.fetchReports!(ctxFor('plain'));
		expect([second.events.length, second.more]).toEqual([1, false]);
	});

	test('an HTML page is an unexpected response, not events', async () => {
		sim.fault('smsAdmin', { type: 'htmlError', path: 'report' });
		const error = await smsAdmin.fetchReports!(ctxFor('plain')).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).failure).toBe('unexpected');
	});
});

describe('refusals: one per return-code family', () => {
	const prefix = 'SMSAdmin (通用短信平台): ';

	test.each<Kind>(['plain', 'md5'])('%s credentials, code 1 at every endpoint; no secret in the error', async (kind) => {
		const wrong: Record<string, string> = kind === 'plain' ? { password: 'nope' } : { passwordMd5: 'nope' };
		const ctx = ctxFor(kind, wrong);
		const calls = [
			smsAdmin.send!(ctx, { recipients: ['13800138000'], message: 'hi' }),
			smsAdmin.sendTemplate!(ctx, { template: 'hi', rows: [{ recipient: '13800138000', values: [] }] }),
			smsAdmin.getBalance!(ctx),
			smsAdmin.checkContent!(ctx, 'hi'),
			smsAdmin.fetchReplies!(ctx),
			smsAdmin.fetchReports!(ctx),
		];
		for (const call of calls) {
			const error = await refusal(call);
			expect(error.message).toBe(`${prefix}wrong user ID or password (code 1)`);
			expect(error.code).toBe('1');
			expect(error.vendorMessage).toBe('1 用户名或密码错误!');
			expect(`${error.message} ${error.stack} ${JSON.stringify(error)}`).not.toMatch(/nope|pw-Admin|8f4020226aaabe0f9d606c354eb75ca8/);
		}
	});

	test.each([
		[SMSADMIN_SIM.noBalance, '2', 'insufficient balance: ask your sales contact to top the account up', '2 余额不足!'],
		[SMSADMIN_SIM.notAllowed, '4', 'this user ID is not allowed to send', '4 此用户不允许发送!'],
		[SMSADMIN_SIM.frozen, '8', 'the user ID is frozen: contact customer service', '8 用户已冻结, 请联系客服人员!'],
	])('recipient %s: code %s', async (number, code, reason, vendorMessage) => {
		const error = await refusal(smsAdmin.send!(ctxFor('plain'), { recipients: [number], message: 'hi' }));
		expect([error.message, error.vendorMessage]).toEqual([`${prefix}${reason} (code ${code})`, vendorMessage]);
	});

	test('code 7 carries the channel limit', async () => {
		const error = await refusal(smsAdmin.send!(ctxFor('md5'), { recipients: ['13800138000'], message: '字'.repeat(301) }));
		expect(error.message).toBe(`${prefix}the message is longer than this channel allows (at most 300 characters) (code 7)`);
		expect(error.vendorMessage).toBe('7 超过 300 个字,请修改后发送!');
	});

	test.each([
		['3 超过发送最大量 1000 条', `${prefix}too many recipients in one request (at most 1000 numbers) (code 3)`],
		['3超过发送最大量100条!', `${prefix}too many recipients in one request (at most 100 numbers) (code 3)`],
		['5 手机号或发送信息不能为空!', `${prefix}the mobile number or the message is empty (code 5)`],
		['8用户已冻结，请联系客服人员！', `${prefix}the user ID is frozen: contact customer service (code 8)`],
	])('answer "%s"', async (body, message) => {
		const error = await refusal(smsAdmin.send!(stubCtx(body), { recipients: ['13800138000'], message: 'hi' }));
		expect(error.message).toBe(message);
	});

	test('an undocumented code is an unexpected response quoting it', async () => {
		const error = await smsAdmin.send!(stubCtx('6 包含敏感字符'), { recipients: ['13800138000'], message: 'hi' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).message).toBe('SMSAdmin (通用短信平台): unexpected response to the send request: "6 包含敏感字符"');
		expect((error as TransportError).mayHaveReached).toBe(true);
	});
});

describe('the document examples, verbatim', () => {
	test('send answers (§2–§4), with and without the space after the code', () => {
		expect(parseCodeAnswer('0 发送成功!')).toEqual({ code: '0', text: '发送成功!' });
		expect(parseCodeAnswer('0发送成功!')).toEqual({ code: '0', text: '发送成功!' });
		expect(parseCodeAnswer('7 超过 XX 个字,请修改后发送!')).toEqual({ code: '7', text: '超过 XX 个字,请修改后发送!' });
		expect(parseCodeAnswer('3 超过发送最大量 100 条')).toEqual({ code: '3', text: '超过发送最大量 100 条' });
		expect(parseCodeAnswer('150')).toEqual({ code: '150', text: '' });
		expect(parseCodeAnswer('160')).toEqual({ code: '160', text: '' });
		expect(parseCodeAnswer('13761836811/2014-10-11 18:39:24//收到/56666')).toBeNull();
	});

	test('balance (§5)', () => {
		expect(parseBalance('用户 ID=uid 剩余资费=91')).toEqual({ userId: 'uid', balance: 91, text: '91' });
		expect(parseBalance('用户ID=uid 剩余资费=12.5')).toEqual({ userId: 'uid', balance: 12.5, text: '12.5' });
		// The document's own placeholder is no number: refused, not read as 0.
		expect(parseBalance('用户 ID=uid 剩余资费=XXX')).toBeNull();
	});

	test('sensitive words (§6)', () => {
		expect(parseContentCheck('敏感字:敏感字 1;敏感字 2;敏感字 3;')).toEqual({ clean: false, words: ['敏感字 1', '敏感字 2', '敏感字 3'] });
		expect(parseContentCheck('不含敏感字')).toEqual({ clean: true, words: [] });
		expect(parseContentCheck('1 用户名或密码错误!')).toBeNull();
	});

	test('replies (§7): the template lines keep their fields and are flagged', async () => {
		const body = '手机号 1/日期 1/流水号 1/回复内容 1/子码 1\n手机号 2/日期 2/流水号 2/回复内容 2/子码 2\n';
		const page = await smsAdmin.fetchReplies!(stubCtx(body));
		expect(page.events.map((e) => [e.mobile, e.text, e.linkId, e.extno, e.parseError])).toEqual([
			['手机号 1', '回复内容 1', '流水号 1', '子码 1', '"手机号 1" is no phone number; "日期 1" is no date'],
			['手机号 2', '回复内容 2', '流水号 2', '子码 2', '"手机号 2" is no phone number; "日期 2" is no date'],
		]);
	});

	test('replies and reports as the vendor samples show them (empty 流水号)', () => {
		expect(parseReplyLine('13761836811/2014-10-11 18:39:24//收到/56666', false)).toMatchObject({
			mobile: '13761836811',
			text: '收到',
			receivedAt: '2014-10-11T18:39:24+08:00',
			linkId: null,
			extno: '56666',
		});
		expect(
			['13761836811/2014-10-11 10:22:13//DELIVRD/56666', '13761836811/2014-10-11 12:59:34//DTBLACK/56666', '13761836811/2014-10-11 15:47:12//UNDELIV/56666']
				.map(parseReportLine)
				.map((r) => [r.status, r.vendorStatus, r.reportedAt, r.parseError]),
		).toEqual([
			['delivered', 'DELIVRD', '2014-10-11T10:22:13+08:00', undefined],
			['failed', 'DTBLACK', '2014-10-11T12:59:34+08:00', undefined],
			['failed', 'UNDELIV', '2014-10-11T15:47:12+08:00', undefined],
		]);
	});

	test('reports (§8): the template lines keep their fields and are flagged', async () => {
		const page = await smsAdmin.fetchReports!(stubCtx('手机号 1/日期 1/流水号 1/状态值 1/子码 1\n'));
		expect(page.events).toEqual([
			expect.objectContaining({ mobile: '手机号 1', vendorStatus: '状态值 1', status: 'failed', linkId: '流水号 1', parseError: '"手机号 1" is no phone number; "日期 1" is no date' }),
		]);
	});
});
