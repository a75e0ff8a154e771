/** SMS10692 balance (seed 004 §2 action=overage) against the simulator and the document's answer. */
import { GatewayError } from '../../../../nodes/gateways/kit/errors';
import { sms10692 } from '../../../../nodes/gateways/sms10692';
import { failure, useSimulator } from '../../../support/simulator';
import { NAME, SIGNED, ctx, documentClock, lastRequest, stubCtx } from './helpers';

const sim = useSimulator(documentClock);

it('posts action=overage and reads the `Sucess` answer', async () => {
	const result = await sms10692.getBalance!(ctx(sim()));
	expect([lastRequest(sim()).path, lastRequest(sim()).body.toString()]).toEqual(['/v2sms.aspx', `action=overage&${SIGNED}`]);
	expect(result).toEqual({
		balance: 10000,
		unit: 'messages',
		products: null,
		raw: { returnstatus: 'Sucess', message: '', payinfo: '预付费', overage: '10000', sendTotal: '10000' },
	});
});

it('uses the GBK endpoint when the credential says so, and refuses a wrong password', async () => {
	const gbk = await sms10692.getBalance!(ctx(sim(), { charset: 'gbk' }));
	expect([lastRequest(sim()).path, gbk.raw.payinfo]).toEqual(['/v2smsGBK.aspx', '预付费']);
	const error = await failure(sms10692.getBalance!(ctx(sim(), { password: 'nope' })), GatewayError);
	expect([error.code, error.vendorMessage]).toEqual(['badLogin', '用户名或密码错误']);
});

it('§2.3 balance answer (Sucess, and Success as elsewhere)', async () => {
	const body = `<?xml version="1.0" encoding="utf-8" ?>

<returnsms>

<returnstatus>Sucess</returnstatus>-------返回状态值：成功返回Sucess (注意：此处是Sucess，和其它接口返回的Success不同)失败返回：Faild

<message></message>--------------返回信息提示：见下表
<payinfo>后付费</payinfo>--------------返回支付方式  后付费，预付费
<overage>1502</overage>-------------返回余额
<sendTotal>20000</sendTotal>----返回总点数  当支付方式为预付费是返回总充值点数
</returnsms>`;
	for (const text of [body, body.replace('>Sucess<', '>Success<')]) {
		const result = await sms10692.getBalance!(stubCtx(text));
		expect([result.balance, result.raw.payinfo, result.raw.sendTotal]).toEqual([1502, '后付费', '20000']);
	}
});

it('an answer that cannot be understood names the contradicted prolog', async () => {
	const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8" ?><returnsms><message>'), Buffer.from([0xc4, 0xda]), Buffer.from('</message></returnsms>')]);
	const error = await failure(sms10692.getBalance!(stubCtx(body)), Error);
	expect(error.message).toBe(
		`${NAME}: unexpected response to the balance query: "${body.toString('utf8')}". The answer looks like GBK although its XML prolog declares UTF-8, so it was read as UTF-8 and its Chinese text may be garbled: the gateway mislabels its answers, so tell its vendor.`,
	);
});
