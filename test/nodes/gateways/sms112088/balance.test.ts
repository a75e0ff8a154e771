/** 112088 Enterprise SMS (企业短信通) balance (seed 002 §1.1.4) against the simulator. */
import { sms112088 } from '../../../../nodes/gateways/sms112088';
import { useSimulator } from '../../../support/simulator';
import { AUTH, ctx, only } from './helpers';

const sim = useSimulator();

describe('getBalance', () => {
	it('reads Get_Account_Balance.asp as messages', async () => {
		const balance = await sms112088.getBalance!(ctx(sim()));
		const req = only(sim());
		expect([req.path, req.rawQuery]).toEqual(['/Get_Account_Balance.asp', AUTH]);
		expect(balance).toEqual({ balance: 10000, unit: 'messages', products: null, raw: { balance: '10000' } });
	});

	it('reads "0" as a zero balance, not an error', async () => {
		await expect(sms112088.getBalance!(ctx(sim(), { username: 'mysms-nofee' }))).resolves.toEqual({
			balance: 0,
			unit: 'messages',
			products: null,
			raw: { balance: '0' },
		});
	});
});
