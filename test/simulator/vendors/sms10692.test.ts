/**
 * Simulator fidelity for SMS10692 (seed 004), by plain HTTP: each documented XML answer format,
 * the signature check (the document's own example, `sign ` with its stray space), the clock
 * window, the GBK endpoint, fetch-once queues and statusNum.
 */
import * as http from 'node:http';

import * as iconv from 'iconv-lite';

import type { Sms10692Sim } from './sms10692';
import { useSimulator } from '../../support/simulator';

const NOW = new Date('2012-07-01T15:12:12Z'); // 20120701231212 China time
const SIGNED = 'userid=12&timestamp=20120701231212&sign=5cc68982f55ac74348e3d819f868fbe1';
const PROLOG = '<?xml version="1.0" encoding="utf-8" ?>\n';
const sim = useSimulator(() => {
	vendor().configure({ clock: () => NOW });
});
const vendor = () => sim.vendor('sms10692') as Sms10692Sim;


function post(path: string, body: string, method: 'POST' | 'GET' = 'POST'): Promise<{ status: number; bytes: Buffer; body: string; type: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			`${sim.urls.sms10692}${path}`,
			{ method, headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => {
					const bytes = Buffer.concat(chunks);
					resolve({ status: res.statusCode ?? 0, bytes, body: bytes.toString('utf8'), type: String(res.headers['content-type']) });
				});
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

describe('/v2sms.aspx', () => {
	it("answers the document's send example (with `sign =`) in the §1.3 format", async () => {
		const body = 'action=send&userid=12&timestamp=20120701231212&sign =5cc68982f55ac74348e3d819f868fbe1&mobile=15023239810,13527576163&content=%E5%86%85%E5%AE%B9&sendTime=&extno=';
		const answer = await post('/v2sms.aspx', body);
		expect([answer.status, answer.type]).toEqual([200, 'text/xml']);
		expect(answer.body).toBe(
			`${PROLOG}<returnsms>\n<returnstatus>Success</returnstatus>\n<message>ok</message>\n<remainpoint>9998</remainpoint>\n<taskID>1212</taskID>\n<successCounts>2</successCounts>\n</returnsms>\n`,
		);
		expect(sim.sent('sms10692')).toEqual([
			{ gateway: 'sms10692', mobile: '15023239810', message: '内容', messageId: '1212', sendAt: null, extno: null, linkId: null, product: null, at: NOW.getTime() },
			{ gateway: 'sms10692', mobile: '13527576163', message: '内容', messageId: '1212', sendAt: null, extno: null, linkId: null, product: null, at: NOW.getTime() },
		]);
	});

	it('answers a refusal as Faild with the message', async () => {
		const answer = await post('/v2sms.aspx', `action=send&${SIGNED}&mobile=&content=x&sendTime=&extno=`);
		expect(answer.body).toBe(
			`${PROLOG}<returnsms>\n<returnstatus>Faild</returnstatus>\n<message>短信号码不能为空</message>\n<remainpoint>0</remainpoint>\n<taskID>0</taskID>\n<successCounts>0</successCounts>\n</returnsms>\n`,
		);
	});

	it.each([
		['用户名或密码不能为空', 'action=send&userid=12&timestamp=20120701231212&mobile=15023239810&content=x'],
		['用户名或密码错误', 'action=send&userid=12&timestamp=20120701231212&sign=5CC68982F55AC74348E3D819F868FBE1&mobile=15023239810&content=x'],
		['用户名或密码错误', 'action=send&userid=13&timestamp=20120701231212&sign=5cc68982f55ac74348e3d819f868fbe1&mobile=15023239810&content=x'],
		['短信内容不能为空', `action=send&${SIGNED}&mobile=15023239810&content=`],
		['发送内容包含sql注入字符', `action=send&${SIGNED}&mobile=15023239810&content=${encodeURIComponent("1' or '1'='1")}`],
		['包含非法字符：违禁词', `action=send&${SIGNED}&mobile=15023239810&content=${encodeURIComponent('有违禁词')}`],
		['其他错误', `action=send&${SIGNED}&mobile=15023239810&content=x&extno=12345678901`],
		['其他错误', `action=send&${SIGNED}&mobile=15023239810&content=x&sendTime=2012-7-2`],
	])('refuses with %s', async (message, body) => {
		expect((await post('/v2sms.aspx', body)).body).toContain(`<returnstatus>Faild</returnstatus>\n<message>${message}</message>`);
		expect(sim.sent('sms10692')).toEqual([]);
	});

	it('refuses a timestamp more than 10 minutes from its clock, even correctly signed', async () => {
		vendor().configure({ clock: () => new Date(NOW.getTime() + 10 * 60 * 1000 + 1000) });
		expect((await post('/v2sms.aspx', `action=overage&${SIGNED}`)).body).toContain('<message>用户名或密码错误</message>');
		vendor().configure({ clock: () => new Date(NOW.getTime() - 9 * 60 * 1000) });
		expect((await post('/v2sms.aspx', `action=overage&${SIGNED}`)).body).toContain('<returnstatus>Sucess</returnstatus>');
	});

	it('reads no parameters from a GET (the pages read the form)', async () => {
		const answer = await post(`/v2sms.aspx?action=overage&${SIGNED}`, '', 'GET');
		expect(answer.body).toContain('<message>用户名或密码不能为空</message>');
	});

	it('refuses a send above the prepaid balance', async () => {
		vendor().configure({ balance: 1 });
		expect((await post('/v2sms.aspx', `action=send&${SIGNED}&mobile=15023239810,15023239811&content=x`)).body).toContain(
			'<message>对不起，您当前要发送的量大于您当前余额</message>',
		);
	});

	it('answers overage in the §2.3 format, spelled Sucess, and counts what was sent', async () => {
		await post('/v2sms.aspx', `action=send&${SIGNED}&mobile=15023239810&content=x&sendTime=&extno=`);
		expect((await post('/v2sms.aspx', `action=overage&${SIGNED}`)).body).toBe(
			`${PROLOG}<returnsms>\n<returnstatus>Sucess</returnstatus>\n<message></message>\n<payinfo>预付费</payinfo>\n<overage>9999</overage>\n<sendTotal>10000</sendTotal>\n</returnsms>\n`,
		);
		expect((await post('/v2sms.aspx', 'action=overage&userid=12&timestamp=20120701231212&sign=x')).body).toBe(
			`${PROLOG}<returnsms>\n<returnstatus>Faild</returnstatus>\n<message>用户名或密码错误</message>\n<payinfo></payinfo>\n<overage>0</overage>\n<sendTotal>0</sendTotal>\n</returnsms>\n`,
		);
	});

	it('answers checkkeyword in the §3.3 format: a message only', async () => {
		expect((await post('/v2sms.aspx', `action=checkkeyword&${SIGNED}&content=${encodeURIComponent('违禁词')}`)).body).toBe(
			`${PROLOG}<returnsms>\n<message>包含非法字符</message>\n</returnsms>\n`,
		);
		expect((await post('/v2sms.aspx', `action=checkkeyword&${SIGNED}&content=hello`)).body).toBe(`${PROLOG}<returnsms>\n<message>没有包含屏蔽词</message>\n</returnsms>\n`);
	});

	it('404 for another page', async () => {
		expect((await post('/v2other.aspx', `action=overage&${SIGNED}`)).status).toBe(404);
	});
});

describe('/v2smsGBK.aspx', () => {
	it('reads GBK form values and answers GBK bytes with a gb2312 prolog', async () => {
		const answer = await post('/v2smsGBK.aspx', `action=send&${SIGNED}&mobile=15023239810&content=%D6%EC%E9F%BB%F9&sendTime=&extno=`);
		expect(sim.sent('sms10692')[0].message).toBe('朱镕基');
		expect(answer.body.startsWith('<?xml version="1.0" encoding="gb2312" ?>\n<returnsms>\n<returnstatus>Success</returnstatus>')).toBe(true);
		vendor().failNext('send', '包含非法字符：朱');
		const refused = await post('/v2smsGBK.aspx', `action=send&${SIGNED}&mobile=15023239810&content=x`);
		expect(refused.bytes.includes(iconv.encode('<message>包含非法字符：朱</message>', 'gbk'))).toBe(true);
	});
});

describe('/v2statusApi.aspx and /v2callApi.aspx', () => {
	it('hands out status boxes once, in the §4.3 format, statusNum at a time; nothing pending is <returnsms/>', async () => {
		sim.queueReport('sms10692', { mobile: '15023239810', messageId: '1212', vendorStatus: '10', reportedAt: '2011-12-02 22:12:11', errorCode: 'DELIVRD', extno: '01' });
		sim.queueReport('sms10692', { mobile: '15023239811', messageId: '1212', vendorStatus: '20', reportedAt: '2011-12-02 22:12:11', errorCode: '2' });
		const box1 = '<statusbox>\n<mobile>15023239810</mobile>\n<taskid>1212</taskid>\n<status>10</status>\n<receivetime>2011-12-02 22:12:11</receivetime>\n<errorcode>DELIVRD</errorcode>\n<extno>01</extno>\n</statusbox>\n';
		const box2 = '<statusbox>\n<mobile>15023239811</mobile>\n<taskid>1212</taskid>\n<status>20</status>\n<receivetime>2011-12-02 22:12:11</receivetime>\n<errorcode>2</errorcode>\n<extno></extno>\n</statusbox>\n';
		expect((await post('/v2statusApi.aspx', `action=query&${SIGNED}&statusNum=1`)).body).toBe(`${PROLOG}<returnsms>\n${box1}</returnsms>\n`);
		expect(vendor().pending()).toEqual({ replies: 0, reports: 1 });
		expect((await post('/v2statusApi.aspx', `action=query&${SIGNED}`)).body).toBe(`${PROLOG}<returnsms>\n${box2}</returnsms>\n`);
		expect((await post('/v2statusApi.aspx', `action=query&${SIGNED}`)).body).toBe(`${PROLOG}<returnsms/>\n`);
	});

	it('hands out call boxes once in the §5.3 format; a reply to a sent number carries its task id', async () => {
		await post('/v2sms.aspx', `action=send&${SIGNED}&mobile=15023239810&content=x&sendTime=&extno=`);
		sim.queueReply('sms10692', { mobile: '15023239810', text: '你好，我不需要', receivedAt: '2011-12-02 22:12:11', extno: '01' });
		expect((await post('/v2callApi.aspx', `action=query&${SIGNED}`)).body).toBe(
			`${PROLOG}<returnsms>\n<callbox>\n<mobile>15023239810</mobile>\n<taskid>1212</taskid>\n<content>你好，我不需要</content>\n<receivetime>2011-12-02 22:12:11</receivetime>\n<extno>01</extno>\n</callbox>\n</returnsms>\n`,
		);
		expect((await post('/v2callApi.aspx', `action=query&${SIGNED}`)).body).toBe(`${PROLOG}<returnsms/>\n`);
	});

	it('hands out raw fragments exactly as queued, in order', async () => {
		sim.queueRaw('sms10692', 'reply', '<callbox><mobile>1</mobil></callbox>');
		expect((await post('/v2callApi.aspx', `action=query&${SIGNED}`)).body).toBe(`${PROLOG}<returnsms>\n<callbox><mobile>1</mobil></callbox></returnsms>\n`);
	});

	it.each([
		['1', '用户名或密码不能为空', '/v2statusApi.aspx', 'action=query&userid=12'],
		['2', '用户名或密码错误', '/v2callApi.aspx', 'action=query&userid=12&timestamp=20120701231212&sign=00'],
		['4', '参数不正确', '/v2statusApi.aspx', `action=list&${SIGNED}`],
		['4', '参数不正确', '/v2statusApi.aspx', `action=query&${SIGNED}&statusNum=all`],
	])('errorstatus %s (%s) in the §4.4 format', async (code, remark, path, body) => {
		sim.queueReport('sms10692', { mobile: '15023239810' });
		expect((await post(path, body)).body).toBe(`${PROLOG}<returnsms>\n<errorstatus>\n<error>${code}</error>\n<remark>${remark}</remark>\n</errorstatus>\n</returnsms>\n`);
		expect(vendor().pending().reports).toBe(1);
	});

	it('errorstatus 3 when the account may not query', async () => {
		vendor().configure({ queriesAllowed: false });
		expect((await post('/v2callApi.aspx', `action=query&${SIGNED}`)).body).toContain('<error>3</error>\n<remark>该用户不允许查看状态报告</remark>');
	});

	it('reset() empties the queues and restores the balance and task ids', async () => {
		sim.queueReport('sms10692', { mobile: '15023239810' });
		sim.queueReply('sms10692', { mobile: '15023239810', text: 'a' });
		await post('/v2sms.aspx', `action=send&${SIGNED}&mobile=15023239810&content=x`);
		expect(vendor().pending()).toEqual({ replies: 1, reports: 1 });
		sim.reset();
		vendor().configure({ clock: () => NOW });
		expect([vendor().pending(), sim.sent('sms10692')]).toEqual([{ replies: 0, reports: 0 }, []]);
		expect((await post('/v2sms.aspx', `action=send&${SIGNED}&mobile=15023239810&content=x`)).body).toContain('<remainpoint>9999</remainpoint>\n<taskID>1212</taskID>');
	});
});
