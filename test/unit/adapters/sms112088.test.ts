/** 112088 Enterprise SMS (企业短信通) adapter against the simulator: exact requests, outputs, every error family. */
import { SMS112088_PATHS, sms112088 } from '../../../nodes/gateways/sms112088';
import { GatewayError, TransportError } from '../../../nodes/gateways/kit/errors';
import { createTransport } from '../../../nodes/gateways/kit/transport';
import type { GatewayContext } from '../../../nodes/gateways/kit/adapter';
import { SIM_ACCOUNTS, type Simulator, startSimulator } from '../../simulator';
import type { Sms112088Sim } from '../../simulator/vendors/sms112088';
import { n8nHttpClient } from '../../harness/http';

/** n8n's real request helper (an n8n-core execution context's helpers.httpRequest). */
const http = n8nHttpClient();

const NAME = '112088 Enterprise SMS (企业短信通)';
const AUTH = 'us_name=mysms&us_pwd=pw-112088%203';
const NI_HAO = '%C4%E3%BA%C3'; // 你好 in GBK

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

function ctx(credentials: Record<string, string> = {}): GatewayContext {
	return {
		credentials: { ...SIM_ACCOUNTS.sms112088, baseUrl: sim.urls.sms112088, ...credentials },
		transport: createTransport(NAME, { http }),
		now: () => new Date('2030-01-01T00:00:00Z'),
	};
}

const requests = () => sim.requests('sms112088');
const only = () => {
	expect(requests()).toHaveLength(1);
	return requests()[0];
};
const vendor = () => sim.vendor('sms112088') as Sms112088Sim;
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `138${String(i).padStart(8, '0')}`);

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(GatewayError);
	expect((error as Error).message).not.toContain('pw-112088');
	return error as GatewayError;
}

describe('send', () => {
	it('sends through sendsms_txt.asp and maps the SMSID to the number', async () => {
		const outcome = await sms112088.send!(ctx(), { recipients: ['13800000001'], message: '你好' });
		const req = only();
		expect([req.method, req.path, req.rawQuery]).toEqual([
			'GET',
			'/sendsms_txt.asp',
			`${AUTH}&send_phone=13800000001&send_content=${NI_HAO}`,
		]);
		expect(req.response.toString('latin1')).toBe('0|1|0|6408676');
		expect(outcome).toEqual({
			recipients: [{ recipient: '13800000001', success: true, messageId: '6408676' }],
			messageIds: ['6408676'],
			raw: { code: '0', accepted: 1, failed: 0, smsIds: ['6408676'] },
		});
		expect(sim.sent('sms112088').map((m) => [m.mobile, m.message, m.messageId])).toEqual([['13800000001', '你好', '6408676']]);
	});

	it('sends several numbers comma-separated with send_time as 14 digits China time', async () => {
		const outcome = await sms112088.send!(ctx(), {
			recipients: ['13800000001', '075580808080'],
			message: 'hi',
			sendAt: new Date('2030-09-03T03:20:30Z'),
		});
		expect(only().rawQuery).toBe(`${AUTH}&send_phone=13800000001%2C075580808080&send_content=hi&send_time=20300903112030`);
		expect(outcome.recipients).toEqual([
			{ recipient: '13800000001', success: true, messageId: '6408676' },
			{ recipient: '075580808080', success: true, messageId: '6408676' },
		]);
		expect(outcome.messageIds).toEqual(['6408676']);
		expect(sim.sent('sms112088').map((m) => m.sendAt)).toEqual(['2030-09-03 11:20:30', '2030-09-03 11:20:30']);
	});

	it('marks the wrong-length number failed when the counts say which one it is', async () => {
		const outcome = await sms112088.send!(ctx(), { recipients: ['13800000001', '1380000', '13800000002'], message: 'hi' });
		expect(requests()[0].response.toString('latin1')).toBe('0|2|1|6408676,6408676');
		expect(outcome.recipients).toEqual([
			{ recipient: '13800000001', success: true, messageId: '6408676' },
			{
				recipient: '1380000',
				success: false,
				messageId: null,
				error: `${NAME}: the gateway did not accept this number (wrong length or not a valid number)`,
			},
			{ recipient: '13800000002', success: true, messageId: '6408676' },
		]);
	});

	it('does not guess which numbers failed when the counts leave it open', async () => {
		vendor().answerNext(SMS112088_PATHS.send, '0|1|1|901');
		const outcome = await sms112088.send!(ctx(), { recipients: ['13800000001', '13800000002'], message: 'hi' });
		expect(outcome.recipients).toEqual([
			{ recipient: '13800000001', success: true, messageId: null },
			{ recipient: '13800000002', success: true, messageId: null },
		]);
		expect(outcome.raw).toEqual({ code: '0', accepted: 1, failed: 1, smsIds: ['901'] });
	});

	it('parses the send example verbatim (`0|1|0|SMSID`)', async () => {
		vendor().answerNext(SMS112088_PATHS.send, '0|1|0|SMSID');
		const outcome = await sms112088.send!(ctx(), { recipients: ['13798361236'], message: '这条是测试短信' });
		expect(outcome.recipients).toEqual([{ recipient: '13798361236', success: true, messageId: 'SMSID' }]);
	});

	it('turns an HTML page into an unexpected-response error', async () => {
		sim.fault('sms112088', { type: 'htmlError' });
		const error = await sms112088.send!(ctx(), { recipients: ['13800000001'], message: 'hi' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TransportError);
		expect((error as Error).message).toMatch(/^112088 Enterprise SMS \(企业短信通\): unexpected response to send: "<!DOCTYPE html>/);
	});

	it('encodes in UTF-8 when the credential says so', async () => {
		await sms112088.send!(ctx({ charset: 'utf8' }), { recipients: ['13800000001'], message: '你好' });
		expect(only().rawQuery).toBe(`${AUTH}&send_phone=13800000001&send_content=%E4%BD%A0%E5%A5%BD`);
	});
});

describe('getBalance', () => {
	it('reads Get_Account_Balance.asp as messages', async () => {
		const balance = await sms112088.getBalance!(ctx());
		const req = only();
		expect([req.path, req.rawQuery]).toEqual(['/Get_Account_Balance.asp', AUTH]);
		expect(balance).toEqual({ balance: 10000, unit: 'messages', products: null, raw: { balance: '10000' } });
	});

	it('reads "0" as a zero balance, not an error', async () => {
		await expect(sms112088.getBalance!(ctx({ username: 'mysms-nofee' }))).resolves.toEqual({
			balance: 0,
			unit: 'messages',
			products: null,
			raw: { balance: '0' },
		});
	});
});

describe('fetchReports', () => {
	it('reads get_report_txt.asp once and maps 10 / 20 / -1', async () => {
		await sms112088.send!(ctx(), { recipients: ['13800000001', '13800000002', '13800000003'], message: 'hi' });
		sim.queueReport('sms112088', { mobile: '13800000001', vendorStatus: '10' });
		sim.queueReport('sms112088', { mobile: '13800000002', vendorStatus: '20' });
		sim.queueReport('sms112088', { mobile: '13800000003', vendorStatus: '-1' });
		const page = await sms112088.fetchReports!(ctx());
		const req = requests()[1];
		expect([req.path, req.rawQuery]).toEqual(['/get_report_txt.asp', AUTH]);
		const event = (mobile: string, status: string, vendorStatus: string) => ({
			type: 'report',
			messageId: '6408676',
			mobile,
			status,
			vendorStatus,
			reportedAt: null,
			extno: null,
			linkId: null,
			raw: { smsId: '6408676', mobile, status: vendorStatus },
		});
		expect(page).toEqual({
			more: false,
			events: [event('13800000001', 'delivered', '10'), event('13800000002', 'failed', '20'), event('13800000003', 'unknown', '-1')],
		});
		await expect(sms112088.fetchReports!(ctx())).resolves.toEqual({ events: [], more: false });
	});

	it('parses the report example verbatim', async () => {
		vendor().answerNext(SMS112088_PATHS.reports, '3|6408676;13682250950;20|6408649;13711147169;20|6408649;13719445093;20');
		const page = await sms112088.fetchReports!(ctx());
		expect(page.events.map((e) => [e.messageId, e.mobile, e.status])).toEqual([
			['6408676', '13682250950', 'failed'],
			['6408649', '13711147169', 'failed'],
			['6408649', '13719445093', 'failed'],
		]);
	});

	it('says more when a full page of 100 came', async () => {
		for (const mobile of numbers(101)) sim.queueReport('sms112088', { mobile, messageId: '1' });
		const first = await sms112088.fetchReports!(ctx());
		expect([first.events.length, first.more]).toEqual([100, true]);
		const second = await sms112088.fetchReports!(ctx());
		expect([second.events.length, second.more]).toEqual([1, false]);
	});

	it('keeps a garbled record as an event with parseError', async () => {
		sim.queueReport('sms112088', { mobile: '13800000001', messageId: '5' });
		sim.queueRaw('sms112088', 'report', '5;13800000002');
		const page = await sms112088.fetchReports!(ctx());
		expect(page.events[1]).toEqual({
			type: 'report',
			messageId: null,
			mobile: null,
			status: 'unknown',
			vendorStatus: null,
			reportedAt: null,
			extno: null,
			linkId: null,
			raw: { record: '5;13800000002' },
			parseError: 'not in the documented "id;number;status" shape',
		});
		expect(page.events[0]).toMatchObject({ messageId: '5', mobile: '13800000001', status: 'delivered' });
	});
});

describe('fetchReplies', () => {
	const reply = (id: string, mobile: string, text: string) => ({
		type: 'reply',
		id,
		mobile,
		text,
		receivedAt: null,
		destination: null,
		extno: null,
		linkId: null,
		raw: { id, mobile, content: text },
	});

	it('reads get_receive_message_txt.asp once', async () => {
		sim.queueReply('sms112088', { mobile: '13800000001', text: '你好' });
		const page = await sms112088.fetchReplies!(ctx());
		const req = only();
		expect([req.path, req.rawQuery]).toEqual(['/get_receive_message_txt.asp', AUTH]);
		expect(page).toEqual({ more: false, events: [reply('133', '13800000001', '你好')] });
		await expect(sms112088.fetchReplies!(ctx())).resolves.toEqual({ events: [], more: false });
	});

	it('parses the reply example verbatim (comma between id and number, leading space)', async () => {
		vendor().answerNext(SMS112088_PATHS.replies, ' 2|133,13798361236;我回复一条|134,13826588212;我也回复一条');
		const page = await sms112088.fetchReplies!(ctx());
		expect(page.events).toEqual([reply('133', '13798361236', '我回复一条'), reply('134', '13826588212', '我也回复一条')]);
	});

	it('keeps "|" and ";" inside a reply text, using the leading count', async () => {
		sim.queueReply('sms112088', { mobile: '13800000001', text: 'A|B;C' });
		sim.queueReply('sms112088', { mobile: '13800000002', text: '好;|' });
		const page = await sms112088.fetchReplies!(ctx());
		expect(requests()[0].response).toEqual(Buffer.concat([Buffer.from('2|133;13800000001;A|B;C|134;13800000002;'), Buffer.from([0xba, 0xc3]), Buffer.from(';|')]));
		expect(page.events).toEqual([reply('133', '13800000001', 'A|B;C'), reply('134', '13800000002', '好;|')]);
	});

	it('keeps a record it cannot read as an event with parseError', async () => {
		sim.queueReply('sms112088', { mobile: '13800000001', text: 'ok' });
		sim.queueRaw('sms112088', 'reply', 'garbled record');
		const page = await sms112088.fetchReplies!(ctx());
		expect(page.events).toEqual([
			reply('133', '13800000001', 'ok'),
			{
				type: 'reply',
				id: null,
				mobile: null,
				text: null,
				receivedAt: null,
				destination: null,
				extno: null,
				linkId: null,
				raw: { record: 'garbled record' },
				parseError: 'not in the documented "id;number;content" shape',
			},
		]);
	});

	it('flags a reply whose text may have swallowed another when the count disagrees', async () => {
		vendor().answerNext(SMS112088_PATHS.replies, '2|1;13800000001;a|x|y');
		const page = await sms112088.fetchReplies!(ctx());
		expect(page.events).toHaveLength(1);
		expect(page.events[0]).toMatchObject({ id: '1', text: 'a|x|y', raw: { record: '1;13800000001;a|x|y' } });
		expect(page.events[0].parseError).toBe('the answer announced 2 replies but held 1; this reply\'s text may hold "|" and part of another reply');
	});

	it('says more when a full page of 50 came', async () => {
		for (const mobile of numbers(51)) sim.queueReply('sms112088', { mobile, text: 't' });
		const first = await sms112088.fetchReplies!(ctx());
		expect([first.events.length, first.more]).toEqual([50, true]);
		expect((await sms112088.fetchReplies!(ctx())).events).toHaveLength(1);
	});
});

describe('gateway refusals: `<display name>: <reason> (code <code>)`', () => {
	const send = (c: Record<string, string>, recipients: string[], message: string) => sms112088.send!(ctx(c), { recipients, message });
	it.each([
		['-1', () => send({}, [], 'hi'), 'no recipient number was given', '-1 (缺少接收的目标号码)'],
		['-2', () => send({}, ['13800000001'], ''), 'the message is empty', '-2 (缺少短信内容)'],
		['-3', () => send({}, ['13800000001'], '专业代开发票'), 'the message contains a forbidden word ("代开发票")', '-3|代开发票 (短信内容非法，含有禁发关键词)'],
		['-4', () => send({}, numbers(101), 'hi'), 'more than 100 numbers in one request', '-4 (每次请求条数大于最大允许条数 100 条)'],
		['-7', () => send({ password: 'wrong' }, ['13800000001'], 'hi'), 'the user name or password is wrong', '-7 (用户登入信息验证失败(一般为密码错误))'],
		['-8', () => send({}, ['13800000001'], 'x'.repeat(336)), 'the message is longer than 335 characters', '-8 (短信内容长度超过规定最大字符长度 335 个字符)'],
		['-9', () => send({ username: 'mysms-nofee' }, ['13800000001'], 'hi'), 'the balance is too low for the messages of this request', '-9 (帐户当前余额不足发送本次请求的条数)'],
		['-10', () => send({ username: 'mysms-locked' }, ['13800000001'], 'hi'), 'the account is locked', '-10 (帐号已被锁定)'],
		['-99', () => send({ username: 'mysms-busy' }, ['13800000001'], 'hi'), 'the gateway is busy and did not take the request', '-99 (系统忙，无法受理此次请求)'],
	])('send code %s', async (code, run, reason, vendorText) => {
		const error = await refusal(run());
		expect(error.message).toBe(`${NAME}: ${reason} (code ${code})`);
		expect([error.code, error.vendorMessage]).toEqual([code, vendorText]);
	});

	it.each([
		['reports', '-1', { username: 'nobody' }, 'the user does not exist'],
		['reports', '-3', { username: 'mysms-busy' }, 'the gateway is busy; try again later'],
		['replies', '-7', { password: 'wrong' }, 'the user name or password is wrong'],
		['replies', '-1', { username: 'nobody' }, 'the user does not exist'],
	])('fetch %s code %s', async (kind, code, credentials, reason) => {
		const c = ctx(credentials);
		const run = kind === 'reports' ? sms112088.fetchReports!(c) : sms112088.fetchReplies!(c);
		expect((await refusal(run)).message).toBe(`${NAME}: ${reason} (code ${code})`);
	});

	it.each([
		['-1', { username: 'nobody' }, 'the account does not exist'],
		['-7', { password: 'wrong' }, 'the user name or password is wrong'],
	])('balance code %s', async (code, credentials, reason) => {
		expect((await refusal(sms112088.getBalance!(ctx(credentials)))).message).toBe(`${NAME}: ${reason} (code ${code})`);
	});

	it('an undocumented code keeps the answer', async () => {
		vendor().answerNext(SMS112088_PATHS.send, '-12');
		const error = await refusal(sms112088.send!(ctx(), { recipients: ['13800000001'], message: 'hi' }));
		expect([error.message, error.vendorMessage]).toEqual([`${NAME}: the gateway refused the request with an undocumented code (code -12)`, '-12']);
	});
});

describe('options and limits', () => {
	it('refuses options the gateway does not have', () => {
		expect(sms112088.sendProblems!({ message: 'hi' }, ['13800000001'])).toEqual([]);
		expect(sms112088.sendProblems!({ message: 'hi', extno: '01' }, ['13800000001'])).toEqual([`${NAME} has no Extension Number parameter`]);
	});

	it('documents its limits', () => {
		expect(sms112088.limits).toEqual({ maxRecipientsPerRequest: 100, maxMessageLength: 335, fetchSpacingMs: 500, fetchPageSize: 100, supportsSchedule: true });
		expect(sms112088.credentialTypes).toEqual(['sms112088Api']);
	});
});
