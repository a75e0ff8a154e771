/** 18SMS balance (seed 003 额度查询 QueryBalance) against the simulator and the document's answers. */
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { sms18 } from '../../../../nodes/gateways/sms18';
import { SMS18_BALANCE_ERRORS } from '../../../../nodes/gateways/sms18/errors';
import { failure, useSimulator } from '../../../support/simulator';
import { NAME, ctx, documentClock, lastRequest, refusal, stubCtx, vendor } from './helpers';

const sim = useSimulator(documentClock);

describe('getBalance', () => {
	it('posts account and pswd and sums the products', async () => {
		const result = await sms18.getBalance!(ctx(sim()));
		const req = lastRequest(sim());
		expect([req.method, req.path, req.body.toString()]).toEqual(['POST', '/msg/QueryBalance', 'account=003547&pswd=Sd123456']);
		expect(result).toEqual({
			balance: 3000,
			unit: 'messages',
			products: [
				{ product: '1234567', balance: 1000 },
				{ product: '1234531', balance: 2000 },
			],
			raw: {
				resptime: '20110725160412',
				respstatus: '0',
				products: [
					{ product: '1234567', balance: '1000' },
					{ product: '1234531', balance: '2000' },
				],
			},
		});
	});

	it('103 means queried too fast (advise 10 s)', async () => {
		vendor(sim()).configure({ balanceIntervalMs: 10_000 });
		await sms18.getBalance!(ctx(sim()));
		const error = await refusal(sms18.getBalance!(ctx(sim())));
		expect(error.message).toBe(`${NAME}: ${SMS18_BALANCE_ERRORS['103'].reason} (code 103)`);
		expect(error.message).toContain('10 seconds');
	});

	it.each([
		['101', { account: '000000' }],
		['102', { password: 'nope-nope' }],
	])('%s at the balance query', async (code, credentials) => {
		const error = await refusal(sms18.getBalance!(ctx(sim(), credentials)));
		expect(error.message).toBe(`${NAME}: ${SMS18_BALANCE_ERRORS[code].reason} (code ${code})`);
	});
});

describe("the document's balance answer, verbatim (seed 003 附录)", () => {
	it('额度查询: 20130303180000,0 / 1234567,1000 / 1234531,2000 (CRLF too)', async () => {
		for (const body of ['20130303180000,0\n\n\n1234567,1000\n\n\n1234531,2000\n\n\n\n\n\n\n\n\n', '20130303180000,0\r\n1234567,1000\r\n1234531,2000\r\n']) {
			const result = await sms18.getBalance!(stubCtx(body));
			expect([result.balance, result.products]).toEqual([
				3000,
				[
					{ product: '1234567', balance: 1000 },
					{ product: '1234531', balance: 2000 },
				],
			]);
		}
	});

	it('a balance answer with no product lines is zero', async () => {
		const result = await sms18.getBalance!(stubCtx('20130303180000,0'));
		expect([result.balance, result.products]).toEqual([0, []]);
	});

	it('a garbled product line is no answer of the document', async () => {
		const error = await failure(sms18.getBalance!(stubCtx('20130303180000,0\n1234567;1000')), TransportError);
		expect(error.message).toBe(`${NAME}: unexpected response to the balance query: "20130303180000,0 1234567;1000"`);
	});
});
