/** China SMS (中国短信) balance (seed 000 §3 getfee.asp) against the simulator. */
import { CHINA_SMS_PATHS, chinaSms } from '../../../../nodes/gateways/chinaSms';
import { useSimulator } from '../../../support/simulator';
import { AUTH, NAME, ctx, only, refusal, vendor } from './helpers';

const sim = useSimulator();

describe('getBalance', () => {
	it('reads getfee.asp as a balance in yuan', async () => {
		const balance = await chinaSms.getBalance!(ctx(sim()));
		const req = only(sim());
		expect([req.method, req.path, req.rawQuery]).toEqual(['GET', '/send/getfee.asp', AUTH]);
		expect(balance).toEqual({ balance: 9586, unit: 'yuan', products: null, raw: { id: '9586', err: '成功', errid: '0', short: '企业简称' } });
	});

	it('reads a zero balance as 0, not an error', async () => {
		await expect(chinaSms.getBalance!(ctx(sim(), { username: 'company-nofee' }))).resolves.toMatchObject({ balance: 0, unit: 'yuan' });
	});

	it('parses the getfee example verbatim', async () => {
		vendor(sim()).answerNext(CHINA_SMS_PATHS.balance, 'id=9586&err=成功&errid=0&short=企业简称');
		await expect(chinaSms.getBalance!(ctx(sim()))).resolves.toMatchObject({ balance: 9586, raw: { short: '企业简称' } });
	});

	it('treats id=-9999 without errid as failure (code -9999)', async () => {
		vendor(sim()).answerNext(CHINA_SMS_PATHS.balance, 'id=-9999&err=失败');
		const error = await refusal(chinaSms.getBalance!(ctx(sim())));
		expect(error.message).toBe(`${NAME}: the gateway could not read the account balance (code -9999)`);
		expect(error.vendorMessage).toBe('失败');
	});
});
