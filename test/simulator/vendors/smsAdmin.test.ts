/**
 * Fidelity of the SMSAdmin (通用短信平台) simulator to seed 001, by plain HTTP requests: each
 * documented endpoint, answer format, limit and queue, and both pushes.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import * as iconv from 'iconv-lite';

import { SMSADMIN_SIM } from './smsAdmin';
import { useSimulator } from '../../support/simulator';

const API = '/smsmarketing/wwwroot/api/';
const AUTH = 'uid=smsuser&pwd=pw-Admin%232';
const AUTH_MD5 = 'uid=smsuser&pwd=8f4020226aaabe0f9d606c354eb75ca8';

const sim = useSimulator();


interface Answer {
	status: number;
	contentType: string | undefined;
	bytes: Buffer;
	text: string;
}

/** One raw request: `query` and `body` are sent exactly as given (already percent-encoded). */
function call(method: 'GET' | 'POST', endpoint: string, query = '', body?: string): Promise<Answer> {
	const url = new URL(`${sim.urls.smsAdmin}${API}${endpoint}${query ? `?${query}` : ''}`);
	return new Promise((resolve, reject) => {
		const headers = body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body, 'latin1') };
		const req = http.request(url, { method, headers }, (res) => {
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('end', () => {
				const bytes = Buffer.concat(chunks);
				resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], bytes, text: iconv.decode(bytes, 'gbk') });
			});
		});
		req.on('error', reject);
		req.end(body === undefined ? undefined : Buffer.from(body, 'latin1'));
	});
}

const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(13000000000 + i)).join(';');

describe('send endpoints (§2, §3)', () => {
	test('get_send/: GB2312 answer bytes, the example URL spellings dttime/linked, repeated numbers sent once', async () => {
		const answer = await call(
			'GET',
			'get_send/',
			`${AUTH}&mobile=13800138000;13900139000;13800138000&msg=%C4%E3%BA%C3&dttime=2025-01-02%2003:04:05&linked=abc123`,
		);
		expect(answer.status).toBe(200);
		expect(answer.contentType).toBe('text/plain');
		expect(answer.bytes.toString('hex')).toBe('3020b7a2cbcdb3c9b9a621'); // "0 发送成功!" in GB2312
		expect(sim.sent('smsAdmin').map((m) => [m.mobile, m.message, m.sendAt, m.linkId, m.messageId])).toEqual([
			['13800138000', '你好', '2025-01-02 03:04:05', 'abc123', 'abc123'],
			['13900139000', '你好', '2025-01-02 03:04:05', 'abc123', 'abc123'],
		]);
	});

	test('documented names dtime/linkid; without linkid the gateway makes a serial number', async () => {
		await call('POST', 'post_send/', '', `${AUTH}&mobile=13800138000&msg=hi&dtime=2025-01-02%2003%3A04%3A05&linkid=L1`);
		await call('POST', 'post_send/', '', `${AUTH}&mobile=13800138000&msg=hi`);
		expect(sim.sent('smsAdmin').map((m) => [m.sendAt, m.linkId, m.messageId])).toEqual([
			['2025-01-02 03:04:05', 'L1', 'L1'],
			[null, null, '900001'],
		]);
	});

	test.each([
		['get_send/', 'GET', AUTH, '0 发送成功!'],
		['get_send/', 'GET', AUTH_MD5, '1 用户名或密码错误!'],
		['get_send_md5/', 'GET', AUTH_MD5, '0 发送成功!'],
		['get_send_md5/', 'GET', AUTH, '1 用户名或密码错误!'],
		['post_send/', 'POST', AUTH, '0 发送成功!'],
		['post_send/', 'POST', AUTH_MD5, '1 用户名或密码错误!'],
		['post_send_md5/', 'POST', AUTH_MD5, '0 发送成功!'],
		['post_send_md5/', 'POST', AUTH, '1 用户名或密码错误!'],
		['post_send_urldecode/', 'POST', AUTH, '0 发送成功!'],
		['post_send_urldecode/', 'POST', 'uid=smsuser&pwd=wrong', '1 用户名或密码错误!'],
	] as const)('%s %s %s → %s', async (endpoint, method, auth, expected) => {
		const params = `${auth}&mobile=13800138000&msg=hi`;
		const answer = method === 'GET' ? await call('GET', endpoint, params) : await call('POST', endpoint, '', params);
		expect(answer.text).toBe(expected);
	});

	test('GET endpoints read the query only, POST endpoints the body only', async () => {
		expect((await call('POST', 'get_send/', '', `${AUTH}&mobile=13800138000&msg=hi`)).text).toBe('1 用户名或密码错误!');
		expect((await call('GET', 'post_send/', `${AUTH}&mobile=13800138000&msg=hi`)).text).toBe('1 用户名或密码错误!');
		expect(sim.sent('smsAdmin')).toHaveLength(0);
	});

	test('_urldecode endpoints decode msg (GET) and uid and msg (POST) once more', async () => {
		await call('GET', 'get_send_urldecode/', `${AUTH}&mobile=13800138000&msg=%25C4%25E3%2520%250A`);
		// uid "smsuser" sent as "%2573msuser": form decoding gives "%73msuser", the second decoding "smsuser".
		const answer = await call('POST', 'post_send_urldecode/', '', 'uid=%2573msuser&pwd=pw-Admin%232&mobile=13800138000&msg=%25BA%25C3+a');
		expect(answer.text).toBe('0 发送成功!');
		expect(sim.sent('smsAdmin').map((m) => m.message)).toEqual(['你 \n', '好 a']);
	});

	test('limits: 100 numbers by GET, 1000 by POST (code 3)', async () => {
		expect((await call('GET', 'get_send/', `${AUTH}&mobile=${numbers(100)}&msg=hi`)).text).toBe('0 发送成功!');
		expect((await call('GET', 'get_send/', `${AUTH}&mobile=${numbers(101)}&msg=hi`)).text).toBe('3 超过发送最大量 100 条');
		expect((await call('POST', 'post_send/', '', `${AUTH}&mobile=${numbers(1000)}&msg=hi`)).text).toBe('0 发送成功!');
		expect((await call('POST', 'post_send/', '', `${AUTH}&mobile=${numbers(1001)}&msg=hi`)).text).toBe('3 超过发送最大量 1000 条');
		expect(sim.sent('smsAdmin')).toHaveLength(1100);
	});

	test('empty number or message (5), channel length (7), account states (2, 4, 8)', async () => {
		const post = (mobile: string, msg: string) => call('POST', 'post_send/', '', `${AUTH}&mobile=${mobile}&msg=${msg}`);
		expect((await post('', 'hi')).text).toBe('5 手机号或发送信息不能为空!');
		expect((await post('13800138000', '')).text).toBe('5 手机号或发送信息不能为空!');
		expect((await post('13800138000', '%D7%D6'.repeat(301))).text).toBe('7 超过 300 个字,请修改后发送!');
		expect((await post('13800138000', 'a'.repeat(SMSADMIN_SIM.channelMaxChars))).text).toBe('0 发送成功!');
		expect((await post(`13800138000;${SMSADMIN_SIM.noBalance}`, 'hi')).text).toBe('2 余额不足!');
		expect((await post(SMSADMIN_SIM.notAllowed, 'hi')).text).toBe('4 此用户不允许发送!');
		expect((await post(SMSADMIN_SIM.frozen, 'hi')).bytes).toEqual(iconv.encode('8 用户已冻结, 请联系客服人员!', 'gbk'));
		expect(sim.sent('smsAdmin')).toHaveLength(1);
	});

	test('a GB2312-only gateway reads GBK-only characters as "?"', async () => {
		await call('POST', 'post_send/', '', `${AUTH}&mobile=13800138000&msg=%C4%E3%E9%46`); // 你 + 镕 (GBK E946)
		expect(sim.sent('smsAdmin').map((m) => m.message)).toEqual(['你?']);
	});
});

describe('点点通 post_send_ddt/ (§4)', () => {
	const encode = (text: string) => [...iconv.encode(text, 'gbk')].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
	const twice = (text: string) => encode(text).replace(/%/g, '%25');

	test('the document example renders field N into {valueN}, the number being field 0', async () => {
		const template = '{value0}, 您本次的注册验证码 {value1}, 在 {value2} 分钟内输入有效。 【签名内容】';
		const params = '13712345678, 123456, 10;13745678910, 4567, 20;13714782356, 78912, 30';
		const answer = await call('POST', 'post_send_ddt/', '', `${AUTH_MD5}&msg=${twice(template)}&params=${twice(params)}&dtime=&linkid=`);
		expect(answer.text).toBe('0 发送成功!');
		expect(sim.sent('smsAdmin').map((m) => [m.mobile, m.message, m.sendAt, m.linkId])).toEqual([
			['13712345678', '13712345678, 您本次的注册验证码 123456, 在 10 分钟内输入有效。 【签名内容】', null, null],
			['13745678910', '13745678910, 您本次的注册验证码 4567, 在 20 分钟内输入有效。 【签名内容】', null, null],
			['13714782356', '13714782356, 您本次的注册验证码 78912, 在 30 分钟内输入有效。 【签名内容】', null, null],
		]);
	});

	test('malformed groups are dropped silently; the plain password is refused; over 1000 groups is code 3', async () => {
		const msg = twice('验证码{value1}');
		const ok = await call('POST', 'post_send_ddt/', '', `${AUTH_MD5}&msg=${msg}&params=${twice('13800138000,1234;abc,1;13900139000;13700137000,1,2')}`);
		expect(ok.text).toBe('0 发送成功!');
		expect(sim.sent('smsAdmin').map((m) => [m.mobile, m.message])).toEqual([['13800138000', '验证码1234']]);
		expect((await call('POST', 'post_send_ddt/', '', `${AUTH}&msg=${msg}&params=${twice('13800138000,1')}`)).text).toBe('1 用户名或密码错误!');
		const many = Array.from({ length: 1001 }, (_, i) => `${13000000000 + i},1`).join(';');
		expect((await call('POST', 'post_send_ddt/', '', `${AUTH_MD5}&msg=${msg}&params=${twice(many)}`)).text).toBe('3 超过发送最大量 1000 条');
		expect((await call('POST', 'post_send_ddt/', '', `${AUTH_MD5}&msg=${msg}&params=`)).text).toBe('5 手机号或发送信息不能为空!');
		expect((await call('POST', 'post_send_ddt/', '', `${AUTH_MD5}&msg=${twice('字{value1}')}&params=${twice(`13800138000,${'长'.repeat(300)}`)}`)).text).toBe(
			'7 超过 300 个字,请修改后发送!',
		);
	});
});

describe('balance and sensitive words (§5, §6)', () => {
	test('user_info/ and user_info_urldecode/ (uid decoded once more); the MD5 is accepted there (assumption)', async () => {
		const expected = iconv.encode(`用户 ID=smsuser 剩余资费=${SMSADMIN_SIM.balance}`, 'gbk');
		expect((await call('GET', 'user_info/', AUTH)).bytes).toEqual(expected);
		expect((await call('GET', 'user_info/', AUTH_MD5)).bytes).toEqual(expected);
		expect((await call('GET', 'user_info_urldecode/', 'uid=%2573msuser&pwd=pw-Admin%232')).bytes).toEqual(expected);
		expect((await call('GET', 'user_info/', 'uid=smsuser&pwd=x')).text).toBe('1 用户名或密码错误!');
	});

	test('mgz/ lists the words found, each followed by ";"', async () => {
		expect((await call('GET', 'mgz/', `${AUTH}&msg=%B4%FA%BF%AA%B7%A2%C6%B1`)).text).toBe('敏感字:发票;代开;');
		expect((await call('GET', 'mgz/', `${AUTH_MD5}&msg=%C4%E3%BA%C3`)).text).toBe('不含敏感字');
		expect((await call('GET', 'mgz/', 'uid=other&pwd=pw-Admin%232&msg=hi')).text).toBe('1 用户名或密码错误!');
	});
});

describe('fetch-once queues (§7, §8)', () => {
	const reply = { mobile: '13800138000', text: '好的 谢谢/再见', receivedAt: '2025-01-02 03:04:05', linkId: 'L1', extno: '56666' };

	test('reve/ hands out raw lines, reve_urlencode/ url-encoded content; each reply once; 150 when empty', async () => {
		sim.queueReply('smsAdmin', reply);
		sim.queueReply('smsAdmin', reply);
		expect(sim.pending('smsAdmin')).toEqual({ replies: 2, reports: 0 });
		expect((await call('GET', 'reve/', AUTH)).text).toBe(
			'13800138000/2025-01-02 03:04:05/L1/好的 谢谢/再见/56666\n13800138000/2025-01-02 03:04:05/L1/好的 谢谢/再见/56666\n',
		);
		sim.queueReply('smsAdmin', reply);
		expect((await call('GET', 'reve_urlencode/', AUTH_MD5)).text).toBe('13800138000/2025-01-02 03:04:05/L1/%BA%C3%B5%C4+%D0%BB%D0%BB%2F%D4%D9%BC%FB/56666\n');
		expect((await call('GET', 'reve/', AUTH)).text).toBe('150');
		expect((await call('GET', 'reve_urlencode/', AUTH)).text).toBe('150');
		expect(sim.pending('smsAdmin')).toEqual({ replies: 0, reports: 0 });
	});

	test('report/ lines 手机号/日期/流水号/状态值/子码; 160 when empty', async () => {
		sim.queueReport('smsAdmin', { mobile: '13800138000', linkId: 'L1', reportedAt: '2025-01-02 03:04:05', extno: '56666' });
		sim.queueReport('smsAdmin', { mobile: '13900139000', messageId: '900001', vendorStatus: 'UNDELIV', reportedAt: '2025-01-02 03:04:06' });
		expect((await call('GET', 'report/', AUTH)).text).toBe(
			'13800138000/2025-01-02 03:04:05/L1/DELIVRD/56666\n13900139000/2025-01-02 03:04:06/900001/UNDELIV/\n',
		);
		expect((await call('GET', 'report/', AUTH_MD5)).text).toBe('160');
		expect((await call('GET', 'report/', 'uid=smsuser&pwd=bad')).text).toBe('1 用户名或密码错误!');
	});

	test('at most 20 lines per call; raw lines verbatim; calls closer than 5 s are noted', async () => {
		sim.queueRaw('smsAdmin', 'report', 'not/a report');
		for (let i = 0; i < 20; i++) sim.queueReport('smsAdmin', { mobile: '13800138000', reportedAt: '2025-01-02 03:04:05' });
		const first = (await call('GET', 'report/', AUTH)).text.split('\n');
		expect(first).toHaveLength(21); // 20 lines, each ended by \n
		expect(first[0]).toBe('not/a report');
		expect((await call('GET', 'report/', AUTH)).text).toBe('13800138000/2025-01-02 03:04:05//DELIVRD/\n');
		await call('GET', 'reve/', AUTH);
		await call('GET', 'reve_urlencode/', AUTH);
		expect(sim.spacingViolations('smsAdmin').map((v) => [v.key, v.minMs])).toEqual([
			['reports', 5000],
			['replies', 5000],
		]);
	});

	test('reset() empties queues and the sent log', async () => {
		sim.queueReply('smsAdmin', reply);
		sim.queueReport('smsAdmin', { mobile: '13800138000' });
		await call('POST', 'post_send/', '', `${AUTH}&mobile=13800138000&msg=hi`);
		sim.reset();
		expect(sim.pending('smsAdmin')).toEqual({ replies: 0, reports: 0 });
		expect(sim.sent('smsAdmin')).toEqual([]);
	});

	test('paths are exact: no trailing slash or an unknown endpoint is 404', async () => {
		expect((await call('GET', 'user_info', AUTH)).status).toBe(404);
		expect((await call('GET', 'balance/', AUTH)).status).toBe(404);
	});
});

describe('pushes (§9, §10)', () => {
	test('Class=mo and Class=rpt are POSTed as GB2312 forms', async () => {
		const received: Array<{ method?: string; type?: string; body: string }> = [];
		const server = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				received.push({ method: req.method, type: req.headers['content-type'], body: Buffer.concat(chunks).toString('latin1') });
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
		const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
		try {
			await sim.push('smsAdmin', 'reply', { mobile: '13800138000', text: '你好', linkId: 'L1', receivedAt: '2025-01-02 03:04:05' }, { url });
			await sim.push('smsAdmin', 'report', { mobile: '13800138000', linkId: 'L1', reportedAt: '2025-01-02 03:04:06' }, { url });
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
		expect(received).toEqual([
			{
				method: 'POST',
				type: 'application/x-www-form-urlencoded',
				body: 'Class=mo&SmsName=smsuser&Mobile=13800138000&Message=%C4%E3%BA%C3&LinkId=L1&RevertTime=2025-01-02%2003%3A04%3A05',
			},
			{
				method: 'POST',
				type: 'application/x-www-form-urlencoded',
				body: 'Class=rpt&SmsName=smsuser&Mobile=13800138000&LinkId=L1&Report=DELIVRD&ReportTime=2025-01-02%2003%3A04%3A06',
			},
		]);
	});
});
