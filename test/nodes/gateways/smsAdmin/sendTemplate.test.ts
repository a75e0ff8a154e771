/** SMSAdmin (通用短信平台) 点点通 (seed 001 §4) against the simulator: exact bytes, the placeholders shifted. */
import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { useSimulator } from '../../../support/simulator';
import { API, FORM, type Kind, PASSWORD_MD5, ctxFor, only } from './helpers';

const sim = useSimulator();

const request = {
	template: '尊敬的{value0}，验证码{value1}',
	rows: [
		{ recipient: '13800138000', values: ['张三', '1234'] },
		{ recipient: '13900139000', values: ['李四', '5678'] },
	],
};

test.each<Kind>(['plain', 'md5'])('%s credentials: post_send_ddt/ with the MD5, msg and params url-encoded twice', async (kind) => {
	const outcome = await smsAdmin.sendTemplate!(ctxFor(sim(), kind), { ...request, linkId: 'T1' });
	const req = only(sim());
	expect(req.path).toBe(`${API}post_send_ddt/`);
	expect(req.headers['content-type']).toBe(FORM);
	expect(req.body.toString('latin1')).toBe(
		`uid=smsuser&pwd=${PASSWORD_MD5}` +
			'&msg=%25D7%25F0%25BE%25B4%25B5%25C4%257Bvalue1%257D%25A3%25AC%25D1%25E9%25D6%25A4%25C2%25EB%257Bvalue2%257D' +
			'&params=13800138000%252C%25D5%25C5%25C8%25FD%252C1234%253B13900139000%252C%25C0%25EE%25CB%25C4%252C5678' +
			'&linkid=T1',
	);
	expect(outcome).toEqual({
		recipients: [
			{ recipient: '13800138000', success: true, messageId: 'T1' },
			{ recipient: '13900139000', success: true, messageId: 'T1' },
		],
		messageIds: ['T1'],
		raw: { code: '0', text: '发送成功!', endpoint: 'post_send_ddt' },
	});
	expect(sim().sent('smsAdmin').map((m) => [m.mobile, m.message])).toEqual([
		['13800138000', '尊敬的张三，验证码1234'],
		['13900139000', '尊敬的李四，验证码5678'],
	]);
});

test('dtime is sent in China time, as for a plain send', async () => {
	await smsAdmin.sendTemplate!(ctxFor(sim(), 'plain'), { template: '验证码{value0}', rows: [{ recipient: '13800138000', values: ['1234'] }], sendAt: new Date('2025-03-04T02:05:06Z') });
	expect(only(sim()).body.toString('latin1')).toBe(
		`uid=smsuser&pwd=${PASSWORD_MD5}&msg=%25D1%25E9%25D6%25A4%25C2%25EB%257Bvalue1%257D&params=13800138000%252C1234&dtime=2025-03-04%2010%3A05%3A06`,
	);
});
