/** Calling SMSAdmin (通用短信平台): the credential, the code answers (seed 001 §2–§8), one refusal per return-code family. */
import { GatewayError, InputError, TransportError } from '../../../../nodes/gateways/kit/errors';
import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { parseCodeAnswer } from '../../../../nodes/gateways/smsAdmin/call';
import { SMSADMIN_SIM } from '../../../simulator/vendors/smsAdmin';
import { answeringContext, failure, useSimulator } from '../../../support/simulator';
import { type Kind, ctxFor } from './helpers';

const sim = useSimulator();
const prefix = 'SMSAdmin (通用短信平台): ';

test('the code answers of the document (§2–§4), with and without the space after the code', () => {
	expect(parseCodeAnswer('0 发送成功!')).toEqual({ code: '0', text: '发送成功!' });
	expect(parseCodeAnswer('0发送成功!')).toEqual({ code: '0', text: '发送成功!' });
	expect(parseCodeAnswer('7 超过 XX 个字,请修改后发送!')).toEqual({ code: '7', text: '超过 XX 个字,请修改后发送!' });
	expect(parseCodeAnswer('3 超过发送最大量 100 条')).toEqual({ code: '3', text: '超过发送最大量 100 条' });
	expect(parseCodeAnswer('150')).toEqual({ code: '150', text: '' });
	expect(parseCodeAnswer('160')).toEqual({ code: '160', text: '' });
	expect(parseCodeAnswer('13761836811/2014-10-11 18:39:24//收到/56666')).toBeNull();
});

test('a credential without user ID or password is refused before any request', async () => {
	const noUser = await failure(smsAdmin.getBalance!(ctxFor(sim(), 'plain', { userId: ' ' })), InputError);
	expect(noUser.message).toBe(`${prefix}the credential has no user ID`);
	const noPassword = await failure(smsAdmin.getBalance!(ctxFor(sim(), 'md5', { passwordMd5: '' })), InputError);
	expect(noPassword.message).toBe(`${prefix}the credential has no password`);
	expect(sim().requests('smsAdmin')).toEqual([]);
});

describe('refusals: one per return-code family', () => {
	test.each<Kind>(['plain', 'md5'])('%s credentials, code 1 at every endpoint; no secret in the error', async (kind) => {
		const wrong: Record<string, string> = kind === 'plain' ? { password: 'nope' } : { passwordMd5: 'nope' };
		const ctx = ctxFor(sim(), kind, wrong);
		const calls = [
			smsAdmin.send!(ctx, { recipients: ['13800138000'], message: 'hi' }),
			smsAdmin.sendTemplate!(ctx, { template: 'hi', rows: [{ recipient: '13800138000', values: [] }] }),
			smsAdmin.getBalance!(ctx),
			smsAdmin.checkContent!(ctx, 'hi'),
			smsAdmin.fetchReplies!(ctx),
			smsAdmin.fetchReports!(ctx),
		];
		for (const call of calls) {
			const error = await failure(call, GatewayError);
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
		const error = await failure(smsAdmin.send!(ctxFor(sim(), 'plain'), { recipients: [number], message: 'hi' }), GatewayError);
		expect([error.message, error.vendorMessage]).toEqual([`${prefix}${reason} (code ${code})`, vendorMessage]);
	});

	test('code 7 carries the channel limit', async () => {
		const error = await failure(smsAdmin.send!(ctxFor(sim(), 'md5'), { recipients: ['13800138000'], message: '字'.repeat(301) }), GatewayError);
		expect(error.message).toBe(`${prefix}the message is longer than this channel allows (at most 300 characters) (code 7)`);
		expect(error.vendorMessage).toBe('7 超过 300 个字,请修改后发送!');
	});

	test.each([
		['3 超过发送最大量 1000 条', `${prefix}too many recipients in one request (at most 1000 numbers) (code 3)`],
		['3超过发送最大量100条!', `${prefix}too many recipients in one request (at most 100 numbers) (code 3)`],
		['5 手机号或发送信息不能为空!', `${prefix}the mobile number or the message is empty (code 5)`],
		['8用户已冻结，请联系客服人员！', `${prefix}the user ID is frozen: contact customer service (code 8)`],
	])('answer "%s"', async (body, message) => {
		const error = await failure(smsAdmin.send!(answeringContext('smsAdmin', body), { recipients: ['13800138000'], message: 'hi' }), GatewayError);
		expect(error.message).toBe(message);
	});

	test('an undocumented code is an unexpected response quoting it', async () => {
		const error = await failure(smsAdmin.send!(answeringContext('smsAdmin', '6 包含敏感字符'), { recipients: ['13800138000'], message: 'hi' }), TransportError);
		expect(error.message).toBe('SMSAdmin (通用短信平台): unexpected response to the send request: "6 包含敏感字符"');
		expect(error.mayHaveReached).toBe(true);
	});

	test('an unexpected answer quoting the password has it removed', async () => {
		const error = await failure(smsAdmin.getBalance!(answeringContext('smsAdmin', '<p>uid=smsuser pw-Admin#2</p>')), TransportError);
		expect(error.message).toBe('SMSAdmin (通用短信平台): unexpected response to the balance query: "<p>uid=smsuser ***</p>"');
	});
});
