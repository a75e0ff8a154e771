/** The china-sms simulator against seed 000, by plain HTTP requests (no adapter involved). */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import * as iconv from 'iconv-lite';

import { CHINA_SMS_SIM } from './chinaSms';
import { useSimulator } from '../../support/simulator';

const AUTH = 'name=company&pwd=pw-China%261';
const gbk = (text: string) => iconv.encode(text, 'gbk');

const sim = useSimulator();

interface Answer {
	status: number;
	contentType: string;
	bytes: Buffer;
	text: string;
}

function request(path: string, options: { method?: string; body?: string } = {}): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			`${sim.urls.chinaSms}${path}`,
			{
				method: options.method ?? 'GET',
				headers: options.body ? { 'content-type': 'application/x-www-form-urlencoded' } : {},
			},
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const bytes = Buffer.concat(chunks);
					resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type']), bytes, text: iconv.decode(bytes, 'gbk') });
				});
			},
		);
		req.on('error', reject);
		req.end(options.body);
	});
}

const get = async (path: string) => (await request(path)).text;
const enc = (text: string) => [...gbk(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');

describe('§1 ssend.asp', () => {
	it('reads GBK parameters and answers `id=<n>&err=&errid=0` in GBK, no charset declared', async () => {
		const answer = await request(`/send/ssend.asp?${AUTH}&dst=13800000001&msg=%C4%E3%BA%C3&sender=00`);
		expect([answer.status, answer.contentType, answer.text]).toEqual([200, 'text/html', 'id=1234&err=&errid=0']);
		expect(sim.sent('chinaSms')).toEqual([expect.objectContaining({ mobile: '13800000001', message: '你好', messageId: '1234', extno: '00', sendAt: null })]);
	});

	it('answers `id=0&err=<原因>&errid=<code>` in GBK bytes when it refuses', async () => {
		const answer = await request(`/send/ssend.asp?${AUTH}&dst=${CHINA_SMS_SIM.blacklisted}&msg=hi`);
		expect(answer.bytes).toEqual(Buffer.concat([Buffer.from('id=0&err='), gbk('手机号码是黑名单'), Buffer.from('&errid=6009')]));
	});

	it.each([
		['6001 for an unknown name', 'name=nobody&pwd=x&dst=13800000001&msg=hi', '6001', '该企业用户无效'],
		['6010 for a wrong password', 'name=company&pwd=wrong&dst=13800000001&msg=hi', '6010', '企业用户验证失败'],
		['6012 for an IP-restricted account', 'name=company-iplimit&pwd=pw-China%261&dst=13800000001&msg=hi', '6012', '该企业用户设置了ip限制'],
		['6013 for an account without balance', 'name=company-nofee&pwd=pw-China%261&dst=13800000001&msg=hi', '6013', '该企业用户余额不足'],
		['6005 for an illegal word', `${AUTH}&dst=13800000001&msg=${enc('有违禁词')}`, '6005', '发送内容中含非法字符'],
		['6008 for an invalid number', `${AUTH}&dst=1380000&msg=hi`, '6008', '无效的手机号码'],
		['6014 for an empty message', `${AUTH}&dst=13800000001&msg=`, '6014', '发送短信内容不能为空!'],
		['6015 for 61 characters', `${AUTH}&dst=13800000001&msg=${'x'.repeat(61)}`, '6015', '短信内容超过了最大长度限制'],
		['6015 for 41 characters to a PHS number', `${AUTH}&dst=01012345678&msg=${'x'.repeat(41)}`, '6015', '短信内容超过了最大长度限制'],
	])('%s', async (_what, query, code, err) => {
		expect(await get(`/send/ssend.asp?${query}`)).toBe(`id=0&err=${err}&errid=${code}`);
		expect(sim.sent('chinaSms')).toEqual([]);
	});

	it('accepts 60 characters (40 to a PHS number), counting Chinese characters as one', async () => {
		expect(await get(`/send/ssend.asp?${AUTH}&dst=13800000001&msg=${enc('好'.repeat(60))}`)).toBe('id=1234&err=&errid=0');
		expect(await get(`/send/ssend.asp?${AUTH}&dst=01012345678&msg=${'x'.repeat(40)}`)).toBe('id=1235&err=&errid=0');
	});

	it('reads the same parameters from a POST body', async () => {
		const answer = await request('/send/ssend.asp', { method: 'POST', body: `${AUTH}&dst=13800000001&msg=%C4%E3%BA%C3` });
		expect(answer.text).toBe('id=1234&err=&errid=0');
		expect(sim.sent('chinaSms')[0].message).toBe('你好');
	});
});

describe('§2 gsend.asp', () => {
	it('answers with the example spacing `num=2& success =…& faile =&err=发送成功&errid=0`', async () => {
		const text = await get(`/send/gsend.asp?${AUTH}&dst=13800000001,13800000002&msg=%C4%E3%BA%C3`);
		expect(text).toBe('num=2& success =13800000001,13800000002& faile =&err=发送成功&errid=0');
		expect(sim.sent('chinaSms').map((m) => m.mobile)).toEqual(['13800000001', '13800000002']);
	});

	it('lists refused numbers in faile with the first problem as errid', async () => {
		const text = await get(`/send/gsend.asp?${AUTH}&dst=13800000001,123,${CHINA_SMS_SIM.blacklisted}&msg=hi`);
		expect(text).toBe(`num=1& success =13800000001& faile =123,${CHINA_SMS_SIM.blacklisted}&err=无效的手机号码&errid=6008`);
	});

	it('schedules with a 12-digit time and sends at once when time breaks the rule', async () => {
		await get(`/send/gsend.asp?${AUTH}&dst=13800000001&msg=a&time=200505241713`);
		await get(`/send/gsend.asp?${AUTH}&dst=13800000002&msg=b&time=2005-05-24`);
		expect(sim.sent('chinaSms').map((m) => m.sendAt)).toEqual(['2005-05-24 17:13:00', null]);
	});

	it('refuses 100 numbers (fewer than 100 allowed) and the wrong password', async () => {
		const hundred = Array.from({ length: 100 }, (_, i) => `138${String(i).padStart(8, '0')}`).join(',');
		expect(await get(`/send/gsend.asp?${AUTH}&dst=${hundred}&msg=hi`)).toMatch(/^num=0& success =& faile =13800000000,.*&err=群发号码必须少于100个&errid=-1$/);
		expect(await get(`/send/gsend.asp?name=company&pwd=x&dst=13800000001&msg=hi`)).toBe('num=0& success =& faile =13800000001&err=企业用户验证失败&errid=6010');
		expect(await get(`/send/gsend.asp?${AUTH}&dst=13800000001,01012345678&msg=${'x'.repeat(41)}`)).toContain('&errid=6015');
	});
});

describe('§3 getfee.asp', () => {
	it('answers `id=9586&err=成功&errid=0&short=企业简称`', async () => {
		expect(await get(`/send/getfee.asp?${AUTH}`)).toBe('id=9586&err=成功&errid=0&short=企业简称');
		expect(await get('/send/getfee.asp?name=company-nofee&pwd=pw-China%261')).toBe('id=0&err=成功&errid=0&short=企业简称');
	});

	it('answers id=-9999 when it fails (6017, or the login code)', async () => {
		expect(await get('/send/getfee.asp?name=company-feefail&pwd=pw-China%261')).toBe('id=-9999&err=查询企业用户余额失败&errid=6017&short=');
		expect(await get('/send/getfee.asp?name=company&pwd=x')).toBe('id=-9999&err=企业用户验证失败&errid=6010&short=');
	});
});

describe('§4 cpwd.asp', () => {
	it('answers `errid =0&err=成功` and the new password replaces the old', async () => {
		expect(await get(`/send/cpwd.asp?${AUTH}&newpwd=abcde`)).toBe('errid =0&err=成功');
		expect(await get(`/send/getfee.asp?${AUTH}`)).toContain('errid=6010');
		expect(await get('/send/getfee.asp?name=company&pwd=abcde')).toContain('errid=0');
	});

	it('refuses 4 characters with 6016 and 20 with an undocumented -1', async () => {
		expect(await get(`/send/cpwd.asp?${AUTH}&newpwd=abcd`)).toBe('errid =6016&err=企业密码必须大于4个字符');
		expect(await get(`/send/cpwd.asp?${AUTH}&newpwd=${'a'.repeat(20)}`)).toBe('errid =-1&err=新密码长度必须小于20');
		expect(await get('/send/cpwd.asp?name=company&pwd=x&newpwd=abcde')).toBe('errid =6010&err=企业用户验证失败');
	});
});

describe('§5 readsms.asp', () => {
	it('hands out one reply per call, then id=0', async () => {
		sim.queueReply('chinaSms', { mobile: '13939040001', text: '你好吗', receivedAt: '2005-05-24 17:13:00', id: '9586' });
		sim.queueReply('chinaSms', { mobile: '13939040002', text: 'b', receivedAt: '2005-05-24 17:14:00', destination: '0888008123' });
		expect(sim.pending('chinaSms')).toEqual({ replies: 2, reports: 0 });
		expect(await get(`/send/readsms.asp?${AUTH}`)).toBe('id=9586&err=成功&src=13939040001&msg=你好吗&dst=0888008&time=200505241713');
		expect(await get(`/send/readsms.asp?${AUTH}`)).toBe('id=9586&err=成功&src=13939040002&msg=b&dst=0888008123&time=200505241714');
		expect(await get(`/send/readsms.asp?${AUTH}`)).toBe('id=0&err=当前没有未读短信&errid=0');
		expect(sim.pending('chinaSms')).toEqual({ replies: 0, reports: 0 });
	});

	it('notes calls closer than 5 s apart', async () => {
		await get(`/send/readsms.asp?${AUTH}`);
		await get(`/send/readsms.asp?${AUTH}`);
		expect(sim.spacingViolations('chinaSms')).toEqual([expect.objectContaining({ key: 'readsms', minMs: 5000 })]);
	});

	it('hands a raw record over verbatim, and refuses a wrong login without consuming', async () => {
		sim.queueRaw('chinaSms', 'reply', 'id=5&err=成功&src=1&msg=garbled');
		expect(await get('/send/readsms.asp?name=company&pwd=x')).toBe('id=0&err=企业用户验证失败&errid=6010');
		expect(await get(`/send/readsms.asp?${AUTH}`)).toBe('id=5&err=成功&src=1&msg=garbled');
	});
});

describe('§6 push of inbound replies', () => {
	it('GETs src, dst, msg, mo in GBK to the user URL and reads the bare answer', async () => {
		let seen = '';
		const receiver = http.createServer((req, res) => {
			seen = `${req.method} ${req.url}`;
			res.end('0');
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
		const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/recv.asp`;
		const answer = await sim.push('chinaSms', 'reply', { mobile: '13903710009', text: '点播信息', id: '54321', extno: '12' }, { url });
		await new Promise<void>((resolve) => receiver.close(() => resolve()));
		expect(seen).toBe(`GET /recv.asp?src=13903710009&dst=088800812&msg=${enc('点播信息')}&mo=54321`);
		expect(answer).toEqual({ status: 200, body: '0' });
	});

	it('pushes no reports (china-sms has none)', () => {
		expect(sim.vendor('chinaSms').pushRequest?.('report', { mobile: '13800000001' })).toBeNull();
	});
});

describe('the server', () => {
	it('answers unknown pages with an IIS 404 page and treats paths case-insensitively', async () => {
		const missing = await request('/send/nothing.asp');
		expect([missing.status, missing.text]).toEqual([404, expect.stringContaining('The page cannot be found')]);
		expect(await get(`/Send/GetFee.asp?${AUTH}`)).toContain('id=9586');
	});

	it('forgets everything on reset', async () => {
		await get(`/send/ssend.asp?${AUTH}&dst=13800000001&msg=hi`);
		await get(`/send/cpwd.asp?${AUTH}&newpwd=abcde`);
		sim.queueReply('chinaSms', { mobile: '13800000001', text: 'x' });
		sim.reset();
		expect([sim.sent('chinaSms'), sim.pending('chinaSms')]).toEqual([[], { replies: 0, reports: 0 }]);
		expect(await get(`/send/ssend.asp?${AUTH}&dst=13800000001&msg=hi`)).toBe('id=1234&err=&errid=0');
	});
});
