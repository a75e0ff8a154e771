/**
 * Every cell of the operation table (README "Operations") through the action nodes, in a real n8n ExecuteContext,
 * against the simulator: the exact request bytes and the exact output items.
 */
import { md5Hex } from '../../../nodes/gateways/kit/auth';
import type { GatewayId } from '../../../nodes/gateways/kit/declaration';
import type { NodeSeams } from '../../../nodes/n8n/session';
import { freezeClock, jsonOf, wire, withSeams } from './helpers';
import { useSimulator } from '../../support/simulator';

const seams: NodeSeams = {};
const { execute } = withSeams(seams);

const sleeps: number[] = [];
const sim = useSimulator(() => {
	freezeClock();
	sleeps.length = 0;
	seams.sleep = async (ms) => {
		sleeps.push(ms);
	};
});

afterAll(() => jest.useRealTimers());

/** sms10692 signs with md5(account + password + timestamp); the clock is 2026-11-23 18:00:00 China time. */
const SIGN = md5Hex('testmima20261123180000');
const SMS10692_AUTH = `userid=12&timestamp=20261123180000&sign=${SIGN}`;
/** "验证码1234【公司】" in GBK and in UTF-8, percent-encoded. */
const MSG_GBK = '%D1%E9%D6%A4%C2%EB1234%A1%BE%B9%AB%CB%BE%A1%BF';
const MSG_UTF8 = '%E9%AA%8C%E8%AF%81%E7%A0%811234%E3%80%90%E5%85%AC%E5%8F%B8%E3%80%91';
/** "你好" */
const HELLO_GBK = '%C4%E3%BA%C3';
const HELLO_UTF8 = '%E4%BD%A0%E5%A5%BD';

const SEND = { operation: 'send', recipients: '13800138000，+8613900139000 13800138000', message: '验证码1234', options: { signature: '公司' } };
const BULK = { operation: 'sendBulk', recipient: '={{ $json.phone }}', message: '你好', options: {} };
const BOTH = ['13800138000', '13900139000'];

function sendItem(gateway: GatewayId, messageIds: string[], raw: object) {
	return {
		gateway,
		success: true,
		recipients: BOTH,
		accepted: 2,
		rejected: 0,
		rejectedRecipients: [],
		messageIds,
		segments: 1,
		requests: 1,
		scheduledAt: null,
		raw: [raw],
	};
}

describe('send', () => {
	test.each<[GatewayId, string, object]>([
		[
			'chinaSms',
			`GET /send/gsend.asp?name=company&pwd=pw-China%261&dst=13800138000%2C13900139000&msg=${MSG_GBK}`,
			sendItem('chinaSms', [], { num: '2', success: '13800138000,13900139000', faile: '', err: '发送成功', errid: '0' }),
		],
		[
			'smsAdmin',
			`POST /smsmarketing/wwwroot/api/post_send/ uid=smsuser&pwd=pw-Admin%232&mobile=13800138000%3B13900139000&msg=${MSG_GBK}`,
			sendItem('smsAdmin', [], { code: '0', text: '发送成功!', endpoint: 'post_send' }),
		],
		[
			'sms112088',
			`GET /sendsms_txt.asp?us_name=mysms&us_pwd=pw-112088%203&send_phone=13800138000%2C13900139000&send_content=${MSG_GBK}`,
			sendItem('sms112088', ['6408676'], { code: '0', accepted: 2, failed: 0, smsIds: ['6408676', '6408676'] }),
		],
		[
			'sms18',
			`POST /msg/HttpBatchSendSM account=003547&pswd=Sd123456&mobile=13800138000%2C13900139000&msg=${MSG_UTF8}&needstatus=true&extno=`,
			sendItem('sms18', ['1234567890100'], { resptime: '20261123180000', respstatus: '0', msgid: '1234567890100' }),
		],
		[
			'sms10692',
			`POST /v2sms.aspx action=send&${SMS10692_AUTH}&mobile=13800138000%2C13900139000&content=${MSG_UTF8}&sendTime=&extno=`,
			sendItem('sms10692', ['1212'], { returnstatus: 'Success', message: 'ok', remainpoint: '9998', taskID: '1212', successCounts: '2' }),
		],
	])('%s: one request, normalised and de-duplicated numbers, signature appended', async (gateway, request, item) => {
		const result = await execute(sim, { gateway, ...SEND });
		expect(sim.requests().map(wire)).toEqual([request]);
		expect(jsonOf(result)).toEqual([item]);
		expect(result.output![0][0].pairedItem).toEqual({ item: 0 });
	});
});

describe('sendBulk', () => {
	test.each<[GatewayId, string, string | null, object]>([
		['chinaSms', `GET /send/ssend.asp?name=company&pwd=pw-China%261&dst=13800138000&msg=${HELLO_GBK}`, '1234', { id: '1234', err: '', errid: '0' }],
		[
			'smsAdmin',
			`POST /smsmarketing/wwwroot/api/post_send/ uid=smsuser&pwd=pw-Admin%232&mobile=13800138000&msg=${HELLO_GBK}`,
			null,
			{ code: '0', text: '发送成功!', endpoint: 'post_send' },
		],
		[
			'sms112088',
			`GET /sendsms_txt.asp?us_name=mysms&us_pwd=pw-112088%203&send_phone=13800138000&send_content=${HELLO_GBK}`,
			'6408676',
			{ code: '0', accepted: 1, failed: 0, smsIds: ['6408676'] },
		],
		[
			'sms18',
			`POST /msg/HttpBatchSendSM account=003547&pswd=Sd123456&mobile=13800138000&msg=${HELLO_UTF8}&needstatus=true&extno=`,
			'1234567890100',
			{ resptime: '20261123180000', respstatus: '0', msgid: '1234567890100' },
		],
		[
			'sms10692',
			`POST /v2sms.aspx action=send&${SMS10692_AUTH}&mobile=13800138000&content=${HELLO_UTF8}&sendTime=&extno=`,
			'1212',
			{ returnstatus: 'Success', message: 'ok', remainpoint: '9999', taskID: '1212', successCounts: '1' },
		],
	])('%s: one item per input item with the gateway\'s id', async (gateway, request, messageId, raw) => {
		const result = await execute(sim, { gateway, ...BULK }, [{ phone: '+86 138 0013 8000' }]);
		expect(sim.requests().map(wire)).toEqual([request]);
		expect(jsonOf(result)).toEqual([{ gateway, success: true, recipient: '13800138000', messageId, segments: 1, scheduledAt: null, raw }]);
		expect(result.output![0][0].pairedItem).toEqual({ item: 0 });
	});
});

test('sendTemplate (smsAdmin 点点通): the template and value groups, URL-encoded inside the GB2312 form', async () => {
	const result = await execute(
		sim,
		{ gateway: 'smsAdmin', operation: 'sendTemplate', template: '{value0}您好，验证码{value1}', recipient: '={{ $json.phone }}', values: '={{ $json.values }}', options: {} },
		[
			{ phone: '13800138000', values: '张三,1234' },
			{ phone: '13900139000', values: '李四，5678' },
		],
	);
	const md5 = md5Hex('pw-Admin#2');
	expect(sim.requests().map(wire)).toEqual([
		'POST /smsmarketing/wwwroot/api/post_send_ddt/ ' +
			`uid=smsuser&pwd=${md5}` +
			// The adapter numbers the wire template from {value1} (seed 001 §4's example counts the number as field 0).
			'&msg=%257Bvalue1%257D%25C4%25FA%25BA%25C3%25A3%25AC%25D1%25E9%25D6%25A4%25C2%25EB%257Bvalue2%257D' +
			'&params=13800138000%252C%25D5%25C5%25C8%25FD%252C1234%253B13900139000%252C%25C0%25EE%25CB%25C4%252C5678',
	]);
	const raw = { code: '0', text: '发送成功!', endpoint: 'post_send_ddt' };
	expect(jsonOf(result)).toEqual([
		{ gateway: 'smsAdmin', success: true, recipient: '13800138000', messageId: null, segments: 1, scheduledAt: null, raw },
		{ gateway: 'smsAdmin', success: true, recipient: '13900139000', messageId: null, segments: 1, scheduledAt: null, raw },
	]);
	expect(result.output![0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
});

describe('getBalance', () => {
	test.each<[GatewayId, string, object]>([
		[
			'chinaSms',
			'GET /send/getfee.asp?name=company&pwd=pw-China%261',
			{ balance: 9586, unit: 'yuan', products: null, raw: { id: '9586', err: '成功', errid: '0', short: '企业简称' } },
		],
		[
			'smsAdmin',
			'GET /smsmarketing/wwwroot/api/user_info/?uid=smsuser&pwd=pw-Admin%232',
			{ balance: 1000, unit: 'messages', products: null, raw: { userId: 'smsuser', remaining: '1000' } },
		],
		['sms112088', 'GET /Get_Account_Balance.asp?us_name=mysms&us_pwd=pw-112088%203', { balance: 10000, unit: 'messages', products: null, raw: { balance: '10000' } }],
		[
			'sms18',
			'POST /msg/QueryBalance account=003547&pswd=Sd123456',
			{
				balance: 3000,
				unit: 'messages',
				products: [
					{ product: '1234567', balance: 1000 },
					{ product: '1234531', balance: 2000 },
				],
				raw: {
					resptime: '20261123180000',
					respstatus: '0',
					products: [
						{ product: '1234567', balance: '1000' },
						{ product: '1234531', balance: '2000' },
					],
				},
			},
		],
		[
			'sms10692',
			`POST /v2sms.aspx action=overage&${SMS10692_AUTH}`,
			{ balance: 10000, unit: 'messages', products: null, raw: { returnstatus: 'Sucess', message: '', payinfo: '预付费', overage: '10000', sendTotal: '10000' } },
		],
	])('%s', async (gateway, request, fields) => {
		const result = await execute(sim, { gateway, operation: 'getBalance' }, [{}, {}]);
		expect(sim.requests().map(wire)).toEqual([request, request]);
		expect(jsonOf(result)).toEqual([
			{ gateway, ...fields },
			{ gateway, ...fields },
		]);
		expect(result.output![0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

const REPORT = { mobile: '13800138000', messageId: '555', reportedAt: '2026-11-20 10:11:12' };
const REPLY = { mobile: '13800138000', text: '收到', receivedAt: '2026-11-20 10:11:12' };

describe('fetchReports', () => {
	test.each<[GatewayId, string[], object]>([
		[
			'smsAdmin',
			['GET /smsmarketing/wwwroot/api/report/?uid=smsuser&pwd=pw-Admin%232'],
			{
				messageId: '555',
				mobile: '13800138000',
				status: 'delivered',
				vendorStatus: 'DELIVRD',
				reportedAt: '2026-11-20T10:11:12+08:00',
				extno: null,
				linkId: '555',
				raw: { mobile: '13800138000', time: '2026-11-20 10:11:12', linkId: '555', status: 'DELIVRD', subCode: '', line: '13800138000/2026-11-20 10:11:12/555/DELIVRD/' },
			},
		],
		[
			'sms112088',
			['GET /get_report_txt.asp?us_name=mysms&us_pwd=pw-112088%203'],
			{
				messageId: '555',
				mobile: '13800138000',
				status: 'delivered',
				vendorStatus: '10',
				reportedAt: null,
				extno: null,
				linkId: null,
				raw: { smsId: '555', mobile: '13800138000', status: '10' },
			},
		],
		[
			'sms10692',
			[`POST /v2statusApi.aspx action=query&${SMS10692_AUTH}&statusNum=4000`],
			{
				messageId: '555',
				mobile: '13800138000',
				status: 'delivered',
				vendorStatus: '10',
				reportedAt: '2026-11-20T10:11:12+08:00',
				extno: null,
				linkId: null,
				raw: { mobile: '13800138000', taskid: '555', status: '10', receivetime: '2026-11-20 10:11:12', errorcode: 'DELIVRD', extno: '' },
			},
		],
	])('%s: one item per report', async (gateway, requests, report) => {
		sim.queueReport(gateway, REPORT);
		const result = await execute(sim, { gateway, operation: 'fetchReports', options: {} }, [{}, {}]);
		expect(sim.requests().map(wire)).toEqual(requests);
		expect(jsonOf(result)).toEqual([{ gateway, type: 'report', ...report }]);
		expect(result.output![0][0].pairedItem).toEqual([{ item: 0 }, { item: 1 }]);
	});
});

describe('fetchReplies', () => {
	test.each<[GatewayId, string[], object]>([
		[
			'chinaSms',
			// One reply per call (seed 000 §5): a second call finds nothing pending.
			['GET /send/readsms.asp?name=company&pwd=pw-China%261', 'GET /send/readsms.asp?name=company&pwd=pw-China%261'],
			{
				id: '9586',
				mobile: '13800138000',
				text: '收到',
				receivedAt: '2026-11-20T10:11:00+08:00',
				destination: '0888008',
				extno: null,
				linkId: null,
				unsubscribe: false,
				raw: { id: '9586', err: '成功', src: '13800138000', msg: '收到', dst: '0888008', time: '202611201011' },
			},
		],
		[
			'smsAdmin',
			['GET /smsmarketing/wwwroot/api/reve_urlencode/?uid=smsuser&pwd=pw-Admin%232'],
			{
				id: null,
				mobile: '13800138000',
				text: '收到',
				receivedAt: '2026-11-20T10:11:12+08:00',
				destination: null,
				extno: null,
				linkId: null,
				raw: { mobile: '13800138000', time: '2026-11-20 10:11:12', linkId: '', content: '%CA%D5%B5%BD', subCode: '', line: '13800138000/2026-11-20 10:11:12//%CA%D5%B5%BD/' },
			},
		],
		[
			'sms112088',
			['GET /get_receive_message_txt.asp?us_name=mysms&us_pwd=pw-112088%203'],
			{ id: '133', mobile: '13800138000', text: '收到', receivedAt: null, destination: null, extno: null, linkId: null, raw: { id: '133', mobile: '13800138000', content: '收到' } },
		],
		[
			'sms10692',
			[`POST /v2callApi.aspx action=query&${SMS10692_AUTH}`, `POST /v2callApi.aspx action=query&${SMS10692_AUTH}`],
			{
				id: null,
				mobile: '13800138000',
				text: '收到',
				receivedAt: '2026-11-20T10:11:12+08:00',
				destination: null,
				extno: null,
				linkId: null,
				raw: { mobile: '13800138000', taskid: '0', content: '收到', receivetime: '2026-11-20 10:11:12', extno: '' },
			},
		],
	])('%s: one item per reply', async (gateway, requests, reply) => {
		sim.queueReply(gateway, REPLY);
		const result = await execute(sim, { gateway, operation: 'fetchReplies', options: {} });
		expect(sim.requests().map(wire)).toEqual(requests);
		expect(jsonOf(result)).toEqual([{ gateway, type: 'reply', ...reply }]);
	});
});

describe('checkContent', () => {
	test('smsAdmin: clean', async () => {
		const result = await execute(sim, { gateway: 'smsAdmin', operation: 'checkContent', message: '测试内容' });
		expect(sim.requests().map(wire)).toEqual(['GET /smsmarketing/wwwroot/api/mgz/?uid=smsuser&pwd=pw-Admin%232&msg=%B2%E2%CA%D4%C4%DA%C8%DD']);
		expect(jsonOf(result)).toEqual([{ gateway: 'smsAdmin', clean: true, words: [], raw: { text: '不含敏感字' } }]);
	});

	test('smsAdmin: the words found', async () => {
		const result = await execute(sim, { gateway: 'smsAdmin', operation: 'checkContent', message: '代开发票' });
		expect(jsonOf(result)).toEqual([{ gateway: 'smsAdmin', clean: false, words: ['发票', '代开'], raw: { text: '敏感字:发票;代开;' } }]);
	});

	test('sms10692: clean', async () => {
		const result = await execute(sim, { gateway: 'sms10692', operation: 'checkContent', message: '测试内容' });
		expect(sim.requests().map(wire)).toEqual([`POST /v2sms.aspx action=checkkeyword&${SMS10692_AUTH}&content=%E6%B5%8B%E8%AF%95%E5%86%85%E5%AE%B9`]);
		expect(jsonOf(result)).toEqual([{ gateway: 'sms10692', clean: true, words: [], raw: { message: '没有包含屏蔽词' } }]);
	});
});

test('changePassword (chinaSms): once per execution, the new password never in the output', async () => {
	const result = await execute(sim, { gateway: 'chinaSms', operation: 'changePassword', newPassword: 'new&pw99' }, [{}, {}]);
	expect(sim.requests().map(wire)).toEqual(['GET /send/cpwd.asp?name=company&pwd=pw-China%261&newpwd=new%26pw99']);
	expect(result.output).toEqual([[{ json: { gateway: 'chinaSms', success: true }, pairedItem: [{ item: 0 }, { item: 1 }] }]]);
});
