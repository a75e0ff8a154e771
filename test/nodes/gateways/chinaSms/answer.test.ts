/** China SMS (中国短信) answers and refusals: `<display name>: <reason> (code <errid>)`, the vendor's text kept. */
import { CHINA_SMS_PATHS, chinaSms } from '../../../../nodes/gateways/chinaSms';
import { InputError } from '../../../../nodes/gateways/kit/errors';
import { failure, useSimulator } from '../../../support/simulator';
import { NAME, ctx, refusal, vendor } from './helpers';

const sim = useSimulator();

it('a credential without user name or password is refused before any request', async () => {
	const noName = await failure(chinaSms.getBalance!(ctx(sim(), { username: ' ' })), InputError);
	expect(noName.message).toBe(`${NAME}: the credential has no user name`);
	const noPassword = await failure(chinaSms.getBalance!(ctx(sim(), { password: '' })), InputError);
	expect(noPassword.message).toBe(`${NAME}: the credential has no password`);
	expect(sim().requests('chinaSms')).toEqual([]);
});

describe('gateway refusals: `<display name>: <reason> (code <code>)`, vendor text kept', () => {
	const send = (c: Record<string, string>, recipients: string[], message: string) => chinaSms.send!(ctx(sim(), c), { recipients, message });
	it.each([
		['6001', () => send({ username: 'nobody' }, ['13800000001'], 'hi'), 'the account is not valid (unknown or disabled user name)', '该企业用户无效'],
		['6010', () => send({ password: 'wrong' }, ['13800000001', '13800000002'], 'hi'), 'the user name or password is wrong', '企业用户验证失败'],
		['6012', () => send({ username: 'company-iplimit' }, ['13800000001'], 'hi'), 'the account accepts requests only from its registered IP addresses', '该企业用户设置了ip限制'],
		['6013', () => send({ username: 'company-nofee' }, ['13800000001'], 'hi'), 'the account balance is too low', '该企业用户余额不足'],
		['6005', () => send({}, ['13800000001'], '违禁内容'), 'the message contains characters the gateway does not allow', '发送内容中含非法字符'],
		['6014', () => send({}, ['13800000001'], ''), 'the message is empty', '发送短信内容不能为空!'],
		['6015', () => send({}, ['13800000001', '13800000002'], 'x'.repeat(61)), 'the message is longer than the gateway allows (60 characters, 40 to 小灵通/PHS numbers)', '短信内容超过了最大长度限制'],
		['6017', () => chinaSms.getBalance!(ctx(sim(), { username: 'company-feefail' })), 'the gateway could not read the account balance', '查询企业用户余额失败'],
		['6010', () => chinaSms.fetchReplies!(ctx(sim(), { password: 'wrong' })), 'the user name or password is wrong', '企业用户验证失败'],
	])('code %s', async (code, run, reason, vendorText) => {
		const error = await refusal(run());
		expect(error.message).toBe(`${NAME}: ${reason} (code ${code})`);
		expect([error.code, error.vendorMessage]).toEqual([code, vendorText]);
	});

	it('code 6016 (from the gateway)', async () => {
		vendor(sim()).answerNext(CHINA_SMS_PATHS.password, 'errid =6016&err=企业密码必须大于4个字符');
		const error = await refusal(chinaSms.changePassword!(ctx(sim()), 'newpass1'));
		expect(error.message).toBe(`${NAME}: the password must be longer than 4 characters (code 6016)`);
	});

	it('an undocumented code keeps the vendor text', async () => {
		vendor(sim()).answerNext(CHINA_SMS_PATHS.single, 'id=0&err=通道维护&errid=7001');
		const error = await refusal(chinaSms.send!(ctx(sim()), { recipients: ['13800000001'], message: 'hi' }));
		expect(error.message).toBe(`${NAME}: the gateway refused the request with an undocumented code (code 7001)`);
		expect(error.vendorMessage).toBe('通道维护');
	});
});
