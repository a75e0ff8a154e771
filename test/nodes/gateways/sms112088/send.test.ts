/** 112088 Enterprise SMS (企业短信通) sending (seed 002 §1.1.1) against the simulator: exact requests, outputs, refusals. */
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { SMS112088_PATHS, sms112088 } from '../../../../nodes/gateways/sms112088';
import { failure, useSimulator } from '../../../support/simulator';
import { AUTH, NAME, NI_HAO, ctx, only, vendor } from './helpers';

const sim = useSimulator();

describe('send', () => {
	it('sends through sendsms_txt.asp and maps the SMSID to the number', async () => {
		const outcome = await sms112088.send!(ctx(sim()), { recipients: ['13800000001'], message: '你好' });
		const req = only(sim());
		expect([req.method, req.path, req.rawQuery]).toEqual([
			'GET',
			'/sendsms_txt.asp',
			`${AUTH}&send_phone=13800000001&send_content=${NI_HAO}`,
		]);
		expect(req.response.toString('latin1')).toBe('0|1|0|6408676');
		expect(outcome).toEqual({
			recipients: [{ recipient: '13800000001', success: true, messageId: '6408676' }],
			messageIds: ['6408676'],
			raw: { code: '0', accepted: 1, failed: 0, smsIds: ['6408676'] },
		});
		expect(sim().sent('sms112088').map((m) => [m.mobile, m.message, m.messageId])).toEqual([['13800000001', '你好', '6408676']]);
	});

	it('sends several numbers comma-separated with send_time as 14 digits China time', async () => {
		const outcome = await sms112088.send!(ctx(sim()), {
			recipients: ['13800000001', '075580808080'],
			message: 'hi',
			sendAt: new Date('2030-09-03T03:20:30Z'),
		});
		expect(only(sim()).rawQuery).toBe(`${AUTH}&send_phone=13800000001%2C075580808080&send_content=hi&send_time=20300903112030`);
		expect(outcome.recipients).toEqual([
			{ recipient: '13800000001', success: true, messageId: '6408676' },
			{ recipient: '075580808080', success: true, messageId: '6408676' },
		]);
		expect(outcome.messageIds).toEqual(['6408676']);
		expect(sim().sent('sms112088').map((m) => m.sendAt)).toEqual(['2030-09-03 11:20:30', '2030-09-03 11:20:30']);
	});

	it('marks the wrong-length number failed when the counts say which one it is', async () => {
		const outcome = await sms112088.send!(ctx(sim()), { recipients: ['13800000001', '1380000', '13800000002'], message: 'hi' });
		expect(sim().requests('sms112088')[0].response.toString('latin1')).toBe('0|2|1|6408676,6408676');
		expect(outcome.recipients).toEqual([
			{ recipient: '13800000001', success: true, messageId: '6408676' },
			{
				recipient: '1380000',
				success: false,
				messageId: null,
				error: `${NAME}: the gateway did not accept this number (wrong length or not a valid number)`,
			},
			{ recipient: '13800000002', success: true, messageId: '6408676' },
		]);
	});

	it('does not guess which numbers failed when the counts leave it open', async () => {
		vendor(sim()).answerNext(SMS112088_PATHS.send, '0|1|1|901');
		const outcome = await sms112088.send!(ctx(sim()), { recipients: ['13800000001', '13800000002'], message: 'hi' });
		expect(outcome.recipients).toEqual([
			{ recipient: '13800000001', success: true, messageId: null },
			{ recipient: '13800000002', success: true, messageId: null },
		]);
		expect(outcome.raw).toEqual({ code: '0', accepted: 1, failed: 1, smsIds: ['901'] });
	});

	it('parses the send example verbatim (`0|1|0|SMSID`)', async () => {
		vendor(sim()).answerNext(SMS112088_PATHS.send, '0|1|0|SMSID');
		const outcome = await sms112088.send!(ctx(sim()), { recipients: ['13798361236'], message: '这条是测试短信' });
		expect(outcome.recipients).toEqual([{ recipient: '13798361236', success: true, messageId: 'SMSID' }]);
	});

	it('turns an HTML page into an unexpected-response error', async () => {
		sim().fault('sms112088', { type: 'htmlError' });
		const error = await failure(sms112088.send!(ctx(sim()), { recipients: ['13800000001'], message: 'hi' }), TransportError);
		expect(error.message).toMatch(/^112088 Enterprise SMS \(企业短信通\): unexpected response to send: "<!DOCTYPE html>/);
	});

	it('encodes in UTF-8 when the credential says so', async () => {
		await sms112088.send!(ctx(sim(), { charset: 'utf8' }), { recipients: ['13800000001'], message: '你好' });
		expect(only(sim()).rawQuery).toBe(`${AUTH}&send_phone=13800000001&send_content=%E4%BD%A0%E5%A5%BD`);
	});
});
