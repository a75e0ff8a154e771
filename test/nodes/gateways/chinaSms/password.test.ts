/** China SMS (中国短信) password change (seed 000 §4 cpwd.asp) against the simulator. */
import { CHINA_SMS_PATHS, chinaSms } from '../../../../nodes/gateways/chinaSms';
import { useSimulator } from '../../../support/simulator';
import { AUTH, NAME, ctx, only, refusal, vendor } from './helpers';

const sim = useSimulator();

describe('changePassword', () => {
	it('calls cpwd.asp and the new password works afterwards', async () => {
		await chinaSms.changePassword!(ctx(sim()), 'newpass1');
		const req = only(sim());
		expect([req.path, req.rawQuery]).toEqual(['/send/cpwd.asp', `${AUTH}&newpwd=newpass1`]);
		expect(req.response.toString('latin1')).toMatch(/^errid =0&err=/);
		await expect(chinaSms.getBalance!(ctx(sim(), { password: 'newpass1' }))).resolves.toMatchObject({ balance: 9586 });
		const old = await refusal(chinaSms.getBalance!(ctx(sim())));
		expect(old.code).toBe('6010');
	});

	it.each([['abcd'], ['x'.repeat(20)]])('passwordProblems refuses %s (checked before changePassword is called)', (pwd) => {
		expect(chinaSms.passwordProblems!(pwd)).toEqual([`New Password must have 5 to 19 characters, it has ${pwd.length}`]);
		expect(chinaSms.passwordProblems!('x'.repeat(19))).toEqual([]);
		expect(chinaSms.passwordProblems!('abcde')).toEqual([]);
	});

	it('parses the cpwd example verbatim (`errid =0&err=成功`)', async () => {
		vendor(sim()).answerNext(CHINA_SMS_PATHS.password, 'errid =0&err=成功');
		await expect(chinaSms.changePassword!(ctx(sim()), 'newpass1')).resolves.toBeUndefined();
	});

	it('keeps the new password out of errors', async () => {
		const error = await refusal(chinaSms.changePassword!(ctx(sim(), { password: 'wrong-pw' }), 'secret-new'));
		expect(error.message).toBe(`${NAME}: the user name or password is wrong (code 6010)`);
		expect(JSON.stringify(error)).not.toContain('secret-new');
	});
});
