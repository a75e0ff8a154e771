/** 18SMS sending (seed 003 HttpBatchSendSM) against the simulator: exact UTF-8 requests, outputs, every refusal. */
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { sms18 } from '../../../../nodes/gateways/sms18';
import { SMS18_SEND_ERRORS } from '../../../../nodes/gateways/sms18/errors';
import { failure, useSimulator } from '../../../support/simulator';
import { NAME, ctx, documentClock, lastRequest, refusal, stubCtx, vendor } from './helpers';

const DOC_MESSAGE = '您好，您的验证码：1234';
const DOC_MESSAGE_UTF8 = '%E6%82%A8%E5%A5%BD%EF%BC%8C%E6%82%A8%E7%9A%84%E9%AA%8C%E8%AF%81%E7%A0%81%EF%BC%9A1234';

const sim = useSimulator(documentClock);

describe('send', () => {
	it('posts the document example as UTF-8 form and returns the msgid', async () => {
		const outcome = await sms18.send!(ctx(sim()), { recipients: ['15924188183'], message: DOC_MESSAGE });
		const req = lastRequest(sim());
		expect(req.method).toBe('POST');
		expect(req.path).toBe('/msg/HttpBatchSendSM');
		expect(req.rawQuery).toBe('');
		expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
		expect(req.body.toString('latin1')).toBe(
			`account=003547&pswd=Sd123456&mobile=15924188183&msg=${DOC_MESSAGE_UTF8}&needstatus=true&extno=`,
		);
		expect(req.response.toString('utf8')).toBe('20110725160412,0\n1234567890100');
		expect(outcome).toEqual({
			recipients: [{ recipient: '15924188183', success: true, messageId: '1234567890100' }],
			messageIds: ['1234567890100'],
			raw: { resptime: '20110725160412', respstatus: '0', msgid: '1234567890100' },
		});
		expect(sim().sent('sms18')).toEqual([
			expect.objectContaining({ mobile: '15924188183', message: DOC_MESSAGE, messageId: '1234567890100', product: null, extno: null }),
		]);
	});

	it('sends several numbers comma-separated with product, extno and needstatus=false: no msgid', async () => {
		const outcome = await sms18.send!(ctx(sim()), {
			recipients: ['13800138000', '13900139000'],
			message: 'Meeting at 3pm',
			product: '1234531',
			extno: '01',
			statusReport: false,
		});
		expect(lastRequest(sim()).body.toString('latin1')).toBe(
			'account=003547&pswd=Sd123456&mobile=13800138000%2C13900139000&msg=Meeting%20at%203pm&needstatus=false&product=1234531&extno=01',
		);
		expect(lastRequest(sim()).response.toString()).toBe('20110725160412,0');
		expect(outcome).toEqual({
			recipients: [
				{ recipient: '13800138000', success: true, messageId: null },
				{ recipient: '13900139000', success: true, messageId: null },
			],
			messageIds: [],
			raw: { resptime: '20110725160412', respstatus: '0', msgid: null },
		});
		expect(sim().sent('sms18').map((m) => [m.mobile, m.product, m.extno])).toEqual([
			['13800138000', '1234531', '01'],
			['13900139000', '1234531', '01'],
		]);
	});

	it("uses the credential's default product unless the option names another", async () => {
		await sms18.send!(ctx(sim(), { product: '1234531' }), { recipients: ['13800138000'], message: 'a' });
		expect(lastRequest(sim()).body.toString()).toContain('&needstatus=true&product=1234531&extno=');
		await sms18.send!(ctx(sim(), { product: '1234531' }), { recipients: ['13800138000'], message: 'a', product: '1234567' });
		expect(lastRequest(sim()).body.toString()).toContain('&needstatus=true&product=1234567&extno=');
	});

	it('accepts 536 characters and 50000 numbers in one request', async () => {
		vendor(sim()).configure({ products: [['1234567', 10_000_000]] });
		const recipients = Array.from({ length: 50_000 }, (_, i) => `138${String(i).padStart(8, '0')}`);
		const outcome = await sms18.send!(ctx(sim()), { recipients, message: '字'.repeat(536) });
		expect(sim().requests('sms18')).toHaveLength(1);
		expect(outcome.recipients).toHaveLength(50_000);
		expect(outcome.messageIds).toEqual(['1234567890100']);
	});
});

describe('send refusals', () => {
	it.each(Object.entries(SMS18_SEND_ERRORS))('code %s reads "<name>: <reason> (code %s)"', async (code, entry) => {
		vendor(sim()).failNext('send', Number(code));
		const error = await refusal(sms18.send!(ctx(sim()), { recipients: ['13800138000'], message: 'a' }));
		expect(error.message).toBe(`${NAME}: ${entry.reason} (code ${code})`);
		expect(error.code).toBe(code);
		expect(error.vendorMessage).toBe(entry.vendorText);
	});

	it.each([
		['101', { account: '999999' }, {}],
		['102', { password: 'wrong-pw' }, {}],
		['105', {}, { message: '这是敏感词' }],
		['107', {}, { recipients: ['01012345678'] }],
		['109', {}, { recipients: Array.from({ length: 1001 }, (_, i) => `139${String(i).padStart(8, '0')}`) }],
		['112', {}, { product: '7654321' }],
		['113', {}, { extno: '12345678901' }],
	])('the simulator answers %s for the documented cause', async (code, credentials, request) => {
		const error = await refusal(sms18.send!(ctx(sim(), credentials), { recipients: ['13800138000'], message: 'a', ...request }));
		expect(error.message).toBe(`${NAME}: ${SMS18_SEND_ERRORS[code].reason} (code ${code})`);
		expect(sim().sent('sms18')).toHaveLength(0);
	});

	it('108 when fewer numbers than the configured group minimum', async () => {
		vendor(sim()).configure({ minRecipients: 2 });
		const error = await refusal(sms18.send!(ctx(sim()), { recipients: ['13800138000'], message: 'a' }));
		expect(error.message).toBe(`${NAME}: ${SMS18_SEND_ERRORS['108'].reason} (code 108)`);
	});

	it('an undocumented status keeps the status line as the vendor message', async () => {
		vendor(sim()).failNext('send', 114);
		const error = await refusal(sms18.send!(ctx(sim()), { recipients: ['13800138000'], message: 'a' }));
		expect(error.message).toBe(`${NAME}: the gateway refused the request with an undocumented status (code 114)`);
		expect(error.vendorMessage).toBe('20110725160412,114');
	});

	it('never puts the password in errors', async () => {
		const error = await refusal(sms18.send!(ctx(sim()), { recipients: ['01012345678'], message: 'a' }));
		expect(JSON.stringify({ ...error, message: error.message })).not.toContain('Sd123456');
	});
});

describe("the document's send answers, verbatim (seed 003 附录)", () => {
	it('提交成功: 20110725160412,0 / 1234567890100', async () => {
		const outcome = await sms18.send!(stubCtx('20110725160412,0\n\n\n1234567890100\n\n\n\n\n\n'), { recipients: ['13800138000'], message: 'a' });
		expect(outcome.messageIds).toEqual(['1234567890100']);
		expect(outcome.raw).toEqual({ resptime: '20110725160412', respstatus: '0', msgid: '1234567890100' });
	});

	it('提交失败: 20110725160412,101', async () => {
		const error = await refusal(sms18.send!(stubCtx('20110725160412,101\n\n\n\n\n\n'), { recipients: ['13800138000'], message: 'a' }));
		expect(error.message).toBe(`${NAME}: no such account (code 101)`);
	});


	it('a second msgid line is no answer of the document', async () => {
		const error = await failure(sms18.send!(stubCtx('20110725160412,0\n123\n456'), { recipients: ['13800138000'], message: 'a' }), TransportError);
		expect(error.message).toBe(`${NAME}: unexpected response to send: "20110725160412,0 123 456"`);
	});
});

describe('sendProblems: what only 18SMS refuses, run for every item before anything is sent', () => {
	it('checks extno digits only', () => {
		expect(sms18.sendProblems!({ message: 'a', extno: '0123' }, ['13800000001'])).toEqual([]);
		expect(sms18.sendProblems!({ message: 'a', extno: '12-3' }, ['13800000001'])).toEqual(['extno "12-3" must be digits only (18SMS answers 113 otherwise)']);
	});

	it("scheduling, the number count and the length are the common checks' (the declaration's limits): not asked twice", () => {
		expect(sms18.sendProblems!({ message: '字'.repeat(537), sendAt: new Date('2030-01-01T00:00:00Z') }, [])).toEqual([]);
	});
});
