/** SMSAdmin (通用短信平台) sending against the simulator (seed 001 §2, §3): exact bytes for both credential types. */
import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { useSimulator } from '../../../support/simulator';
import { API, FORM, type Kind, PASSWORD_MD5, PWD, ctxFor, only } from './helpers';

const sim = useSimulator();

describe('send', () => {
	test('plain credentials: post_send/ with GB2312 percent-encoding', async () => {
		const outcome = await smsAdmin.send!(ctxFor(sim(), 'plain'), { recipients: ['13800138000', '13900139000'], message: '你好【公司】' });
		const req = only(sim());
		expect(req.method).toBe('POST');
		expect(req.path).toBe(`${API}post_send/`);
		expect(req.rawQuery).toBe('');
		expect(req.headers['content-type']).toBe(FORM);
		expect(req.body.toString('latin1')).toBe(
			'uid=smsuser&pwd=pw-Admin%232&mobile=13800138000%3B13900139000&msg=%C4%E3%BA%C3%A1%BE%B9%AB%CB%BE%A1%BF',
		);
		expect(outcome).toEqual({
			recipients: [
				{ recipient: '13800138000', success: true, messageId: null },
				{ recipient: '13900139000', success: true, messageId: null },
			],
			messageIds: [],
			raw: { code: '0', text: '发送成功!', endpoint: 'post_send' },
		});
		expect(sim().sent('smsAdmin').map((m) => [m.mobile, m.message, m.sendAt, m.linkId])).toEqual([
			['13800138000', '你好【公司】', null, null],
			['13900139000', '你好【公司】', null, null],
		]);
	});

	test.each<Kind>(['plain', 'md5'])('%s credentials: dtime in China time and linkid', async (kind) => {
		const outcome = await smsAdmin.send!(ctxFor(sim(), kind), {
			recipients: ['13800138000'],
			message: '你好',
			sendAt: new Date('2025-03-04T02:05:06Z'),
			linkId: 'Order42',
		});
		const req = only(sim());
		expect(req.path).toBe(`${API}${kind === 'plain' ? 'post_send/' : 'post_send_md5/'}`);
		expect(req.body.toString('latin1')).toBe(
			`uid=smsuser&pwd=${PWD[kind]}&mobile=13800138000&msg=%C4%E3%BA%C3&dtime=2025-03-04%2010%3A05%3A06&linkid=Order42`,
		);
		expect(outcome.recipients).toEqual([{ recipient: '13800138000', success: true, messageId: 'Order42' }]);
		expect(outcome.messageIds).toEqual(['Order42']);
		expect(sim().sent('smsAdmin')[0]).toMatchObject({ sendAt: '2025-03-04 10:05:06', linkId: 'Order42', messageId: 'Order42' });
	});

	test('plain credentials: spaces, line breaks and % go to post_send_urldecode/, encoded twice', async () => {
		const outcome = await smsAdmin.send!(ctxFor(sim(), 'plain'), { recipients: ['13800138000'], message: '你好 A\n1%' });
		const req = only(sim());
		expect(req.path).toBe(`${API}post_send_urldecode/`);
		expect(req.body.toString('latin1')).toBe(
			'uid=smsuser&pwd=pw-Admin%232&mobile=13800138000&msg=%25C4%25E3%25BA%25C3%2520A%250A1%2525',
		);
		expect(outcome.raw).toEqual({ code: '0', text: '发送成功!', endpoint: 'post_send_urldecode' });
		expect(sim().sent('smsAdmin').map((m) => m.message)).toEqual(['你好 A\n1%']);
	});

	test('MD5 credentials: post_send_md5/ with the hash, encoded once (there is no MD5 urldecode endpoint)', async () => {
		await smsAdmin.send!(ctxFor(sim(), 'md5'), { recipients: ['13800138000'], message: '你好 A\n1%' });
		const req = only(sim());
		expect(req.path).toBe(`${API}post_send_md5/`);
		expect(req.body.toString('latin1')).toBe(`uid=smsuser&pwd=${PASSWORD_MD5}&mobile=13800138000&msg=%C4%E3%BA%C3%20A%0A1%25`);
		expect(sim().sent('smsAdmin').map((m) => m.message)).toEqual(['你好 A\n1%']);
	});

	test.each([
		['a plain password typed into the MD5 credential is hashed', 'pw-Admin#2'],
		['an upper-case hash is used as is, lower-cased', PASSWORD_MD5.toUpperCase()],
	])('%s', async (_, typed) => {
		await smsAdmin.send!(ctxFor(sim(), 'md5', { passwordMd5: typed }), { recipients: ['13800138000'], message: 'hi' });
		expect(only(sim()).body.toString('latin1')).toBe(`uid=smsuser&pwd=${PASSWORD_MD5}&mobile=13800138000&msg=hi`);
	});
});

describe('sendProblems: what only SMSAdmin refuses, run for every item before anything is sent', () => {
	test('linkid: 1 to 32 letters and digits', () => {
		expect(smsAdmin.sendProblems!({ message: '你好', linkId: 'A1b2C3'.padEnd(32, '9') }, ['13800000001'])).toEqual([]);
		expect(smsAdmin.sendProblems!({ message: '你好', linkId: 'x'.repeat(33) }, ['13800000001'])).toEqual([
			`linkId must be 1 to 32 letters and digits, got "${'x'.repeat(33)}"`,
		]);
		expect(smsAdmin.sendProblems!({ message: '你好', linkId: '订单1' }, ['13800000001'])).toEqual(['linkId must be 1 to 32 letters and digits, got "订单1"']);
		expect(smsAdmin.sendProblems!({ message: '你好', linkId: 'order-1' }, ['13800000001'])).toEqual(['linkId must be 1 to 32 letters and digits, got "order-1"']);
	});

	test('the message itself is the common checks\' (empty, GB2312): not asked twice', () => {
		expect(smsAdmin.sendProblems!({ message: '' }, ['13800000001'])).toEqual([]);
		expect(smsAdmin.sendProblems!({ message: '你好喆' }, ['13800000001'])).toEqual([]);
	});
});
