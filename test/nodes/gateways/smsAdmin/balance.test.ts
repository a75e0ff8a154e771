/** SMSAdmin (通用短信平台) balance (seed 001 §5 user_info/) against the simulator and the document's answers. */
import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { parseBalance } from '../../../../nodes/gateways/smsAdmin/balance';
import { answeringContext, useSimulator } from '../../../support/simulator';
import { API, type Kind, PWD, ctxFor, only } from './helpers';

const sim = useSimulator();

test.each<Kind>(['plain', 'md5'])('%s credentials: GET user_info/', async (kind) => {
	const balance = await smsAdmin.getBalance!(ctxFor(sim(), kind));
	const req = only(sim());
	expect(req.method).toBe('GET');
	expect(req.path).toBe(`${API}user_info/`);
	expect(req.rawQuery).toBe(`uid=smsuser&pwd=${PWD[kind]}`);
	expect(req.body.length).toBe(0);
	expect(balance).toEqual({ balance: 1000, unit: 'messages', products: null, raw: { userId: 'smsuser', remaining: '1000' } });
});

test('the two-line answer of the vendor samples is read too', async () => {
	expect(await smsAdmin.getBalance!(answeringContext('smsAdmin', '用户ID=爱短信\n\n剩余资费=91'))).toEqual({
		balance: 91,
		unit: 'messages',
		products: null,
		raw: { userId: '爱短信', remaining: '91' },
	});
});

test('the document example (§5)', () => {
	expect(parseBalance('用户 ID=uid 剩余资费=91')).toEqual({ userId: 'uid', balance: 91, text: '91' });
	expect(parseBalance('用户ID=uid 剩余资费=12.5')).toEqual({ userId: 'uid', balance: 12.5, text: '12.5' });
	// The document's own placeholder is no number: refused, not read as 0.
	expect(parseBalance('用户 ID=uid 剩余资费=XXX')).toBeNull();
});
