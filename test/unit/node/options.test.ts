/**
 * The send options on the wire: sendAt in China time in each gateway's format, signature, extno
 * (china-sms `sender`), linkId, product, statusReport; and smsAdmin's MD5 authentication.
 */
import { md5Hex } from '../../../nodes/gateways/kit/auth';
import type { GatewayId } from '../../../nodes/gateways/kit/declaration';
import { execute, freezeClock, jsonOf, wire } from './helpers';
import { useSimulator } from '../../support/simulator';

const sim = useSimulator(() => {
	freezeClock();
});
afterAll(() => jest.useRealTimers());

const SIGN = md5Hex('testmima20261123180000');

describe('sendAt: 09:30 in Berlin on 1 December is 16:30 China time', () => {
	test.each<[GatewayId, string]>([
		['chinaSms', 'GET /send/gsend.asp?name=company&pwd=pw-China%261&dst=13912340000&msg=hi&time=202612011630'],
		['smsAdmin', 'POST /smsmarketing/wwwroot/api/post_send/ uid=smsuser&pwd=pw-Admin%232&mobile=13912340000&msg=hi&dtime=2026-12-01%2016%3A30%3A00'],
		['sms112088', 'GET /sendsms_txt.asp?us_name=mysms&us_pwd=pw-112088%203&send_phone=13912340000&send_content=hi&send_time=20261201163000'],
		[
			'sms10692',
			`POST /v2sms.aspx action=send&userid=12&timestamp=20261123180000&sign=${SIGN}&mobile=13912340000&content=hi&sendTime=2026-12-01%2016%3A30%3A00&extno=`,
		],
	])('%s', async (gateway, request) => {
		const result = await execute(sim, { gateway, operation: 'send', recipients: '13912340000', message: 'hi', options: { sendAt: '2026-12-01T09:30:00' } }, [{}], {
			timezone: 'Europe/Berlin',
		});
		expect(sim.requests().map(wire)).toEqual([request]);
		expect(jsonOf(result)[0].scheduledAt).toBe('2026-12-01T16:30:00+08:00');
	});

	test('a time with its own offset ignores the workflow\'s zone', async () => {
		const result = await execute(
			sim,
			{ gateway: 'smsAdmin', operation: 'sendBulk', recipient: '13912340000', message: 'hi', options: { sendAt: '2026-12-01T09:30:00-05:00' } },
			[{}],
			{ timezone: 'Asia/Tokyo' },
		);
		expect(new URLSearchParams(sim.requests()[0].body.toString('latin1')).get('dtime')).toBe('2026-12-01 22:30:00');
		expect(jsonOf(result)[0].scheduledAt).toBe('2026-12-01T22:30:00+08:00');
	});
});

test('signature: appended as 【…】, not when the message already holds one', async () => {
	await execute(sim, { gateway: 'sms18', operation: 'sendBulk', recipient: '={{ $json.to }}', message: '={{ $json.text }}', options: { signature: '公司名' } }, [
		{ to: '13912340000', text: '你好' },
		{ to: '13912340001', text: '【别家】你好' },
	]);
	expect(sim.sent('sms18').map((m) => m.message)).toEqual(['你好【公司名】', '【别家】你好']);
	expect(sim.requests('sms18')).toHaveLength(2);
});

test('extno goes out as china-sms `sender`', async () => {
	await execute(sim, { gateway: 'chinaSms', operation: 'send', recipients: '13912340000', message: 'hi', options: { extno: '00' } });
	expect(sim.requests().map(wire)).toEqual(['GET /send/ssend.asp?name=company&pwd=pw-China%261&dst=13912340000&msg=hi&sender=00']);
});

test('linkId at smsAdmin becomes the message id', async () => {
	const result = await execute(sim, { gateway: 'smsAdmin', operation: 'send', recipients: '13912340000', message: 'hi', options: { linkId: 'order42' } });
	expect(sim.requests().map(wire)).toEqual(['POST /smsmarketing/wwwroot/api/post_send/ uid=smsuser&pwd=pw-Admin%232&mobile=13912340000&msg=hi&linkid=order42']);
	expect(jsonOf(result)[0].messageIds).toEqual(['order42']);
});

test('product, extno and statusReport at 18SMS', async () => {
	await execute(sim, { gateway: 'sms18', operation: 'send', recipients: '13912340000', message: 'hi', options: { product: '1234531', extno: '88', statusReport: false } });
	expect(sim.requests().map(wire)).toEqual(['POST /msg/HttpBatchSendSM account=003547&pswd=Sd123456&mobile=13912340000&msg=hi&needstatus=false&product=1234531&extno=88']);
});

test('options a gateway does not have are ignored (hidden in the editor after a gateway change)', async () => {
	await execute(sim, { gateway: 'sms112088', operation: 'send', recipients: '13912340000', message: 'hi', options: { linkId: 'x', product: '1', extno: '5' } });
	expect(sim.requests().map(wire)).toEqual(['GET /sendsms_txt.asp?us_name=mysms&us_pwd=pw-112088%203&send_phone=13912340000&send_content=hi']);
});

test('smsAdmin with MD5 authentication uses the smsAdminMd5Api credential and the _md5 endpoint', async () => {
	const md5 = md5Hex('pw-Admin#2');
	const result = await execute(
		sim,
		{ gateway: 'smsAdmin', authentication: 'md5Password', operation: 'send', recipients: '13912340000', message: 'hi', options: {} },
		[{}],
		{ credentials: { smsAdminMd5Api: { userId: 'smsuser', passwordMd5: md5, baseUrl: sim.urls.smsAdmin } } },
	);
	expect(result.built.credentialRequests).toEqual(['smsAdminMd5Api']);
	expect(sim.requests().map(wire)).toEqual([`POST /smsmarketing/wwwroot/api/post_send_md5/ uid=smsuser&pwd=${md5}&mobile=13912340000&msg=hi`]);
	expect(jsonOf(result)[0].success).toBe(true);
});
