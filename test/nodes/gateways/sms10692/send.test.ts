/** SMS10692 sending (seed 004 §1) against the simulator: exact signed requests, UTF-8 and GBK endpoints, every refusal. */
import { GatewayError, TransportError } from '../../../../nodes/gateways/kit/errors';
import { sms10692 } from '../../../../nodes/gateways/sms10692';
import { SMS10692_MESSAGES } from '../../../../nodes/gateways/sms10692/errors';
import { failure, useSimulator } from '../../../support/simulator';
import { NAME, NOW, SIGNED, ctx, documentClock, lastRequest, stubCtx, vendor } from './helpers';

const sim = useSimulator(documentClock);

describe('send', () => {
	it("posts the document's example, signed md5(test+mima+20120701231212) = 5cc68982…", async () => {
		const outcome = await sms10692.send!(ctx(sim()), { recipients: ['15023239810', '13527576163'], message: '内容' });
		const req = lastRequest(sim());
		expect([req.method, req.path, req.rawQuery]).toEqual(['POST', '/v2sms.aspx', '']);
		expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
		expect(req.body.toString('latin1')).toBe(
			`action=send&${SIGNED}&mobile=15023239810%2C13527576163&content=%E5%86%85%E5%AE%B9&sendTime=&extno=`,
		);
		expect(outcome).toEqual({
			recipients: [
				{ recipient: '15023239810', success: true, messageId: '1212' },
				{ recipient: '13527576163', success: true, messageId: '1212' },
			],
			messageIds: ['1212'],
			raw: { returnstatus: 'Success', message: 'ok', remainpoint: '9998', taskID: '1212', successCounts: '2' },
		});
		expect(sim().sent('sms10692').map((m) => [m.mobile, m.message, m.messageId])).toEqual([
			['15023239810', '内容', '1212'],
			['13527576163', '内容', '1212'],
		]);
	});

	it('sends sendTime as yyyy-MM-dd HH:mm:ss China time and keeps extno 01', async () => {
		await sms10692.send!(ctx(sim()), { recipients: ['15023239810'], message: 'hi', sendAt: new Date('2012-07-02T00:00:00Z'), extno: '01' });
		expect(lastRequest(sim()).body.toString('latin1')).toBe(
			`action=send&${SIGNED}&mobile=15023239810&content=hi&sendTime=2012-07-02%2008%3A00%3A00&extno=01`,
		);
		expect(sim().sent('sms10692')[0]).toEqual(expect.objectContaining({ sendAt: '2012-07-02 08:00:00', extno: '01' }));
	});

	it('posts GBK bytes to /v2smsGBK.aspx, GBK-only characters included, and reads the GB2312 answer', async () => {
		const outcome = await sms10692.send!(ctx(sim(), { charset: 'gbk' }), { recipients: ['15023239810'], message: '朱镕基你好' });
		const req = lastRequest(sim());
		expect(req.path).toBe('/v2smsGBK.aspx');
		expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=GBK');
		expect(req.body.toString('latin1')).toBe(`action=send&${SIGNED}&mobile=15023239810&content=%D6%EC%E9F%BB%F9%C4%E3%BA%C3&sendTime=&extno=`);
		expect(req.response.toString('latin1')).toContain('encoding="gb2312"');
		expect(sim().sent('sms10692')[0].message).toBe('朱镕基你好');
		expect(outcome.messageIds).toEqual(['1212']);
	});

	it('§1.3 send answer, as the document lays it out (annotations included)', async () => {
		const body = `<?xml version="1.0" encoding="utf-8" ?>

<returnsms>

<returnstatus>Success</returnstatus> ---------- 返回状态值：成功返回Success 失败返回：Faild

<message>ok</message> ---------- 返回信息：见下表
<remainpoint> 9870</remainpoint> ---------- 返回余额
<taskID>1504</taskID>  -----------  返回本次任务的序列ID

<successCounts>1</successCounts> --成功短信数：当成功后返回提交成功短信数
</returnsms>`;
		const outcome = await sms10692.send!(stubCtx(body), { recipients: ['15023239810'], message: 'x' });
		expect([outcome.messageIds, outcome.raw]).toEqual([['1504'], { returnstatus: 'Success', message: 'ok', remainpoint: '9870', taskID: '1504', successCounts: '1' }]);
		const failed = body.replace('>Success<', '>Faild<').replace('>ok<', '>对不起，您当前要发送的量大于您当前余额<');
		expect((await failure(sms10692.send!(stubCtx(failed), { recipients: ['15023239810'], message: 'x' }), GatewayError)).code).toBe('insufficientBalance');
	});

	it('a send answer with an unknown returnstatus is unexpected', async () => {
		const error = await failure(sms10692.send!(stubCtx('<returnsms><returnstatus>Maybe</returnstatus></returnsms>'), { recipients: ['15023239810'], message: 'x' }), TransportError);
		expect(error.message).toBe(`${NAME}: unexpected response to send: "<returnsms><returnstatus>Maybe</returnstatus></returnsms>"`);
	});
});

describe('send refusals (texts without numbers: our stable codes)', () => {
	it.each(SMS10692_MESSAGES.map((m) => [m.code, m]))('%s', async (code, entry) => {
		const said = entry.prefix ? `${entry.text}：违禁词,赌博` : entry.text;
		vendor(sim()).failNext('send', said);
		const error = await failure(sms10692.send!(ctx(sim()), { recipients: ['15023239810'], message: 'x' }), GatewayError);
		const reason = entry.prefix ? `${entry.reason} ("违禁词,赌博")` : entry.reason;
		expect(error.message).toBe(`${NAME}: ${reason} (code ${code})`);
		expect(error.vendorMessage).toBe(said);
	});

	it.each([
		['badLogin', { password: 'wrong' }, {}, NOW],
		['badLogin', {}, {}, new Date(NOW.getTime() + 11 * 60 * 1000)],
		['emptyLogin', { userId: '' }, {}, NOW],
		['illegalWords', {}, { message: '这是违禁词' }, NOW],
		['sqlInjection', {}, { message: "x' or '1'='1" }, NOW],
		['insufficientBalance', {}, { message: '字'.repeat(71) }, NOW],
	])('the simulator answers %s for its documented cause', async (code, credentials, request, now) => {
		vendor(sim()).configure({ balance: 1 });
		const error = await failure(sms10692.send!(ctx(sim(), credentials, now), { recipients: ['15023239810'], message: 'x', ...request }), GatewayError);
		expect(error.code).toBe(code);
		expect(error.message).toMatch(new RegExp(`^SMS10692 \\(sms10692\\.com\\): .+ \\(code ${code}\\)$`));
		expect(sim().sent('sms10692')).toEqual([]);
		expect(JSON.stringify({ ...error, m: error.message })).not.toMatch(/mima|5cc68982/);
	});

	it('an undocumented text is code unknown with the text kept', async () => {
		vendor(sim()).failNext('send', '账户已冻结');
		const error = await failure(sms10692.send!(ctx(sim()), { recipients: ['15023239810'], message: 'x' }), GatewayError);
		expect([error.message, error.vendorMessage]).toEqual([`${NAME}: the gateway refused the request (code unknown)`, '账户已冻结']);
	});
});

describe('sendProblems: what only SMS10692 refuses, run for every item before anything is sent', () => {
	it('extno: digits, at most 10', () => {
		expect(sms10692.sendProblems!({ message: 'x', extno: '0123456789' }, ['13800000001'])).toEqual([]);
		expect(sms10692.sendProblems!({ message: 'x', extno: '01234567890' }, ['13800000001'])).toEqual(['extno "01234567890" must be 1 to 10 digits']);
		expect(sms10692.sendProblems!({ message: 'x', extno: '1a' }, ['13800000001'])).toEqual(['extno "1a" must be 1 to 10 digits']);
	});

	it("the charset the endpoint carries is the common checks' (with the credential's charset): not asked twice", () => {
		expect(sms10692.sendProblems!({ message: 'hi 😀' }, ['13800000001'])).toEqual([]);
	});
});
