/**
 * SMS10692 adapter against the simulator: exact signed requests (UTF-8 and GBK endpoints), exact
 * normalised outputs, every refusal family, the document's own XML examples, and bodies it must
 * not accept. The clock is the document's example time, so its signature must reproduce.
 */
import { GatewayError, InputError, TransportError } from '../../../nodes/gateways/kit/errors';
import { SMS10692_MESSAGES, SMS10692_QUERY_ERRORS } from '../../../nodes/gateways/sms10692/errors';
import { sms10692 } from '../../../nodes/gateways/sms10692';
import { createTransport, type Transport } from '../../../nodes/gateways/kit/transport';
import type { GatewayContext } from '../../../nodes/gateways/kit/adapter';
import type { GatewayCredentials } from '../../../nodes/gateways/kit/model';
import { SIM_ACCOUNTS, startSimulator, type Simulator } from '../../simulator';
import type { Sms10692Sim } from '../../simulator/vendors/sms10692';
import { n8nHttpClient } from '../../harness/http';

/** n8n's real request helper (an n8n-core execution context's helpers.httpRequest). */
const http = n8nHttpClient();

/** 2012-07-01 23:12:12 China time: the document's timestamp 20120701231212. */
const NOW = new Date('2012-07-01T15:12:12Z');
const NAME = 'SMS10692 (sms10692.com)';
const SIGNED = 'userid=12&timestamp=20120701231212&sign=5cc68982f55ac74348e3d819f868fbe1';

let sim: Simulator;
const vendor = () => sim.vendor('sms10692') as Sms10692Sim;

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});
beforeEach(() => {
	sim.reset();
	vendor().configure({ clock: () => NOW });
});

function ctx(credentials: GatewayCredentials = {}, now = NOW): GatewayContext {
	return {
		credentials: { ...SIM_ACCOUNTS.sms10692, baseUrl: sim.urls.sms10692, ...credentials },
		transport: createTransport(NAME, { http }),
		now: () => now,
	};
}

/** Answers `body` (bytes as given, optional header) without any HTTP: for the document's verbatim examples. */
function stubCtx(body: string | Buffer, contentType?: string): GatewayContext {
	const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
	const transport: Transport = {
		gateway: NAME,
		redact: createTransport(NAME, { http }).redact,
		request: async (req) => ({
			status: 200,
			headers: contentType ? { 'content-type': contentType } : {},
			bytes,
			text: bytes.toString('utf8'),
			charset: req.charset,
			charsetMismatch: null,
			url: '',
		}),
	};
	return { credentials: { ...SIM_ACCOUNTS.sms10692, baseUrl: 'http://127.0.0.1:9' }, transport, now: () => NOW };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(Error);
	return error as Error;
}

const lastRequest = () => {
	const all = sim.requests('sms10692');
	return all[all.length - 1];
};

describe('send', () => {
	it("posts the document's example, signed md5(test+mima+20120701231212) = 5cc68982…", async () => {
		const outcome = await sms10692.send!(ctx(), { recipients: ['15023239810', '13527576163'], message: '内容' });
		const req = lastRequest();
		expect([req.method, req.path, req.rawQuery]).toEqual(['POST', '/v2sms.aspx', '']);
		expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=UTF-8');
		expect(req.body.toString('latin1')).toBe(
			`action=send&${SIGNED}&mobile=15023239810%2C13527576163&content=%E5%86%85%E5%AE%B9&sendTime=&extno=`,
		);
		expect(outcome).toEqual({
			recipients: [
				{ recipient: '15023239810', success: true, messageId: '1212' },
				{ recipient: '13527576163', success: true, messageId: '1212' },
			],
			messageIds: ['1212'],
			raw: { returnstatus: 'Success', message: 'ok', remainpoint: '9998', taskID: '1212', successCounts: '2' },
		});
		expect(sim.sent('sms10692').map((m) => [m.mobile, m.message, m.messageId])).toEqual([
			['15023239810', '内容', '1212'],
			['13527576163', '内容', '1212'],
		]);
	});

	it('sends sendTime as yyyy-MM-dd HH:mm:ss China time and keeps extno 01', async () => {
		await sms10692.send!(ctx(), { recipients: ['15023239810'], message: 'hi', sendAt: new Date('2012-07-02T00:00:00Z'), extno: '01' });
		expect(lastRequest().body.toString('latin1')).toBe(
			`action=send&${SIGNED}&mobile=15023239810&content=hi&sendTime=2012-07-02%2008%3A00%3A00&extno=01`,
		);
		expect(sim.sent('sms10692')[0]).toEqual(expect.objectContaining({ sendAt: '2012-07-02 08:00:00', extno: '01' }));
	});

	it('posts GBK bytes to /v2smsGBK.aspx, GBK-only characters included, and reads the GB2312 answer', async () => {
		const outcome = await sms10692.send!(ctx({ charset: 'gbk' }), { recipients: ['15023239810'], message: '朱镕基你好' });
		const req = lastRequest();
		expect(req.path).toBe('/v2smsGBK.aspx');
		expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded; charset=GBK');
		expect(req.body.toString('latin1')).toBe(`action=send&${SIGNED}&mobile=15023239810&content=%D6%EC%E9F%BB%F9%C4%E3%BA%C3&sendTime=&extno=`);
		expect(req.response.toString('latin1')).toContain('encoding="gb2312"');
		expect(sim.sent('sms10692')[0].message).toBe('朱镕基你好');
		expect(outcome.messageIds).toEqual(['1212']);
		expect(sms10692.charset({ charset: 'gbk' })).toBe('gbk');
		expect(sms10692.charset({})).toBe('utf8');
	});

	it('signs with the current clock: a later time gives another timestamp and sign, still accepted', async () => {
		const later = new Date('2026-11-23T04:05:06Z');
		vendor().configure({ clock: () => later });
		await sms10692.send!(ctx({}, later), { recipients: ['15023239810'], message: 'x' });
		// md5("testmima20261123120506")
		expect(lastRequest().body.toString()).toContain('&timestamp=20261123120506&sign=e55eb53feb2e1586402f3ab440d275d5&');
	});

	it('refuses bad input before sending', async () => {
		const tooMany = Array.from({ length: 1001 }, (_, i) => `138${String(i).padStart(8, '0')}`);
		const errors = await Promise.all([
			failure(sms10692.send!(ctx(), { recipients: ['15023239810'], message: 'x', extno: '12345678901' })),
			failure(sms10692.send!(ctx(), { recipients: ['15023239810'], message: 'x', extno: '1a' })),
			failure(sms10692.send!(ctx(), { recipients: tooMany, message: 'x' })),
			failure(sms10692.send!(ctx({ charset: 'gbk' }), { recipients: ['15023239810'], message: 'hi 😀' })),
		]);
		expect(errors.every((e) => e instanceof InputError)).toBe(true);
		expect(errors.map((e) => e.message)).toEqual([
			'SMS10692 (sms10692.com): extno "12345678901" must be 1 to 10 digits',
			'SMS10692 (sms10692.com): extno "1a" must be 1 to 10 digits',
			'SMS10692 (sms10692.com) takes 1 to 1000 numbers per request, not 1001',
			'SMS10692 (sms10692.com): the GBK endpoint cannot carry "😀" (U+1F600)',
		]);
		expect(sim.requests('sms10692')).toHaveLength(0);
	});
});

describe('send refusals (texts without numbers: our stable codes)', () => {
	it.each(SMS10692_MESSAGES.map((m) => [m.code, m]))('%s', async (code, entry) => {
		const said = entry.prefix ? `${entry.text}：违禁词,赌博` : entry.text;
		vendor().failNext('send', said);
		const error = (await failure(sms10692.send!(ctx(), { recipients: ['15023239810'], message: 'x' }))) as GatewayError;
		expect(error).toBeInstanceOf(GatewayError);
		const reason = entry.prefix ? `${entry.reason} ("违禁词,赌博")` : entry.reason;
		expect(error.message).toBe(`${NAME}: ${reason} (code ${code})`);
		expect(error.vendorMessage).toBe(said);
	});

	it.each([
		['badLogin', { password: 'wrong' }, {}, NOW],
		['badLogin', {}, {}, new Date(NOW.getTime() + 11 * 60 * 1000)],
		['emptyLogin', { userId: '' }, {}, NOW],
		['illegalWords', {}, { message: '这是违禁词' }, NOW],
		['sqlInjection', {}, { message: "x' or '1'='1" }, NOW],
		['insufficientBalance', {}, { message: '字'.repeat(71) }, NOW],
	])('the simulator answers %s for its documented cause', async (code, credentials, request, now) => {
		vendor().configure({ balance: 1 });
		const error = (await failure(sms10692.send!(ctx(credentials, now), { recipients: ['15023239810'], message: 'x', ...request }))) as GatewayError;
		expect(error.code).toBe(code);
		expect(error.message).toMatch(new RegExp(`^SMS10692 \\(sms10692\\.com\\): .+ \\(code ${code}\\)$`));
		expect(sim.sent('sms10692')).toEqual([]);
		expect(JSON.stringify({ ...error, m: error.message })).not.toMatch(/mima|5cc68982/);
	});

	it('an undocumented text is code unknown with the text kept', async () => {
		vendor().failNext('send', '账户已冻结');
		const error = (await failure(sms10692.send!(ctx(), { recipients: ['15023239810'], message: 'x' }))) as GatewayError;
		expect([error.message, error.vendorMessage]).toEqual([`${NAME}: the gateway refused the request (code unknown)`, '账户已冻结']);
	});
});

describe('getBalance', () => {
	it("posts action=overage and reads the `Sucess` answer", async () => {
		const result = await sms10692.getBalance!(ctx());
		expect([lastRequest().path, lastRequest().body.toString()]).toEqual(['/v2sms.aspx', `action=overage&${SIGNED}`]);
		expect(result).toEqual({
			balance: 10000,
			unit: 'messages',
			products: null,
			raw: { returnstatus: 'Sucess', message: '', payinfo: '预付费', overage: '10000', sendTotal: '10000' },
		});
	});

	it('uses the GBK endpoint when the credential says so, and refuses a wrong password', async () => {
		const gbk = await sms10692.getBalance!(ctx({ charset: 'gbk' }));
		expect([lastRequest().path, gbk.raw.payinfo]).toEqual(['/v2smsGBK.aspx', '预付费']);
		const error = (await failure(sms10692.getBalance!(ctx({ password: 'nope' })))) as GatewayError;
		expect([error.code, error.vendorMessage]).toEqual(['badLogin', '用户名或密码错误']);
	});
});

describe('checkContent', () => {
	it('posts action=checkkeyword with the content; clean and not clean (no word list in the answer)', async () => {
		expect(await sms10692.checkContent!(ctx(), '你好')).toEqual({ clean: true, words: [], raw: { message: '没有包含屏蔽词' } });
		expect(lastRequest().body.toString()).toBe(`action=checkkeyword&${SIGNED}&content=%E4%BD%A0%E5%A5%BD`);
		expect(await sms10692.checkContent!(ctx(), '有违禁词')).toEqual({ clean: false, words: [], raw: { message: '包含非法字符' } });
	});

	it('returns the words when the gateway appends them, and refuses a wrong login', async () => {
		vendor().failNext('checkkeyword', '包含非法字符：赌博，违禁词');
		expect((await sms10692.checkContent!(ctx(), 'x')).words).toEqual(['赌博', '违禁词']);
		const error = (await failure(sms10692.checkContent!(ctx({ account: 'other' }), 'x'))) as GatewayError;
		expect(error.message).toBe(`${NAME}: ${SMS10692_MESSAGES.find((m) => m.code === 'badLogin')!.reason} (code badLogin)`);
	});
});

describe('fetchReports', () => {
	it('posts action=query with statusNum=4000 to /v2statusApi.aspx and normalises each status box', async () => {
		sim.queueReport('sms10692', { mobile: '15023239810', messageId: '1212', vendorStatus: '10', reportedAt: '2011-12-02 22:12:11', errorCode: 'DELIVRD', extno: '01' });
		sim.queueReport('sms10692', { mobile: '15023239811', messageId: '1212', vendorStatus: '20', reportedAt: '2011-12-02 22:12:11', errorCode: '2' });
		const page = await sms10692.fetchReports!(ctx());
		expect([lastRequest().path, lastRequest().body.toString()]).toEqual(['/v2statusApi.aspx', `action=query&${SIGNED}&statusNum=4000`]);
		expect(page).toEqual({
			more: false,
			events: [
				{
					type: 'report', messageId: '1212', mobile: '15023239810', status: 'delivered', vendorStatus: '10',
					reportedAt: '2011-12-02T22:12:11+08:00', extno: '01', linkId: null,
					raw: { mobile: '15023239810', taskid: '1212', status: '10', receivetime: '2011-12-02 22:12:11', errorcode: 'DELIVRD', extno: '01' },
				},
				{
					type: 'report', messageId: '1212', mobile: '15023239811', status: 'failed', vendorStatus: '20',
					reportedAt: '2011-12-02T22:12:11+08:00', extno: null, linkId: null,
					raw: { mobile: '15023239811', taskid: '1212', status: '20', receivetime: '2011-12-02 22:12:11', errorcode: '2', extno: '' },
				},
			],
		});
		expect(await sms10692.fetchReports!(ctx())).toEqual({ events: [], more: false });
	});

	it('a single box; ids with leading zeros stay strings; an unknown status is unknown', async () => {
		sim.queueReport('sms10692', { mobile: '15023239810', messageId: '00120', vendorStatus: '30', extno: '007' });
		const [event] = (await sms10692.fetchReports!(ctx())).events;
		expect([event.messageId, event.status, event.vendorStatus, event.extno, event.reportedAt]).toEqual(['00120', 'unknown', '30', '007', '2012-07-01T23:12:12+08:00']);
	});

	it('says more when a full page of 4000 came back', async () => {
		for (let i = 0; i < 4001; i++) sim.queueReport('sms10692', { mobile: `138${String(i).padStart(8, '0')}`, messageId: String(i) });
		const first = await sms10692.fetchReports!(ctx());
		expect([first.events.length, first.more, first.events[3999].mobile]).toEqual([4000, true, '13800003999']);
		const second = await sms10692.fetchReports!(ctx());
		expect([second.events.length, second.more, second.events[0].mobile]).toEqual([1, false, '13800004000']);
	});

	it('never drops a box: an unreadable box or stray content becomes an event with parseError and raw', async () => {
		sim.queueReport('sms10692', { mobile: '15023239810', messageId: '1' });
		sim.queueRaw('sms10692', 'report', '<statusbox>\n<mobile>15023239812</mobil>\n</statusbox>\n');
		sim.queueRaw('sms10692', 'report', 'garbled###\n');
		sim.queueRaw('sms10692', 'report', '<statusbox><taskid>9</taskid></statusbox>\n');
		sim.queueReport('sms10692', { mobile: '15023239813', messageId: '2' });
		const { events } = await sms10692.fetchReports!(ctx());
		expect(events.map((e) => [e.mobile, e.parseError ?? null])).toEqual([
			['15023239810', null],
			[null, 'the status box is not well-formed XML'],
			[null, 'the status box has no mobile, status'],
			['15023239813', null],
			[null, 'unrecognised content in the status report answer'],
		]);
		expect(events[1].raw).toEqual({ xml: '<statusbox>\n<mobile>15023239812</mobil>\n</statusbox>' });
		expect(events[2].raw).toEqual({ taskid: '9' });
		expect(events[4].raw).toEqual({ xml: 'garbled###' });
	});

	it.each(Object.entries(SMS10692_QUERY_ERRORS))('errorstatus %s reads "<name>: <reason> (code <error>)"', async (code, entry) => {
		vendor().failNext('reports', Number(code));
		const error = (await failure(sms10692.fetchReports!(ctx()))) as GatewayError;
		expect(error.message).toBe(`${NAME}: ${entry.reason} (code ${code})`);
		expect(error.vendorMessage).toBe(`simulated error ${code}`);
	});

	it('the simulator answers 2 for a wrong password and 3 when queries are not allowed', async () => {
		expect(((await failure(sms10692.fetchReports!(ctx({ password: 'x' })))) as GatewayError).code).toBe('2');
		vendor().configure({ queriesAllowed: false });
		const error = (await failure(sms10692.fetchReports!(ctx()))) as GatewayError;
		expect([error.code, error.vendorMessage]).toEqual(['3', '该用户不允许查看状态报告']);
	});
});

describe('fetchReplies', () => {
	it('posts action=query to /v2callApi.aspx and normalises each call box', async () => {
		sim.queueReply('sms10692', { mobile: '15023239810', id: '1212', text: '你好，我不需要', receivedAt: '2011-12-02 22:12:11', extno: '01' });
		const page = await sms10692.fetchReplies!(ctx());
		expect([lastRequest().path, lastRequest().body.toString()]).toEqual(['/v2callApi.aspx', `action=query&${SIGNED}`]);
		expect(page).toEqual({
			more: true,
			events: [
				{
					type: 'reply', id: null, mobile: '15023239810', text: '你好，我不需要', receivedAt: '2011-12-02T22:12:11+08:00',
					destination: null, extno: '01', linkId: null,
					raw: { mobile: '15023239810', taskid: '1212', content: '你好，我不需要', receivetime: '2011-12-02 22:12:11', extno: '01' },
				},
			],
		});
		expect(await sms10692.fetchReplies!(ctx())).toEqual({ events: [], more: false });
	});

	it('keeps XML-escaped text and leading spaces exactly; expands no other entity', async () => {
		sim.queueReply('sms10692', { mobile: '15023239810', text: ' a<b & "c" ' });
		sim.queueRaw('sms10692', 'reply', '<callbox><mobile>15023239811</mobile><content>&xxe;&#20013;</content></callbox>');
		const { events } = await sms10692.fetchReplies!(ctx());
		expect(events.map((e) => e.text)).toEqual([' a<b & "c" ', '&xxe;中']);
	});

	it('errorstatus answers are refusals', async () => {
		const error = (await failure(sms10692.fetchReplies!(ctx({ userId: '13' })))) as GatewayError;
		expect(error.message).toBe(`${NAME}: ${SMS10692_QUERY_ERRORS['2'].reason} (code 2)`);
		vendor().failNext('replies', 4);
		expect(((await failure(sms10692.fetchReplies!(ctx()))) as GatewayError).code).toBe('4');
	});
});

describe("the document's XML examples, verbatim (annotations included)", () => {
	// seed 004 §4.3, copied as printed.
	const statusExample = `<?xml version="1.0" encoding="utf-8" ?> 

<returnsms>

<statusbox>

<mobile>15023239810</mobile>-------------对应的手机号码
<taskid>1212</taskid>-------------同一批任务ID

<status>10</status>---------状态报告----10：发送成功，20：发送失败
<receivetime>2011-12-02 22:12:11</receivetime>-------------接收时间

<errorcode>DELIVRD</errorcode>-上级网关返回值，不同网关返回值不同，仅作为参考

<extno>01</extno>--子号，即自定义扩展号

</statusbox>

<statusbox>

<mobile>15023239811</mobile>

<taskid>1212</taskid>

<status>20</status>

<receivetime>2011-12-02 22:12:11</receivetime>
<errorcode>2</errorcode>
<extno></extno>

</statusbox>

</returnsms>`;

	// seed 004 §5.3.
	const callExample = `<?xml version="1.0" encoding="utf-8" ?> 

<returnsms>

<callbox>

<mobile>15023239810</mobile>-------------对应的手机号码
<taskid>1212</taskid>-------------同一批任务ID

<content>你好，我不需要</content>---------上行内容
<receivetime>2011-12-02 22:12:11</receivetime>-------------接收时间

<extno>01</extno>----子号，即自定义扩展号

</callbox>

<callbox>

<mobile>15023239811</mobile>

<taskid>1212</taskid>

<content>你好，本次活动路线是怎么的</content>

<receivetime>2011-12-02 22:12:11</receivetime>
<extno>01</extno>

</callbox>

</returnsms>`;

	// seed 004 §4.4 and §5.4 (identical).
	const errorExample = `<?xml version="1.0" encoding="utf-8" ?> 

<returnsms>

<errorstatus>

<error>1</error>-------------错误码
<remark>用户名或密码不能为空</remark>-------------错误描述
</errorstatus>

</returnsms>`;

	it('§4.3 status reports', async () => {
		const page = await sms10692.fetchReports!(stubCtx(statusExample));
		expect(page.events.map((e) => [e.messageId, e.mobile, e.status, e.vendorStatus, e.reportedAt, e.extno, e.raw.errorcode, e.parseError])).toEqual([
			['1212', '15023239810', 'delivered', '10', '2011-12-02T22:12:11+08:00', '01', 'DELIVRD', undefined],
			['1212', '15023239811', 'failed', '20', '2011-12-02T22:12:11+08:00', null, '2', undefined],
		]);
	});

	it('§5.3 replies', async () => {
		const page = await sms10692.fetchReplies!(stubCtx(callExample));
		expect(page.events.map((e) => [e.mobile, e.text, e.receivedAt, e.extno, e.raw.taskid])).toEqual([
			['15023239810', '你好，我不需要', '2011-12-02T22:12:11+08:00', '01', '1212'],
			['15023239811', '你好，本次活动路线是怎么的', '2011-12-02T22:12:11+08:00', '01', '1212'],
		]);
	});

	it('§4.4 / §5.4 errorstatus', async () => {
		for (const fetch of [sms10692.fetchReports!, sms10692.fetchReplies!]) {
			const error = (await failure(fetch(stubCtx(errorExample)))) as GatewayError;
			expect([error.message, error.vendorMessage]).toEqual([`${NAME}: ${SMS10692_QUERY_ERRORS['1'].reason} (code 1)`, '用户名或密码不能为空']);
		}
	});

	// §1.3, §2.3, §3.3 are templates: their placeholders get values, the layout and annotations stay.
	it('§1.3 send answer', async () => {
		const body = `<?xml version="1.0" encoding="utf-8" ?>

<returnsms>

<returnstatus>Success</returnstatus> ---------- 返回状态值：成功返回Success 失败返回：Faild

<message>ok</message> ---------- 返回信息：见下表
<remainpoint> 9870</remainpoint> ---------- 返回余额
<taskID>1504</taskID>  -----------  返回本次任务的序列ID

<successCounts>1</successCounts> --成功短信数：当成功后返回提交成功短信数
</returnsms>`;
		const outcome = await sms10692.send!(stubCtx(body), { recipients: ['15023239810'], message: 'x' });
		expect([outcome.messageIds, outcome.raw]).toEqual([['1504'], { returnstatus: 'Success', message: 'ok', remainpoint: '9870', taskID: '1504', successCounts: '1' }]);
		const failed = body.replace('>Success<', '>Faild<').replace('>ok<', '>对不起，您当前要发送的量大于您当前余额<');
		expect(((await failure(sms10692.send!(stubCtx(failed), { recipients: ['15023239810'], message: 'x' }))) as GatewayError).code).toBe('insufficientBalance');
	});

	it('§2.3 balance answer (Sucess, and Success as elsewhere)', async () => {
		const body = `<?xml version="1.0" encoding="utf-8" ?>

<returnsms>

<returnstatus>Sucess</returnstatus>-------返回状态值：成功返回Sucess (注意：此处是Sucess，和其它接口返回的Success不同)失败返回：Faild

<message></message>--------------返回信息提示：见下表
<payinfo>后付费</payinfo>--------------返回支付方式  后付费，预付费
<overage>1502</overage>-------------返回余额
<sendTotal>20000</sendTotal>----返回总点数  当支付方式为预付费是返回总充值点数
</returnsms>`;
		for (const text of [body, body.replace('>Sucess<', '>Success<')]) {
			const result = await sms10692.getBalance!(stubCtx(text));
			expect([result.balance, result.raw.payinfo, result.raw.sendTotal]).toEqual([1502, '后付费', '20000']);
		}
	});

	it('§3.3 keyword answer', async () => {
		const body = (said: string) => `<?xml version="1.0" encoding="utf-8" ?>

<returnsms>

<message>${said}</message>--------------返回信息提示：见下表
</returnsms>`;
		expect((await sms10692.checkContent!(stubCtx(body('包含非法字符')), 'x')).clean).toBe(false);
		expect((await sms10692.checkContent!(stubCtx(body('没有包含屏蔽词')), 'x')).clean).toBe(true);
		expect(((await failure(sms10692.checkContent!(stubCtx(body('用户名或密码不能为空')), 'x'))) as GatewayError).code).toBe('emptyLogin');
	});

	it('nothing pending: <returnsms/> and an empty <returnsms></returnsms>', async () => {
		for (const body of ['<?xml version="1.0" encoding="utf-8" ?>\n<returnsms/>', '<?xml version="1.0" encoding="utf-8" ?> \n\n<returnsms>\n\n</returnsms>']) {
			expect(await sms10692.fetchReports!(stubCtx(body))).toEqual({ events: [], more: false });
			expect(await sms10692.fetchReplies!(stubCtx(body))).toEqual({ events: [], more: false });
		}
	});

	it('decodes by the XML prolog when the header declares no charset', async () => {
		const gbk = Buffer.concat([
			Buffer.from('<?xml version="1.0" encoding="gb2312" ?><returnsms><callbox><mobile>15023239810</mobile><content>'),
			Buffer.from([0xc4, 0xda, 0xc8, 0xdd]), // 内容 in GBK
			Buffer.from('</content></callbox></returnsms>'),
		]);
		const { events } = await sms10692.fetchReplies!(stubCtx(gbk));
		expect(events[0].text).toBe('内容');
		expect(events[0].parseError).toBeUndefined();
	});

	it('a prolog the bytes contradict: read as the prolog says, never switched, each box flagged with its bytes', async () => {
		const box = Buffer.concat([Buffer.from('<callbox><mobile>15023239810</mobile><content>'), Buffer.from([0xc4, 0xda, 0xc8, 0xdd]), Buffer.from('</content></callbox>')]);
		const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8" ?><returnsms>'), box, Buffer.from('</returnsms>')]);
		const { events } = await sms10692.fetchReplies!(stubCtx(body));
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({ mobile: '15023239810', text: Buffer.from([0xc4, 0xda, 0xc8, 0xdd]).toString('utf8') });
		expect(events[0].parseError).toBe(
			"the answer looks like GBK although its XML prolog declares UTF-8, so it was read as UTF-8 and its Chinese text may be garbled: the gateway mislabels its answers, so tell its vendor; raw.bytesBase64 holds this record's bytes as they arrived",
		);
		expect(Buffer.from(String(events[0].raw.bytesBase64), 'base64')).toEqual(box);
	});

	it('a balance answer that cannot be understood names the contradicted prolog', async () => {
		const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8" ?><returnsms><message>'), Buffer.from([0xc4, 0xda]), Buffer.from('</message></returnsms>')]);
		const error = await failure(sms10692.getBalance!(stubCtx(body)));
		expect(error.message).toBe(
			`${NAME}: unexpected response to the balance query: "${body.toString('utf8')}". The answer looks like GBK although its XML prolog declares UTF-8, so it was read as UTF-8 and its Chinese text may be garbled: the gateway mislabels its answers, so tell its vendor.`,
		);
	});
});

describe('bodies it does not recognise', () => {
	it.each([
		['an HTML page', '<html><body>Server Error in \'/\' Application.</body></html>'],
		['garbage', 'Hello'],
		['truncated XML', '<?xml version="1.0" encoding="utf-8" ?>\n<returnsms>\n<statusbox>\n<mobile>1502'],
		['a DOCTYPE (never processed)', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]><returnsms>&x;</returnsms>'],
		['an empty body', ''],
		// Read in one pass: a pattern with two runs of optional blank space took minutes on this.
		['1 MB of blank space', ' '.repeat(1_000_000)],
	])('%s', async (_, body) => {
		for (const call of [
			(c: GatewayContext) => sms10692.fetchReports!(c),
			(c: GatewayContext) => sms10692.getBalance!(c),
			(c: GatewayContext) => sms10692.send!(c, { recipients: ['15023239810'], message: 'x' }),
			(c: GatewayContext) => sms10692.checkContent!(c, 'x'),
		]) {
			const error = await failure(call(stubCtx(body)));
			expect(error).toBeInstanceOf(TransportError);
			expect((error as TransportError).failure).toBe('unexpected');
		}
	});

	it('a box with a field named __proto__ (or constructor, prototype) is kept raw, unread', async () => {
		const body = '<returnsms><callbox><mobile>15023239810</mobile><__proto__>x</__proto__></callbox><callbox><mobile>15023239811</mobile><constructor/></callbox></returnsms>';
		const { events } = await sms10692.fetchReplies!(stubCtx(body));
		expect(events.map((e) => [e.mobile, e.parseError, e.raw])).toEqual([
			[null, 'the reply box is not well-formed XML', { xml: '<callbox><mobile>15023239810</mobile><__proto__>x</__proto__></callbox>' }],
			[null, 'the reply box is not well-formed XML', { xml: '<callbox><mobile>15023239811</mobile><constructor/></callbox>' }],
		]);
		expect(({} as Record<string, unknown>).x).toBeUndefined();
	});

	it('a send answer with an unknown returnstatus', async () => {
		const error = await failure(sms10692.send!(stubCtx('<returnsms><returnstatus>Maybe</returnstatus></returnsms>'), { recipients: ['15023239810'], message: 'x' }));
		expect(error.message).toBe(`${NAME}: unexpected response to send: "<returnsms><returnstatus>Maybe</returnstatus></returnsms>"`);
	});

	it('an HTML error page from the simulator, with no secret in the error', async () => {
		sim.fault('sms10692', { type: 'htmlError' });
		const error = await failure(sms10692.getBalance!(ctx()));
		expect((error as TransportError).failure).toBe('unexpected');
		sim.fault('sms10692', { type: 'http500' });
		const http = (await failure(sms10692.fetchReports!(ctx()))) as TransportError;
		expect(http.failure).toBe('http');
		expect(JSON.stringify({ ...http, m: http.message })).not.toMatch(/mima|5cc68982/);
	});
});

describe('sendProblems and limits', () => {
	it('checks extno: digits, at most 10', () => {
		expect(sms10692.sendProblems!({ message: 'x', extno: '0123456789' }, ['13800000001'])).toEqual([]);
		expect(sms10692.sendProblems!({ message: 'x', extno: '01234567890' }, ['13800000001'])).toEqual(['extno "01234567890" must be 1 to 10 digits']);
	});

	it('declares its limits', () => {
		expect(sms10692.limits).toEqual({ maxRecipientsPerRequest: 1000, fetchSpacingMs: 1000, fetchPageSize: 4000, supportsSchedule: true });
		expect(sms10692.credentialTypes).toEqual(['sms10692Api']);
	});
});
