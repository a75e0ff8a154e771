/**
 * Simulator fidelity for 18SMS (seed 003), by plain HTTP: each documented answer format, the
 * document's GET example URLs, and the pushes exactly as the document shows them.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Sms18Sim } from './sms18';
import { useSimulator } from '../../support/simulator';

const NOW = new Date('2011-07-25T08:04:12Z'); // 20110725160412 China time
const sim = useSimulator(() => {
	vendor().configure({ clock: () => NOW });
});
const vendor = () => sim.vendor('sms18') as Sms18Sim;


function httpRequest(url: string, method: 'GET' | 'POST', body?: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const req = http.request(
			url,
			{ method, headers: body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) } },
			(res) => {
				const chunks: Buffer[] = [];
				res.on('data', (c: Buffer) => chunks.push(c));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
			},
		);
		req.on('error', reject);
		req.end(body);
	});
}

describe('HttpBatchSendSM', () => {
	it("answers the document's GET example (raw UTF-8 in the URL) with two lines", async () => {
		const url = `${sim.urls.sms18}/msg/HttpBatchSendSM?account=003547&pswd=Sd123456&mobile=15924188183&msg=${encodeURI('您好，您的验证码：1234')}&needstatus=true&extno=`;
		expect(await httpRequest(url, 'GET')).toEqual({ status: 200, body: '20110725160412,0\n1234567890100' });
		expect(sim.sent('sms18')).toEqual([
			{ gateway: 'sms18', mobile: '15924188183', message: '您好，您的验证码：1234', messageId: '1234567890100', sendAt: null, extno: null, linkId: null, product: null, at: NOW.getTime() },
		]);
	});

	it('answers a form post; one msgid for many numbers; none without needstatus=true', async () => {
		const form = 'account=003547&pswd=Sd123456&mobile=13800138000%2C13900139000&msg=%E4%BD%A0%E5%A5%BD&needstatus=true&product=1234531&extno=';
		expect((await httpRequest(`${sim.urls.sms18}/msg/HttpBatchSendSM`, 'POST', form)).body).toBe('20110725160412,0\n1234567890100');
		expect(sim.sent('sms18').map((m) => [m.mobile, m.messageId, m.message, m.product])).toEqual([
			['13800138000', '1234567890100', '你好', '1234531'],
			['13900139000', '1234567890100', '你好', '1234531'],
		]);
		const noStatus = form.replace('needstatus=true', 'needstatus=false');
		expect((await httpRequest(`${sim.urls.sms18}/msg/HttpBatchSendSM`, 'POST', noStatus)).body).toBe('20110725160412,0');
	});

	it.each([
		[101, 'account=1&pswd=Sd123456&mobile=13800138000&msg=a&needstatus=true&extno='],
		[102, 'account=003547&pswd=x&mobile=13800138000&msg=a&needstatus=true&extno='],
		[106, 'account=003547&pswd=Sd123456&mobile=13800138000&msg=&needstatus=true&extno='],
		[107, 'account=003547&pswd=Sd123456&mobile=1380013800&msg=a&needstatus=true&extno='],
		[108, 'account=003547&pswd=Sd123456&mobile=&msg=a&needstatus=true&extno='],
		[112, 'account=003547&pswd=Sd123456&mobile=13800138000&msg=a&needstatus=true&product=9&extno='],
		[113, 'account=003547&pswd=Sd123456&mobile=13800138000&msg=a&needstatus=true&extno=x1'],
		[105, `account=003547&pswd=Sd123456&mobile=13800138000&msg=${encodeURIComponent('敏感词')}&needstatus=true&extno=`],
	])('a refusal is one line with the code (%s), no msgid', async (code, form) => {
		expect((await httpRequest(`${sim.urls.sms18}/msg/HttpBatchSendSM`, 'POST', form)).body).toBe(`20110725160412,${code}`);
		expect(sim.sent('sms18')).toEqual([]);
	});

	it('109 once the quota is used up; 106 above 536 characters; failNext answers any code once', async () => {
		vendor().configure({ products: [['1234567', 1]] });
		const post = (msg: string) =>
			httpRequest(`${sim.urls.sms18}/msg/HttpBatchSendSM`, 'POST', `account=003547&pswd=Sd123456&mobile=13800138000&msg=${encodeURIComponent(msg)}&needstatus=true&extno=`);
		expect((await post('a')).body).toBe('20110725160412,0\n1234567890100');
		expect((await post('a')).body).toBe('20110725160412,109');
		expect((await post('x'.repeat(537))).body).toBe('20110725160412,106');
		vendor().failNext('send', 117);
		expect((await post('a')).body).toBe('20110725160412,117');
	});

	it('404 for any other path', async () => {
		expect((await httpRequest(`${sim.urls.sms18}/msg/Other`, 'GET')).status).toBe(404);
	});
});

describe('QueryBalance', () => {
	it("answers the document's format: time,status then productId,balance per line; sends use the quota", async () => {
		const url = `${sim.urls.sms18}/msg/QueryBalance?account=003547&pswd=Sd123456`;
		expect((await httpRequest(url, 'GET')).body).toBe('20110725160412,0\n1234567,1000\n1234531,2000');
		await httpRequest(`${sim.urls.sms18}/msg/HttpBatchSendSM`, 'POST', 'account=003547&pswd=Sd123456&mobile=13800138000&msg=a&needstatus=true&extno=');
		expect((await httpRequest(`${sim.urls.sms18}/msg/QueryBalance`, 'POST', 'account=003547&pswd=Sd123456')).body).toBe(
			'20110725160412,0\n1234567,999\n1234531,2000',
		);
	});

	it('101, 102, and 103 for queries closer than the configured interval', async () => {
		expect((await httpRequest(`${sim.urls.sms18}/msg/QueryBalance?account=1&pswd=Sd123456`, 'GET')).body).toBe('20110725160412,101');
		expect((await httpRequest(`${sim.urls.sms18}/msg/QueryBalance?account=003547&pswd=1`, 'GET')).body).toBe('20110725160412,102');
		let now = NOW.getTime();
		vendor().configure({ balanceIntervalMs: 10_000, clock: () => new Date(now) });
		const query = async () => (await httpRequest(`${sim.urls.sms18}/msg/QueryBalance?account=003547&pswd=Sd123456`, 'GET')).body.split('\n')[0];
		expect(await query()).toBe('20110725160412,0');
		now += 9_000;
		expect(await query()).toBe('20110725160421,103');
		now += 10_000;
		expect(await query()).toBe('20110725160431,0');
	});
});

describe('pushes', () => {
	let server: http.Server;
	let received: string[] = [];
	let url = '';

	beforeAll(async () => {
		server = http.createServer((req, res) => {
			received.push(`${req.method} ${req.url}`);
			res.end('ok');
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
		url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
	});
	afterAll(async () => {
		await new Promise<void>((resolve) => server.close(() => resolve()));
	});
	beforeEach(() => {
		received = [];
	});

	it("pushes the document's status report example as a GET, with receiver/pswd when configured", async () => {
		vendor().configure({ push: { receiver: 'admin', pswd: '12345' } });
		const report = { mobile: '13900210021', messageId: '12345', reportedAt: '2010-12-24 10:02:00', vendorStatus: 'DELIVRD' };
		expect(await sim.push('sms18', 'report', report, { url })).toEqual({ status: 200, body: 'ok' });
		expect(received).toEqual(['GET /hook?receiver=admin&pswd=12345&msgid=12345&reportTime=1012241002&mobile=13900210021&status=DELIVRD']);
	});

	it("pushes the document's inbound message example, and leaves receiver/pswd out when none is configured", async () => {
		vendor().configure({ push: { receiver: 'admin', pswd: '12345' } });
		await sim.push('sms18', 'reply', { mobile: '13800210021', text: 'hello', receivedAt: '2012-08-21 22:05:00', destination: '1065751600001' }, { url });
		vendor().configure({ push: null });
		await sim.push('sms18', 'reply', { mobile: '13800210021', text: 'hello', receivedAt: '2012-08-21 22:05:00' }, { url });
		expect(received).toEqual([
			'GET /hook?receiver=admin&pswd=12345&moTime=1208212205&destcode=1065751600001&mobile=13800210021&msg=hello',
			'GET /hook?moTime=1208212205&destcode=1065751600001&mobile=13800210021&msg=hello',
		]);
	});

	it('pushes a long-message part with isems=1 and emshead, UTF-8 encoded', async () => {
		await sim.push('sms18', 'reply', { mobile: '13800210021', text: '你好', receivedAt: '2012-08-21 22:05:00', emshead: '234,4,1', extno: '01' }, { url });
		expect(received).toEqual([
			'GET /hook?moTime=1208212205&destcode=106575160000101&mobile=13800210021&msg=%E4%BD%A0%E5%A5%BD&isems=1&emshead=234%2C4%2C1',
		]);
	});

	it("a report for a sent number carries that send's msgid; the report time defaults to the clock", async () => {
		await httpRequest(`${sim.urls.sms18}/msg/HttpBatchSendSM`, 'POST', 'account=003547&pswd=Sd123456&mobile=13800138000&msg=a&needstatus=true&extno=');
		await sim.push('sms18', 'report', { mobile: '13800138000', vendorStatus: 'MBBLACK' }, { url });
		expect(received).toEqual(['GET /hook?msgid=1234567890100&reportTime=1107251604&mobile=13800138000&status=MBBLACK']);
	});
});

describe('state', () => {
	it('has no fetch queues, and reset() clears sent messages, quotas and the msgid counter', async () => {
		const post = () => httpRequest(`${sim.urls.sms18}/msg/HttpBatchSendSM`, 'POST', 'account=003547&pswd=Sd123456&mobile=13800138000&msg=a&needstatus=true&extno=');
		await post();
		expect(vendor().pending()).toEqual({ replies: 0, reports: 0 });
		expect(vendor().queueReply).toBeUndefined();
		sim.reset();
		vendor().configure({ clock: () => NOW });
		expect(sim.sent('sms18')).toEqual([]);
		expect((await post()).body).toBe('20110725160412,0\n1234567890100');
		expect((await httpRequest(`${sim.urls.sms18}/msg/QueryBalance?account=003547&pswd=Sd123456`, 'GET')).body).toBe(
			'20110725160412,0\n1234567,999\n1234531,2000',
		);
	});
});
