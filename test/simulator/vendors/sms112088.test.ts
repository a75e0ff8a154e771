/** The 112088 simulator against seed 002, by plain HTTP requests (no adapter involved). */
import * as http from 'node:http';

import * as iconv from 'iconv-lite';

import { SMS112088_SIM } from './sms112088';
import { useSimulator } from '../../support/simulator';

const AUTH = 'us_name=mysms&us_pwd=pw-112088%203';
const gbk = (text: string) => iconv.encode(text, 'gbk');
const enc = (text: string) => [...gbk(text)].map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`).join('');
const numbers = (n: number) => Array.from({ length: n }, (_, i) => `138${String(i).padStart(8, '0')}`);

const sim = useSimulator();

interface Answer {
	status: number;
	contentType: string;
	bytes: Buffer;
	text: string;
}

function request(path: string, body?: string): Promise<Answer> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			`${sim.urls.sms112088}${path}`,
			{ method: body ? 'POST' : 'GET', headers: body ? { 'content-type': 'application/x-www-form-urlencoded' } : {} },
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
		req.end(body);
	});
}

const get = async (path: string) => (await request(path)).text;
const send = (query: string) => get(`/sendsms_txt.asp?${query}`);

describe('§1.1.1 sendsms_txt.asp', () => {
	it('reads GBK parameters and answers `0|a|b|SMSIDs`, no charset declared', async () => {
		const answer = await request(`/sendsms_txt.asp?${AUTH}&send_phone=13798361236&send_content=${enc('这条是测试短信')}`);
		expect([answer.status, answer.contentType, answer.text]).toEqual([200, 'text/html', '0|1|0|6408676']);
		expect(sim.sent('sms112088')).toEqual([
			expect.objectContaining({ gateway: 'sms112088', mobile: '13798361236', message: '这条是测试短信', messageId: '6408676', sendAt: null }),
		]);
	});

	it('counts wrong-length numbers as failed and repeats the batch id per accepted number', async () => {
		expect(await send(`${AUTH}&send_phone=075580808080,1351234,13012345678&send_content=hi&send_time=20100903112030`)).toBe('0|2|1|6408676,6408676');
		expect(sim.sent('sms112088').map((m) => [m.mobile, m.sendAt])).toEqual([
			['075580808080', '2010-09-03 11:20:30'],
			['13012345678', '2010-09-03 11:20:30'],
		]);
		expect(await send(`${AUTH}&send_phone=13800000001&send_content=hi`)).toBe('0|1|0|6408677');
	});

	it('reads the same parameters from a POST body', async () => {
		expect((await request('/sendsms_txt.asp', `${AUTH}&send_phone=13800000001&send_content=%C4%E3%BA%C3`)).text).toBe('0|1|0|6408676');
		expect(sim.sent('sms112088')[0].message).toBe('你好');
	});

	it.each([
		['-1 without numbers', `${AUTH}&send_phone=&send_content=hi`, '-1'],
		['-2 without content', `${AUTH}&send_phone=13800000001&send_content=`, '-2'],
		['-3|word for a forbidden word', `${AUTH}&send_phone=13800000001&send_content=${enc('代开发票')}`, '-3|代开发票'],
		['-4 for 101 numbers', `${AUTH}&send_phone=${numbers(101).join(',')}&send_content=hi`, '-4'],
		['-7 for a wrong password', 'us_name=mysms&us_pwd=x&send_phone=13800000001&send_content=hi', '-7'],
		['-7 for an unknown user', 'us_name=nobody&us_pwd=x&send_phone=13800000001&send_content=hi', '-7'],
		['-8 for 336 characters', `${AUTH}&send_phone=13800000001&send_content=${'x'.repeat(336)}`, '-8'],
		['-9 without balance', 'us_name=mysms-nofee&us_pwd=pw-112088%203&send_phone=13800000001&send_content=hi', '-9'],
		['-10 for a locked account', 'us_name=mysms-locked&us_pwd=pw-112088%203&send_phone=13800000001&send_content=hi', '-10'],
		['-99 when busy', 'us_name=mysms-busy&us_pwd=pw-112088%203&send_phone=13800000001&send_content=hi', '-99'],
	])('%s', async (_what, query, answer) => {
		expect(await send(query)).toBe(answer);
		expect(sim.sent('sms112088')).toEqual([]);
	});

	it('accepts 100 numbers and 335 characters', async () => {
		expect(await send(`${AUTH}&send_phone=${numbers(100).join(',')}&send_content=hi`)).toMatch(/^0\|100\|0\|(6408676,){99}6408676$/);
		expect(await send(`${AUTH}&send_phone=13800000001&send_content=${'x'.repeat(335)}`)).toBe('0|1|0|6408677');
	});
});

describe('§1.1.4 Get_Account_Balance.asp', () => {
	it('answers the messages left, charging long messages per 67-character part', async () => {
		expect(await get(`/Get_Account_Balance.asp?${AUTH}`)).toBe(String(SMS112088_SIM.balance));
		await send(`${AUTH}&send_phone=13800000001,13800000002&send_content=${'x'.repeat(71)}`);
		expect(await get(`/Get_Account_Balance.asp?${AUTH}`)).toBe(String(SMS112088_SIM.balance - 4));
	});

	it('answers 0 for an empty account, -1 for an unknown one, -7 for a wrong password', async () => {
		expect(await get('/Get_Account_Balance.asp?us_name=mysms-nofee&us_pwd=pw-112088%203')).toBe('0');
		expect(await get('/Get_Account_Balance.asp?us_name=nobody&us_pwd=x')).toBe('-1');
		expect(await get('/Get_Account_Balance.asp?us_name=mysms&us_pwd=x')).toBe('-7');
	});
});

describe('§1.1.2 get_report_txt.asp', () => {
	it('hands out `count|id;number;status|…` once, then 0', async () => {
		await send(`${AUTH}&send_phone=13682250950,13711147169&send_content=hi`);
		sim.queueReport('sms112088', { mobile: '13682250950', vendorStatus: '20' });
		sim.queueReport('sms112088', { mobile: '13711147169' });
		sim.queueReport('sms112088', { mobile: '13719445093', messageId: '6408649', vendorStatus: '-1' });
		expect(sim.pending('sms112088')).toEqual({ replies: 0, reports: 3 });
		expect(await get(`/get_report_txt.asp?${AUTH}`)).toBe('3|6408676;13682250950;20|6408676;13711147169;10|6408649;13719445093;-1');
		expect(await get(`/get_report_txt.asp?${AUTH}`)).toBe('0');
	});

	it('hands out at most 100 per call and raw records verbatim', async () => {
		for (const mobile of numbers(100)) sim.queueReport('sms112088', { mobile, messageId: '1' });
		sim.queueRaw('sms112088', 'report', 'garbled');
		expect((await get(`/get_report_txt.asp?${AUTH}`)).split('|')).toHaveLength(101);
		expect(await get(`/get_report_txt.asp?${AUTH}`)).toBe('1|garbled');
	});

	it('answers -1 for an unknown user, -7 for a wrong password, -3 when busy', async () => {
		expect(await get('/get_report_txt.asp?us_name=nobody&us_pwd=x')).toBe('-1');
		expect(await get('/get_report_txt.asp?us_name=mysms&us_pwd=x')).toBe('-7');
		expect(await get('/get_report_txt.asp?us_name=mysms-busy&us_pwd=pw-112088%203')).toBe('-3');
	});
});

describe('§1.1.3 get_receive_message_txt.asp', () => {
	it('hands out `count|id;number;content|…` in GBK once, then 0', async () => {
		sim.queueReply('sms112088', { mobile: '13798361236', text: '我回复一条' });
		sim.queueReply('sms112088', { mobile: '13826588212', text: '我也回复一条', id: '200' });
		const answer = await request(`/get_receive_message_txt.asp?${AUTH}`);
		expect(answer.bytes).toEqual(gbk('2|133;13798361236;我回复一条|200;13826588212;我也回复一条'));
		expect(await get(`/get_receive_message_txt.asp?${AUTH}`)).toBe('0');
	});

	it('hands out at most 50 per call', async () => {
		for (const mobile of numbers(51)) sim.queueReply('sms112088', { mobile, text: 't' });
		expect(await get(`/get_receive_message_txt.asp?${AUTH}`)).toMatch(/^50\|/);
		expect(await get(`/get_receive_message_txt.asp?${AUTH}`)).toBe('1|183;13800000050;t');
		expect(sim.pending('sms112088')).toEqual({ replies: 0, reports: 0 });
	});

	it('answers -1 for an unknown user, -7 for a wrong password, -3 when busy', async () => {
		expect(await get('/get_receive_message_txt.asp?us_name=nobody&us_pwd=x')).toBe('-1');
		expect(await get('/get_receive_message_txt.asp?us_name=mysms&us_pwd=x')).toBe('-7');
		expect(await get('/get_receive_message_txt.asp?us_name=mysms-busy&us_pwd=pw-112088%203')).toBe('-3');
	});
});

describe('the server', () => {
	it('treats paths case-insensitively and answers unknown pages with an IIS 404 page', async () => {
		expect(await get(`/get_account_balance.ASP?${AUTH}`)).toBe('10000');
		const missing = await request('/nothing.asp');
		expect([missing.status, missing.text]).toEqual([404, expect.stringContaining('The page cannot be found')]);
	});

	it('pushes nothing (112088 documents no push)', () => {
		expect(sim.vendor('sms112088').pushRequest).toBeUndefined();
	});
});
