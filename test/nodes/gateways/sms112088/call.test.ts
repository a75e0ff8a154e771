/** Calling 112088 Enterprise SMS (企业短信通): the credential, and every refusal `<display name>: <reason> (code <code>)`. */
import { InputError } from '../../../../nodes/gateways/kit/errors';
import { SMS112088_PATHS, sms112088 } from '../../../../nodes/gateways/sms112088';
import { failure, useSimulator } from '../../../support/simulator';
import { NAME, ctx, numbers, refusal, vendor } from './helpers';

const sim = useSimulator();

test('a credential without user name or password is refused before any request', async () => {
	const noName = await failure(sms112088.getBalance!(ctx(sim(), { username: ' ' })), InputError);
	expect(noName.message).toBe(`${NAME}: the credential has no user name`);
	const noPassword = await failure(sms112088.getBalance!(ctx(sim(), { password: '' })), InputError);
	expect(noPassword.message).toBe(`${NAME}: the credential has no password`);
	expect(sim().requests('sms112088')).toEqual([]);
});

describe('gateway refusals: `<display name>: <reason> (code <code>)`', () => {
	const send = (c: Record<string, string>, recipients: string[], message: string) => sms112088.send!(ctx(sim(), c), { recipients, message });
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
		const c = ctx(sim(), credentials);
		const run = kind === 'reports' ? sms112088.fetchReports!(c) : sms112088.fetchReplies!(c);
		expect((await refusal(run)).message).toBe(`${NAME}: ${reason} (code ${code})`);
	});

	it.each([
		['-1', { username: 'nobody' }, 'the account does not exist'],
		['-7', { password: 'wrong' }, 'the user name or password is wrong'],
	])('balance code %s', async (code, credentials, reason) => {
		expect((await refusal(sms112088.getBalance!(ctx(sim(), credentials)))).message).toBe(`${NAME}: ${reason} (code ${code})`);
	});

	it('an undocumented code keeps the answer', async () => {
		vendor(sim()).answerNext(SMS112088_PATHS.send, '-12');
		const error = await refusal(sms112088.send!(ctx(sim()), { recipients: ['13800000001'], message: 'hi' }));
		expect([error.message, error.vendorMessage]).toEqual([`${NAME}: the gateway refused the request with an undocumented code (code -12)`, '-12']);
	});
});
