/** China SMS (中国短信) adapter against the simulator: exact requests, exact outputs, every error family. */
import { CHINA_SMS_PATHS, chinaSms } from '../../../nodes/gateways/chinaSms';
import { drain } from '../../../nodes/gateways/fetch/runner';
import { GatewayError, InputError, TransportError } from '../../../nodes/gateways/kit/errors';
import { createTransport } from '../../../nodes/gateways/kit/transport';
import type { GatewayContext } from '../../../nodes/gateways/kit/adapter';
import type { InboundReply } from '../../../nodes/gateways/kit/model';
import { SIM_ACCOUNTS, type Simulator, startSimulator } from '../../simulator';
import { CHINA_SMS_SIM, type ChinaSmsSim } from '../../simulator/vendors/chinaSms';
import { n8nHttpClient } from '../../harness/http';

/** n8n's real request helper (an n8n-core execution context's helpers.httpRequest). */
const http = n8nHttpClient();

const NAME = 'China SMS (中国短信)';
const AUTH = 'name=company&pwd=pw-China%261';
const NI_HAO = '%C4%E3%BA%C3'; // 你好 in GBK

let sim: Simulator;
beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => sim.close());
beforeEach(() => sim.reset());

function ctx(credentials: Record<string, string> = {}): GatewayContext {
	return {
		credentials: { ...SIM_ACCOUNTS.chinaSms, baseUrl: sim.urls.chinaSms, ...credentials },
		transport: createTransport(NAME, { http }),
		now: () => new Date('2030-01-01T00:00:00Z'),
	};
}

const requests = () => sim.requests('chinaSms');
const only = () => {
	expect(requests()).toHaveLength(1);
	return requests()[0];
};
const vendor = () => sim.vendor('chinaSms') as ChinaSmsSim;

async function refusal(promise: Promise<unknown>): Promise<GatewayError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(GatewayError);
	expect((error as Error).message).not.toContain('pw-China');
	return error as GatewayError;
}

describe('send', () => {
	it('sends to one number through ssend.asp and returns its message id', async () => {
		const outcome = await chinaSms.send!(ctx(), { recipients: ['13800000001'], message: '你好' });
		const req = only();
		expect([req.method, req.path, req.rawQuery]).toEqual(['GET', '/send/ssend.asp', `${AUTH}&dst=13800000001&msg=${NI_HAO}`]);
		expect(outcome).toEqual({
			recipients: [{ recipient: '13800000001', success: true, messageId: '1234' }],
			messageIds: ['1234'],
			raw: { id: '1234', err: '', errid: '0' },
		});
		expect(sim.sent('chinaSms').map((m) => [m.mobile, m.message, m.messageId])).toEqual([['13800000001', '你好', '1234']]);
	});

	it('passes extno as sender', async () => {
		await chinaSms.send!(ctx(), { recipients: ['13800000001'], message: 'hi', extno: '00' });
		expect(only().rawQuery).toBe(`${AUTH}&dst=13800000001&msg=hi&sender=00`);
		expect(sim.sent('chinaSms')[0].extno).toBe('00');
	});

	it('sends to several numbers through gsend.asp, reading the spaced success list', async () => {
		const outcome = await chinaSms.send!(ctx(), { recipients: ['13800000001', '13800000002'], message: '你好' });
		const req = only();
		expect([req.path, req.rawQuery]).toEqual(['/send/gsend.asp', `${AUTH}&dst=13800000001%2C13800000002&msg=${NI_HAO}`]);
		expect(req.response.toString('latin1')).toContain('& success =13800000001,13800000002& faile =&');
		expect(outcome).toEqual({
			recipients: [
				{ recipient: '13800000001', success: true, messageId: null },
				{ recipient: '13800000002', success: true, messageId: null },
			],
			messageIds: [],
			raw: { num: '2', success: '13800000001,13800000002', faile: '', err: '发送成功', errid: '0' },
		});
	});

	it('schedules through gsend.asp even for one number, with time as YYYYMMDDHHMM China time', async () => {
		await chinaSms.send!(ctx(), { recipients: ['13800000001'], message: 'hi', sendAt: new Date('2030-05-24T09:13:45Z'), extno: '7' });
		const req = only();
		expect([req.path, req.rawQuery]).toEqual(['/send/gsend.asp', `${AUTH}&dst=13800000001&msg=hi&time=203005241713&sender=7`]);
		expect(sim.sent('chinaSms')[0].sendAt).toBe('2030-05-24 17:13:00');
	});

	it('reports a refused number of a group per recipient (faile list, code 6009)', async () => {
		const outcome = await chinaSms.send!(ctx(), { recipients: ['13800000001', CHINA_SMS_SIM.blacklisted], message: 'hi' });
		expect(outcome.recipients).toEqual([
			{ recipient: '13800000001', success: true, messageId: null },
			{ recipient: CHINA_SMS_SIM.blacklisted, success: false, messageId: null, error: `${NAME}: the number is on the blacklist (code 6009)` },
		]);
		expect(outcome.raw).toEqual({ num: '1', success: '13800000001', faile: CHINA_SMS_SIM.blacklisted, err: '手机号码是黑名单', errid: '6009' });
	});

	it('puts 小灵通 (PHS) numbers in a request class of their own: the planner never mixes them with mobiles', () => {
		expect(['01012345678', '13800000001', '075512345678'].map((n) => chinaSms.requestClass!(n))).toEqual(['phs', 'mobile', 'phs']);
	});

	it('refuses a message over 40 characters to a PHS number before sending; 60 to mobiles', () => {
		expect(chinaSms.sendProblems!({ message: 'x'.repeat(41) }, ['13800000001', '01012345678'])).toEqual([
			`${NAME}: a message to 小灵通 (PHS, fixed-line) numbers may have at most 40 characters; this one has 41 (01012345678)`,
		]);
		expect(chinaSms.sendProblems!({ message: 'x'.repeat(41) }, ['13800000001'])).toEqual([]);
		expect(chinaSms.sendProblems!({ message: 'x'.repeat(40) }, ['01012345678'])).toEqual([]);
	});

	it('encodes in UTF-8 when the credential says so', async () => {
		await chinaSms.send!(ctx({ charset: 'utf8' }), { recipients: ['13800000001'], message: '你好' });
		expect(only().rawQuery).toBe(`${AUTH}&dst=13800000001&msg=%E4%BD%A0%E5%A5%BD`);
		expect(chinaSms.charset({ charset: 'utf8' })).toBe('utf8');
		expect(chinaSms.charset({})).toBe('gbk');
	});

	it('parses the ssend example verbatim (`id=1234&err=  `)', async () => {
		vendor().answerNext(CHINA_SMS_PATHS.single, 'id=1234&err=  ');
		const outcome = await chinaSms.send!(ctx(), { recipients: ['13937100004'], message: '你好吗' });
		expect(outcome).toEqual({
			recipients: [{ recipient: '13937100004', success: true, messageId: '1234' }],
			messageIds: ['1234'],
			raw: { id: '1234', err: '' },
		});
	});

	it('parses the gsend example verbatim, masked numbers and stray spaces included', async () => {
		vendor().answerNext(CHINA_SMS_PATHS.group, 'num=2& success =1393710***4,1393710***5& faile =&err=发送成功&errid=0');
		const outcome = await chinaSms.send!(ctx(), { recipients: ['13937100004', '13937100005'], message: '你好吗' });
		expect(outcome.recipients).toEqual([
			{ recipient: '13937100004', success: true, messageId: null },
			{ recipient: '13937100005', success: true, messageId: null },
		]);
		expect(outcome.raw).toEqual({ num: '2', success: '1393710***4,1393710***5', faile: '', err: '发送成功', errid: '0' });
	});

	it('counts by num when the lists do not name the numbers', async () => {
		vendor().answerNext(CHINA_SMS_PATHS.group, 'num=1&success=&faile=13800000002&err=&errid=0');
		const outcome = await chinaSms.send!(ctx(), { recipients: ['13800000001', '13800000002'], message: 'hi' });
		expect(outcome.recipients.map((r) => [r.recipient, r.success, r.error])).toEqual([
			['13800000001', true, undefined],
			['13800000002', false, `${NAME}: the gateway did not accept this number`],
		]);
	});

	it('turns an HTML page into an unexpected-response error quoting it', async () => {
		sim.fault('chinaSms', { type: 'htmlError' });
		const error = await chinaSms.send!(ctx(), { recipients: ['13800000001'], message: 'hi' }).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(TransportError);
		expect((error as TransportError).failure).toBe('unexpected');
		expect((error as TransportError).mayHaveReached).toBe(true);
		expect((error as Error).message).toMatch(/^China SMS \(中国短信\): unexpected response to send: "<!DOCTYPE html>/);
	});
});

describe('getBalance', () => {
	it('reads getfee.asp as a balance in yuan', async () => {
		const balance = await chinaSms.getBalance!(ctx());
		const req = only();
		expect([req.method, req.path, req.rawQuery]).toEqual(['GET', '/send/getfee.asp', AUTH]);
		expect(balance).toEqual({ balance: 9586, unit: 'yuan', products: null, raw: { id: '9586', err: '成功', errid: '0', short: '企业简称' } });
	});

	it('reads a zero balance as 0, not an error', async () => {
		await expect(chinaSms.getBalance!(ctx({ username: 'company-nofee' }))).resolves.toMatchObject({ balance: 0, unit: 'yuan' });
	});

	it('parses the getfee example verbatim', async () => {
		vendor().answerNext(CHINA_SMS_PATHS.balance, 'id=9586&err=成功&errid=0&short=企业简称');
		await expect(chinaSms.getBalance!(ctx())).resolves.toMatchObject({ balance: 9586, raw: { short: '企业简称' } });
	});

	it('treats id=-9999 without errid as failure (code -9999)', async () => {
		vendor().answerNext(CHINA_SMS_PATHS.balance, 'id=-9999&err=失败');
		const error = await refusal(chinaSms.getBalance!(ctx()));
		expect(error.message).toBe(`${NAME}: the gateway could not read the account balance (code -9999)`);
		expect(error.vendorMessage).toBe('失败');
	});
});

describe('fetchReplies', () => {
	it('reads one reply per call from readsms.asp and stops at id=0', async () => {
		sim.queueReply('chinaSms', { mobile: '13800000001', text: '你好 & 再见', receivedAt: '2030-05-24 17:13:00', extno: '00' });
		const page = await chinaSms.fetchReplies!(ctx());
		expect([requests()[0].path, requests()[0].rawQuery]).toEqual(['/send/readsms.asp', AUTH]);
		expect(page).toEqual({
			more: true,
			events: [
				{
					type: 'reply',
					id: '9586',
					mobile: '13800000001',
					text: '你好 & 再见',
					receivedAt: '2030-05-24T17:13:00+08:00',
					destination: '088800800',
					extno: null,
					linkId: null,
					unsubscribe: false,
					raw: { id: '9586', err: '成功', src: '13800000001', msg: '你好 & 再见', dst: '088800800', time: '203005241713' },
				},
			],
		});
		await expect(chinaSms.fetchReplies!(ctx())).resolves.toEqual({ events: [], more: false });
	});

	it('flags content 0000 as unsubscribe', async () => {
		sim.queueReply('chinaSms', { mobile: '13800000001', text: '0000' });
		const page = await chinaSms.fetchReplies!(ctx());
		expect(page.events[0]).toMatchObject({ text: '0000', unsubscribe: true });
	});

	it('parses the readsms example verbatim', async () => {
		sim.queueRaw('chinaSms', 'reply', 'id=9586&err=成功&src=1393904****&msg=你好吗&dst=??????&time=200505241713');
		const page = await chinaSms.fetchReplies!(ctx());
		expect(page.events).toEqual([
			{
				type: 'reply',
				id: '9586',
				mobile: '1393904****',
				text: '你好吗',
				receivedAt: '2005-05-24T17:13:00+08:00',
				destination: '??????',
				extno: null,
				linkId: null,
				unsubscribe: false,
				raw: { id: '9586', err: '成功', src: '1393904****', msg: '你好吗', dst: '??????', time: '200505241713' },
			},
		]);
	});

	it('keeps a reply it cannot read as an event with parseError and the raw answer', async () => {
		sim.queueRaw('chinaSms', 'reply', 'id=77&err=成功&msg=没有号码');
		const page = await chinaSms.fetchReplies!(ctx());
		expect(page.more).toBe(true);
		expect(page.events).toEqual([
			expect.objectContaining({
				id: '77',
				mobile: null,
				text: '没有号码',
				parseError: 'could not read the reply: no src (mobile)',
				raw: { id: '77', err: '成功', msg: '没有号码', body: 'id=77&err=成功&msg=没有号码' },
			}),
		]);
	});

	it('throws on an answer that is no key=value text', async () => {
		sim.queueRaw('chinaSms', 'reply', 'Microsoft VBScript runtime error 800a000d');
		await expect(chinaSms.fetchReplies!(ctx())).rejects.toThrow(
			`${NAME}: unexpected response to the reply fetch: "Microsoft VBScript runtime error 800a000d"`,
		);
	});

	it('waits the documented 5 s between calls when drained (injected clock)', async () => {
		expect(chinaSms.limits.fetchSpacingMs).toBe(5000);
		sim.queueReply('chinaSms', { mobile: '13800000001', text: 'a' });
		sim.queueReply('chinaSms', { mobile: '13800000002', text: 'b' });
		let clock = 0;
		const waits: number[] = [];
		const result = await drain<InboundReply>(chinaSms, ctx(), 'replies', {
			maxCalls: 10,
			now: () => clock,
			sleep: async (ms) => {
				waits.push(ms);
				clock += ms;
			},
		});
		expect(result.events.map((e) => e.text)).toEqual(['a', 'b']);
		expect([result.calls, result.more, waits]).toEqual([3, false, [5000, 5000]]);
		// The fake clock did not really wait: the simulator saw the calls too close together.
		expect(sim.spacingViolations('chinaSms')).toHaveLength(2);
	});
});

describe('changePassword', () => {
	it('calls cpwd.asp and the new password works afterwards', async () => {
		await chinaSms.changePassword!(ctx(), 'newpass1');
		const req = only();
		expect([req.path, req.rawQuery]).toEqual(['/send/cpwd.asp', `${AUTH}&newpwd=newpass1`]);
		expect(req.response.toString('latin1')).toMatch(/^errid =0&err=/);
		await expect(chinaSms.getBalance!(ctx({ password: 'newpass1' }))).resolves.toMatchObject({ balance: 9586 });
		const old = await refusal(chinaSms.getBalance!(ctx()));
		expect(old.code).toBe('6010');
	});

	it.each([['abcd'], ['x'.repeat(20)]])('passwordProblems refuses %s (checked before changePassword is called)', (pwd) => {
		expect(chinaSms.passwordProblems!(pwd)).toEqual([`New Password must have 5 to 19 characters, it has ${pwd.length}`]);
		expect(chinaSms.passwordProblems!('x'.repeat(19))).toEqual([]);
		expect(chinaSms.passwordProblems!('abcde')).toEqual([]);
	});

	it('parses the cpwd example verbatim (`errid =0&err=成功`)', async () => {
		vendor().answerNext(CHINA_SMS_PATHS.password, 'errid =0&err=成功');
		await expect(chinaSms.changePassword!(ctx(), 'newpass1')).resolves.toBeUndefined();
	});

	it('keeps the new password out of errors', async () => {
		const error = await refusal(chinaSms.changePassword!(ctx({ password: 'wrong-pw' }), 'secret-new'));
		expect(error.message).toBe(`${NAME}: the user name or password is wrong (code 6010)`);
		expect(JSON.stringify(error)).not.toContain('secret-new');
	});
});

describe('gateway refusals: `<display name>: <reason> (code <code>)`, vendor text kept', () => {
	const send = (c: Record<string, string>, recipients: string[], message: string) => chinaSms.send!(ctx(c), { recipients, message });
	it.each([
		['6001', () => send({ username: 'nobody' }, ['13800000001'], 'hi'), 'the account is not valid (unknown or disabled user name)', '该企业用户无效'],
		['6010', () => send({ password: 'wrong' }, ['13800000001', '13800000002'], 'hi'), 'the user name or password is wrong', '企业用户验证失败'],
		['6012', () => send({ username: 'company-iplimit' }, ['13800000001'], 'hi'), 'the account accepts requests only from its registered IP addresses', '该企业用户设置了ip限制'],
		['6013', () => send({ username: 'company-nofee' }, ['13800000001'], 'hi'), 'the account balance is too low', '该企业用户余额不足'],
		['6005', () => send({}, ['13800000001'], '违禁内容'), 'the message contains characters the gateway does not allow', '发送内容中含非法字符'],
		['6014', () => send({}, ['13800000001'], ''), 'the message is empty', '发送短信内容不能为空!'],
		['6015', () => send({}, ['13800000001', '13800000002'], 'x'.repeat(61)), 'the message is longer than the gateway allows (60 characters, 40 to 小灵通/PHS numbers)', '短信内容超过了最大长度限制'],
		['6017', () => chinaSms.getBalance!(ctx({ username: 'company-feefail' })), 'the gateway could not read the account balance', '查询企业用户余额失败'],
		['6010', () => chinaSms.fetchReplies!(ctx({ password: 'wrong' })), 'the user name or password is wrong', '企业用户验证失败'],
	])('code %s', async (code, run, reason, vendorText) => {
		const error = await refusal(run());
		expect(error.message).toBe(`${NAME}: ${reason} (code ${code})`);
		expect([error.code, error.vendorMessage]).toEqual([code, vendorText]);
	});

	it('code 6016 (from the gateway)', async () => {
		vendor().answerNext(CHINA_SMS_PATHS.password, 'errid =6016&err=企业密码必须大于4个字符');
		const error = await refusal(chinaSms.changePassword!(ctx(), 'newpass1'));
		expect(error.message).toBe(`${NAME}: the password must be longer than 4 characters (code 6016)`);
	});

	it.each([
		['6008', '1380000', 'the mobile number is not valid'],
		['6009', CHINA_SMS_SIM.blacklisted, 'the number is on the blacklist'],
	])('code %s refuses the one number, not the request', async (code, number, reason) => {
		const outcome = await chinaSms.send!(ctx(), { recipients: [number], message: 'hi' });
		expect(outcome.recipients).toEqual([{ recipient: number, success: false, messageId: null, error: `${NAME}: ${reason} (code ${code})` }]);
		expect(outcome.messageIds).toEqual([]);
	});

	it('an undocumented code keeps the vendor text', async () => {
		vendor().answerNext(CHINA_SMS_PATHS.single, 'id=0&err=通道维护&errid=7001');
		const error = await refusal(chinaSms.send!(ctx(), { recipients: ['13800000001'], message: 'hi' }));
		expect(error.message).toBe(`${NAME}: the gateway refused the request with an undocumented code (code 7001)`);
		expect(error.vendorMessage).toBe('通道维护');
	});
});

describe('options and limits', () => {
	it('checks extno (sender): digits only, at most 8', () => {
		expect(chinaSms.sendProblems!({ message: 'hi', extno: '12345678' }, ['13800000001'])).toEqual([]);
		expect(chinaSms.sendProblems!({ message: 'hi', extno: '123456789' }, ['13800000001'])).toEqual(['Extension Number (sender) "123456789" must have at most 8 digits']);
		expect(chinaSms.sendProblems!({ message: 'hi', extno: '12a' }, ['13800000001'])).toEqual(['Extension Number (sender) "12a" must be digits only']);
	});

	it('documents its limits', () => {
		expect(chinaSms.limits).toEqual({ maxRecipientsPerRequest: 99, maxMessageLength: 60, fetchSpacingMs: 5000, fetchPageSize: 1, supportsSchedule: true });
		expect(chinaSms.credentialTypes).toEqual(['chinaSmsApi']);
	});
});
