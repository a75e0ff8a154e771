/**
 * The push triggers in n8n-core's real WebhookContext (test/harness/webhook.ts): requests
 * carry the vendors' real bytes (the simulator vendors' pushRequest()); every test checks the
 * exact answer the gateway gets and whether an execution starts, with which items.
 */
import type { INode, INodeParameters } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { encodePairs, encodeText } from '../../../../nodes/gateways/kit/charset';
import { pushTrigger } from '../../../support/nodes';
import { requestFromPushSpec, runWebhook, runWebhookMethod, WEBHOOK_BASE_URL, WEBHOOK_ID } from '../../../harness/webhook';
import type { StaticDataStore, WebhookRequestSpec } from '../../../harness/webhook';
import type { QueuedEvent } from '../../../simulator/types';
import { createVendors } from '../../../simulator/vendors';
import type { Sms18Sim } from '../../../simulator/vendors/sms18';

/** The clock the push triggers read (the long-message wait); null: the real one. */
let clockMs: number | null = null;
const node = (gateway: string) => pushTrigger(gateway as never, { now: () => new Date(clockMs ?? Date.now()) });
const vendors = createVendors();
const sms18Sim = vendors.sms18 as Sms18Sim;

type Gateway = 'chinaSms' | 'smsAdmin' | 'sms18';

function pushOf(gateway: Gateway, kind: 'reply' | 'report', event: QueuedEvent, extra: Omit<WebhookRequestSpec, 'method' | 'query' | 'body'> = {}) {
	return requestFromPushSpec(vendors[gateway].pushRequest!(kind, event)!, extra);
}

const SMS18_PUSH_AUTH = { receiver: 'admin', pswd: 's3cret-Pw' };
const sms18Options = { receiver: SMS18_PUSH_AUTH.receiver, password: SMS18_PUSH_AUTH.pswd };

beforeEach(() => {
	sms18Sim.reset();
	sms18Sim.configure({ push: SMS18_PUSH_AUTH });
});

describe('each gateway and event, decoded from the raw bytes', () => {
	it('chinaSms reply (GBK query string): bare 0 as text/plain, one reply item', async () => {
		const request = pushOf('chinaSms', 'reply', { mobile: '13903710009', text: '点播信息', id: '54321', destination: '8880123' });
		const run = await runWebhook(node, { parameters: { gateway: 'chinaSms' } }, request);
		expect(run.status).toBe(200);
		expect(run.headers['content-type']).toBe('text/plain');
		expect(run.text).toBe('0');
		expect(run.body.equals(Buffer.from('0'))).toBe(true);
		expect(run.items).toEqual([
			{
				gateway: 'chinaSms',
				type: 'reply',
				id: '54321',
				mobile: '13903710009',
				text: '点播信息',
				receivedAt: null,
				destination: '8880123',
				extno: null,
				linkId: null,
				unsubscribe: false,
				raw: { src: '13903710009', dst: '8880123', msg: '点播信息', mo: '54321' },
			},
		]);
		// n8n's own query parser reads the GBK bytes as UTF-8 and garbles them.
		expect((run.n8nParsed.query as Record<string, string>).msg).not.toBe('点播信息');
		expect(run.logs.filter((l) => l.level !== 'debug')).toEqual([]);
	});

	it('chinaSms reply 0000: unsubscribe true, still answered 0', async () => {
		const run = await runWebhook(node, { parameters: { gateway: 'chinaSms' } }, pushOf('chinaSms', 'reply', { mobile: '13903710009', text: '0000', id: '1' }));
		expect(run.text).toBe('0');
		expect(run.items).toEqual([expect.objectContaining({ text: '0000', unsubscribe: true })]);
	});

	it('chinaSms reply in UTF-8 when the Charset option says so', async () => {
		const query = encodePairs([['src', '13903710009'], ['msg', '你好'], ['mo', '7']], 'utf8');
		const utf8 = await runWebhook(node, { parameters: { gateway: 'chinaSms', options: { charset: 'utf8' } } }, { query });
		expect(utf8.items?.[0]).toMatchObject({ text: '你好' });
		const gbkDefault = await runWebhook(node, { parameters: { gateway: 'chinaSms' } }, { query });
		expect(gbkDefault.items?.[0].text).not.toBe('你好');
	});

	it('chinaSms reply POSTed as a GBK form body', async () => {
		const body = Buffer.from(encodePairs([['src', '13903710009'], ['msg', '回复内容']], 'gbk'), 'latin1');
		const run = await runWebhook(node, { parameters: { gateway: 'chinaSms' } }, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(run.text).toBe('0');
		expect(run.items?.[0]).toMatchObject({ mobile: '13903710009', text: '回复内容' });
		// n8n left the body unparsed (the node asks it to, options.binaryData): the node read its bytes.
		expect(run.n8nParsed.body).toBeUndefined();
	});

	it('smsAdmin Class=mo (GB2312 POST body): plain 200, one reply item', async () => {
		const request = pushOf('smsAdmin', 'reply', { mobile: '13802102102', text: '测试回复', linkId: '123456789', receivedAt: '2017-09-28 10:11:12' });
		expect(request.method).toBe('POST');
		const run = await runWebhook(node, { parameters: { gateway: 'smsAdmin', options: { userId: 'smsuser' } } }, request);
		expect([run.status, run.headers['content-type'], run.text]).toEqual([200, 'text/plain', '']);
		expect(run.items).toEqual([
			{
				gateway: 'smsAdmin',
				type: 'reply',
				id: null,
				mobile: '13802102102',
				text: '测试回复',
				receivedAt: '2017-09-28T10:11:12+08:00',
				destination: null,
				extno: null,
				linkId: '123456789',
				raw: { Class: 'mo', SmsName: 'smsuser', Mobile: '13802102102', Message: '测试回复', LinkId: '123456789', RevertTime: '2017-09-28 10:11:12' },
			},
		]);
	});

	it('smsAdmin Class=rpt: plain 200, one report item', async () => {
		const request = pushOf('smsAdmin', 'report', { mobile: '13802102102', linkId: '55', vendorStatus: 'DELIVRD', reportedAt: '0000-00-00 00:00:00' });
		const run = await runWebhook(node, { parameters: { gateway: 'smsAdmin' } }, request);
		expect([run.status, run.text]).toEqual([200, '']);
		expect(run.items).toEqual([
			{
				gateway: 'smsAdmin',
				type: 'report',
				messageId: null,
				mobile: '13802102102',
				status: 'delivered',
				vendorStatus: 'DELIVRD',
				reportedAt: null,
				extno: null,
				linkId: '55',
				raw: { Class: 'rpt', SmsName: 'smsuser', Mobile: '13802102102', LinkId: '55', Report: 'DELIVRD', ReportTime: '0000-00-00 00:00:00' },
			},
		]);
	});

	it('sms18 status report (UTF-8 GET): plain 200, one report item without receiver/pswd', async () => {
		const request = pushOf('sms18', 'report', { mobile: '13900210021', messageId: '12345', vendorStatus: 'MBBLACK', reportedAt: '2010-12-24 10:02:00' });
		const run = await runWebhook(node, { parameters: { gateway: 'sms18', options: sms18Options } }, request);
		expect([run.status, run.text]).toEqual([200, '']);
		expect(run.items).toEqual([
			{
				gateway: 'sms18',
				type: 'report',
				messageId: '12345',
				mobile: '13900210021',
				status: 'failed',
				vendorStatus: 'MBBLACK',
				reportedAt: '2010-12-24T10:02:00+08:00',
				extno: null,
				linkId: null,
				raw: { msgid: '12345', reportTime: '1012241002', mobile: '13900210021', status: 'MBBLACK' },
			},
		]);
		expect(JSON.stringify(run.items)).not.toContain(SMS18_PUSH_AUTH.pswd);
	});

	it('sms18 inbound message (UTF-8 GET): plain 200, one reply item', async () => {
		const request = pushOf('sms18', 'reply', { mobile: '13800210021', text: '好的，谢谢', destination: '1065751600001', receivedAt: '2012-08-21 22:05:00' });
		const run = await runWebhook(node, { parameters: { gateway: 'sms18', options: sms18Options } }, request);
		expect(run.status).toBe(200);
		expect(run.items).toEqual([
			{
				gateway: 'sms18',
				type: 'reply',
				id: null,
				mobile: '13800210021',
				text: '好的，谢谢',
				receivedAt: '2012-08-21T22:05:00+08:00',
				destination: '1065751600001',
				extno: null,
				linkId: null,
				raw: { moTime: '1208212205', destcode: '1065751600001', mobile: '13800210021', msg: '好的，谢谢' },
			},
		]);
	});
});

describe('form posts that declare their charset (n8n itself knows no GBK or GB2312)', () => {
	const reply = (charset: 'gbk' | 'gb2312' | 'utf8', label: string | null) => {
		const body = Buffer.from(encodePairs([['src', '13903710009'], ['msg', '回复：好的，谢谢'], ['mo', '9']], charset), 'latin1');
		const contentType = `application/x-www-form-urlencoded${label === null ? '' : `; charset=${label}`}`;
		return { method: 'POST', body, headers: { 'content-type': contentType } };
	};

	it.each([
		['gbk', 'GBK'],
		['gbk', 'gbk'],
		['gb2312', 'gb2312'],
		['gb2312', 'GB2312'],
		['gbk', null],
		['gb2312', null],
		['utf8', 'UTF-8'],
	] as const)('%s bytes labelled %s: one reply with the right text', async (charset, label) => {
		const options = charset === 'utf8' ? { charset: 'utf8', binaryData: true } : {};
		const run = await runWebhook(node, { parameters: { gateway: 'chinaSms', ...(charset === 'utf8' ? { options } : {}) } }, reply(charset, label));
		expect([run.status, run.text]).toEqual([200, '0']);
		expect(run.items).toEqual([expect.objectContaining({ type: 'reply', mobile: '13903710009', text: '回复：好的，谢谢' })]);
	});

	it('n8n refuses a GBK label with 422 (the node never runs) when options lack binaryData', async () => {
		// As in a workflow written by hand without the hidden option: n8n parses the body first.
		const run = await runWebhook(node, { parameters: { gateway: 'chinaSms', options: { charset: 'gbk' } } }, reply('gbk', 'GBK'));
		expect([run.status, run.items]).toEqual([422, null]);
		expect(JSON.parse(run.text)).toMatchObject({ code: 422, hint: 'Unknown encoding: gbk' });
		// Without a label n8n parses it as UTF-8 and keeps the bytes: the node still reads them right.
		const unlabelled = await runWebhook(node, { parameters: { gateway: 'chinaSms', options: { charset: 'gbk' } } }, reply('gbk', null));
		expect(unlabelled.items).toEqual([expect.objectContaining({ text: '回复：好的，谢谢' })]);
	});

	it.each(['chinaSms', 'smsAdmin', 'sms18'])('%s: binaryData is on in a new node and stays on as options are added and saved (n8n-workflow\'s own parameter handling)', (gateway) => {
		const trigger = node(gateway);
		const options = trigger.description.properties.find((p) => p.name === 'options')!;
		expect(options.default).toEqual({ binaryData: true });
		expect(options.options).toContainEqual(expect.objectContaining({ name: 'binaryData', type: 'hidden', default: true }));
		expect(trigger.description.version).toBe(1);
		const stub = { id: 'n', name: 'Push', type: 'x', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
		const params = (values: INodeParameters, withDefaults: boolean) =>
			NodeHelpers.getNodeParameters(trigger.description.properties, values, withDefaults, false, stub, trigger.description)!;
		// A new node (defaults filled in), saved (defaults left out), an option added, saved again.
		const fresh = params({}, true);
		expect(fresh.options).toEqual({ binaryData: true });
		const saved = params(fresh, false);
		expect(saved.options).toEqual({ binaryData: true });
		const edited = params({ ...saved, options: { ...(saved.options as INodeParameters), allowedAddresses: '203.0.113.7' } }, false);
		expect(edited.options).toEqual({ binaryData: true, allowedAddresses: '203.0.113.7' });
		// Loaded for a webhook call (defaults filled in again): still on, as n8n's body stage reads it.
		expect((params(edited, true).options as INodeParameters).binaryData).toBe(true);
		// A workflow saved with no options at all gets the default.
		expect(params({}, true).options).toEqual({ binaryData: true });
	});
});

describe('checks: a push that fails one gets 403 and starts nothing', () => {
	it('sms18 wrong pswd, wrong receiver, none at all', async () => {
		for (const push of [{ receiver: 'admin', pswd: 'guess' }, { receiver: 'intruder', pswd: SMS18_PUSH_AUTH.pswd }, null]) {
			sms18Sim.configure({ push });
			const run = await runWebhook(node, { parameters: { gateway: 'sms18', options: sms18Options } }, pushOf('sms18', 'report', { mobile: '13900210021', messageId: '1' }));
			expect([run.status, run.text, run.items]).toEqual([403, 'Forbidden', null]);
			expect(run.result).toEqual({ noWebhookResponse: true });
			expect(run.logs).toHaveLength(1);
			expect(run.logs[0].level).toBe('warn');
			expect(run.logs[0].message).toMatch(/^18SMS Trigger: refused a .* push from 127\.0\.0\.1: "(pswd|receiver)" does not match$/);
			expect(run.logs[0].message).not.toContain(SMS18_PUSH_AUTH.pswd);
		}
	});

	it('smsAdmin SmsName other than the configured user id', async () => {
		const run = await runWebhook(node, { parameters: { gateway: 'smsAdmin', options: { userId: 'anotheruser' } } }, pushOf('smsAdmin', 'reply', { mobile: '13802102102', text: 'x' }));
		expect([run.status, run.text, run.items]).toEqual([403, 'Forbidden', null]);
		expect(run.logs[0].message).toContain('"SmsName" is not the configured user id');
	});

	it.each([
		['chinaSms', 'reply', '-1'],
		['smsAdmin', 'report', 'Forbidden'],
		['sms18', 'reply', 'Forbidden'],
	] as const)('%s %s from an address outside the allow-list', async (gateway, kind, body) => {
		const event = { mobile: '13800210021', text: 'hi', messageId: '1' };
		const parameters = { gateway, options: { allowedAddresses: '203.0.113.0/24, 2001:db8::1', ...(gateway === 'sms18' ? sms18Options : {}) } };
		const refused = await runWebhook(node, { parameters }, pushOf(gateway, kind, event, { remoteAddress: '198.51.100.9' }));
		expect([refused.status, refused.text, refused.items]).toEqual([403, body, null]);
		expect(refused.logs).toEqual([{ level: 'warn', message: expect.stringContaining('push from 198.51.100.9: not in the allow-list') }]);
		const allowed = await runWebhook(node, { parameters }, pushOf(gateway, kind, event, { remoteAddress: '::ffff:203.0.113.20' }));
		expect(allowed.status).toBe(200);
		expect(allowed.items).toHaveLength(1);
	});

	it('reads X-Forwarded-For only when the user says n8n is behind a proxy', async () => {
		const request = pushOf('chinaSms', 'reply', { mobile: '13903710009', text: 'hi' }, { remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '203.0.113.5' } });
		const direct = await runWebhook(node, { parameters: { gateway: 'chinaSms', options: { allowedAddresses: '203.0.113.5' } } }, request);
		expect([direct.status, direct.items]).toEqual([403, null]);
		const proxied = await runWebhook(node, { parameters: { gateway: 'chinaSms', options: { allowedAddresses: '203.0.113.5', proxyHops: 1 } } }, request);
		expect([proxied.status, proxied.text]).toEqual([200, '0']);
		const spoofed = pushOf('chinaSms', 'reply', { mobile: '13903710009', text: 'hi' }, { remoteAddress: '10.0.0.2', headers: { 'x-forwarded-for': '203.0.113.5, 198.51.100.9' } });
		const refused = await runWebhook(node, { parameters: { gateway: 'chinaSms', options: { allowedAddresses: '203.0.113.5', proxyHops: 1 } } }, spoofed);
		expect([refused.status, refused.items]).toEqual([403, null]);
	});

	it('refuses everything, loudly, while the allow-list holds a typo (and activation fails)', async () => {
		const parameters = { gateway: 'chinaSms', options: { allowedAddresses: '203.0.113.5, 203.0.113.300' } };
		const run = await runWebhook(node, { parameters }, pushOf('chinaSms', 'reply', { mobile: '13903710009', text: 'hi' }, { remoteAddress: '203.0.113.5' }));
		expect([run.status, run.items]).toEqual([403, null]);
		expect(run.logs).toEqual([{ level: 'error', message: expect.stringContaining('(203.0.113.300)') }]);
		const activation = await runWebhookMethod(node, 'checkExists', { parameters });
		expect((activation.error as Error).message).toBe('Allowed Source Addresses holds entries that are no IP address or CIDR range: 203.0.113.300');
	});
});

describe('malformed pushes get 400, a log line and no execution', () => {
	it.each([
		['chinaSms', { query: 'dst=8880&msg=hi' }, '-1', 'no "src" (the number that replied)'],
		['smsAdmin', { query: 'Class=xx&SmsName=smsuser&Mobile=13802102102' }, 'Bad Request', 'unknown "Class" "xx" (expected mo or rpt)'],
		['smsAdmin', { method: 'POST', body: '{"Class":"mo"}', headers: { 'content-type': 'application/json' } }, 'Bad Request', 'no "Class" (mo or rpt)'],
		['sms18', { query: 'foo=bar' }, 'Bad Request', 'neither a status report ("status") nor a message ("msg")'],
		['sms18', {}, 'Bad Request', 'neither a status report ("status") nor a message ("msg")'],
	] as Array<[Gateway, WebhookRequestSpec, string, string]>)('%s %j', async (gateway, request, body, reason) => {
		const run = await runWebhook(node, { parameters: { gateway } }, request);
		expect([run.status, run.text, run.items, run.error]).toEqual([400, body, null, undefined]);
		expect(run.logs).toEqual([{ level: 'warn', message: expect.stringMatching(/^(China SMS Push Trigger|SMSAdmin Push Trigger|18SMS Trigger): a .+ push from 127\.0\.0\.1 was not understood \(answered 400\): /) }]);
		expect(run.logs[0].message.endsWith(reason)).toBe(true);
	});
});

describe('events not selected are acknowledged and start nothing', () => {
	it('smsAdmin report while only replies are selected', async () => {
		const request = pushOf('smsAdmin', 'report', { mobile: '13802102102', vendorStatus: 'DELIVRD' });
		const run = await runWebhook(node, { parameters: { gateway: 'smsAdmin', events: ['reply'] } }, request);
		expect([run.status, run.text, run.items]).toEqual([200, '', null]);
		expect(run.result).toEqual({ noWebhookResponse: true });
	});

	it('sms18 reply while only reports are selected', async () => {
		const run = await runWebhook(
			node,
			{ parameters: { gateway: 'sms18', events: ['report'], options: sms18Options } },
			pushOf('sms18', 'reply', { mobile: '13800210021', text: 'hi' }),
		);
		expect([run.status, run.items]).toEqual([200, null]);
	});
});

describe('sms18 long messages joined across webhook calls (static data)', () => {
	const mobile = '13800210021';
	const parts = ['第一段，', '第二段，', '第三段。'];
	const part = (n: number, id = '234', total = 3) =>
		pushOf('sms18', 'reply', { mobile, text: parts[n - 1], emshead: `${id},${total},${n}`, receivedAt: `2026-11-20 10:0${n}:00`, destination: '1065751600001' });
	const parameters = { gateway: 'sms18', options: sms18Options };
	let now = Date.parse('2026-11-20T02:00:00Z');
	const advance = (ms: number) => {
		now += ms;
		clockMs = now;
	};
	beforeEach(() => {
		now = Date.parse('2026-11-20T02:00:00Z');
		clockMs = now;
	});
	afterEach(() => (clockMs = null));

	async function deliver(store: StaticDataStore, numbers: number[]) {
		const runs = [];
		for (const n of numbers) runs.push(await runWebhook(node, { parameters, store }, part(n)));
		return runs;
	}

	it.each([
		['in order', [1, 2, 3]],
		['out of order', [3, 1, 2]],
	])('joins parts arriving %s into one reply once the last arrives', async (_label, order) => {
		const store: StaticDataStore = { data: {} };
		const runs = await deliver(store, order);
		expect(runs.map((r) => [r.status, r.items === null])).toEqual([
			[200, true],
			[200, true],
			[200, false],
		]);
		expect(runs[0].staticData).toMatchObject({ longMessages: { [`${mobile}|234|3`]: { total: 3 } } });
		const items = runs[2].items!;
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			gateway: 'sms18',
			type: 'reply',
			mobile,
			text: '第一段，第二段，第三段。',
			receivedAt: '2026-11-20T10:01:00+08:00',
			destination: '1065751600001',
			incomplete: false,
			longMessage: { key: `${mobile}|234|3`, id: '234', total: 3, received: [1, 2, 3], missing: [] },
		});
		expect((items[0].raw as { parts: unknown[] }).parts).toHaveLength(3);
		expect(Object.keys(items[0])).toEqual(['gateway', 'type', 'id', 'mobile', 'text', 'receivedAt', 'destination', 'extno', 'linkId', 'incomplete', 'longMessage', 'raw']);
		expect(runs[2].staticData).toEqual({});
		expect(JSON.stringify(store.data)).not.toContain(SMS18_PUSH_AUTH.pswd);
	});

	it('emits an incomplete message with the first push after the wait, marked incomplete', async () => {
		const store: StaticDataStore = { data: {} };
		await deliver(store, [1, 3]);
		advance(599_000);
		const early = await runWebhook(node, { parameters, store }, pushOf('sms18', 'report', { mobile: '13900000000', messageId: '9' }));
		expect(early.items).toEqual([expect.objectContaining({ type: 'report' })]);
		advance(1_000);
		const late = await runWebhook(node, { parameters, store }, pushOf('sms18', 'report', { mobile: '13900000000', messageId: '10' }));
		expect(late.items).toHaveLength(2);
		expect(late.items![0]).toMatchObject({ type: 'reply', text: '第一段，第三段。', incomplete: true, longMessage: { id: '234', total: 3, received: [1, 3], missing: [2] } });
		expect(late.items![1]).toMatchObject({ type: 'report', messageId: '10' });
		expect(late.staticData).toEqual({});
		expect(store.data).toEqual({ 'node:18SMS Trigger': {} });
	});

	it('still emits an expired message when the push that reveals it is of an unselected kind', async () => {
		const store: StaticDataStore = { data: {} };
		const options = { ...parameters, options: { ...sms18Options, longMessageWait: 60 } };
		await runWebhook(node, { parameters: { ...options, events: ['reply'] }, store }, part(2));
		advance(60_000);
		const run = await runWebhook(node, { parameters: { ...options, events: ['reply'] }, store }, pushOf('sms18', 'report', { mobile: '1', messageId: '1' }));
		expect(run.items).toEqual([expect.objectContaining({ text: '第二段，', incomplete: true })]);
	});

	it('hands each part out at once in the editor (test URL), where n8n keeps no static data', async () => {
		const store: StaticDataStore = { data: {} };
		const run = await runWebhook(node, { parameters, store, mode: 'manual' }, part(2));
		expect(run.items).toEqual([expect.objectContaining({ text: '第二段，', incomplete: true, longMessage: expect.objectContaining({ id: '234', total: 3, received: [2], missing: [1, 3] }) })]);
		expect(store.data).toEqual({});
	});

	it('Emit Each Part: every part is its own item at once, with the key that joins them; nothing waits', async () => {
		const store: StaticDataStore = { data: {} };
		const options = { ...parameters, options: { ...sms18Options, longMessages: 'parts' } };
		const runs = [];
		for (const n of [3, 1, 2]) runs.push(await runWebhook(node, { parameters: options, store }, part(n)));
		const items = runs.map((r) => r.items![0]);
		expect(items.map((i) => [i.text, i.incomplete, (i.longMessage as { received: number[] }).received])).toEqual([
			['第三段。', true, [3]],
			['第一段，', true, [1]],
			['第二段，', true, [2]],
		]);
		expect(new Set(items.map((i) => (i.longMessage as { key: string }).key))).toEqual(new Set([`${items[0].mobile}|234|3`]));
		expect(runs.map((r) => r.staticData)).toEqual([{}, {}, {}]);
	});

	it('does not keep parts of replies that are not selected', async () => {
		const store: StaticDataStore = { data: {} };
		const run = await runWebhook(node, { parameters: { ...parameters, events: ['report'] }, store }, part(1));
		expect([run.status, run.items]).toEqual([200, null]);
		expect(store.data).toEqual({});
	});

	it('does not touch static data for pushes without long messages', async () => {
		const store: StaticDataStore = { data: { untouched: true } };
		await runWebhook(node, { parameters, store }, pushOf('sms18', 'reply', { mobile, text: 'short' }));
		expect(store.data).toEqual({ untouched: true });
	});
});

describe('node description and activation', () => {
	it('listens with GET and POST on one fixed path', () => {
		for (const gateway of ['chinaSms', 'smsAdmin', 'sms18']) {
			expect(node(gateway).description.webhooks).toEqual([
				{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: 'cn-sms' },
				{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'cn-sms' },
			]);
		}
	});

	it('registers nothing itself: checkExists says no, create and delete log what to do by hand', async () => {
		const parameters = { gateway: 'smsAdmin' };
		expect((await runWebhookMethod(node, 'checkExists', { parameters })).returned).toBe(false);
		const created = await runWebhookMethod(node, 'create', { parameters });
		expect(created.returned).toBe(true);
		const url = `${WEBHOOK_BASE_URL}/${WEBHOOK_ID}/cn-sms`;
		expect(created.logs).toEqual([
			{
				level: 'info',
				message: expect.stringContaining(`push address ${url}: ask your SMSAdmin account manager (客服专员) to bind it (plain http, port 80 only)`),
			},
		]);
		const deleted = await runWebhookMethod(node, 'delete', { parameters });
		expect(deleted.returned).toBe(true);
		expect(deleted.logs[0].message).toContain(`stopped listening at ${url}`);
	});
});

describe('raw bytes no other parser sees', () => {
	it('reads unescaped GBK bytes in a chinaSms query string', async () => {
		const query = `src=13903710009&msg=${encodeText('你好', 'gbk').toString('latin1')}`;
		const run = await runWebhook(node, { parameters: { gateway: 'chinaSms' } }, { query });
		expect(run.items?.[0]).toMatchObject({ text: '你好' });
	});
});

describe('static data it cannot read', () => {
	it('ignores entries that are no pending message instead of failing the push', async () => {
		const store: StaticDataStore = { data: { 'node:18SMS Trigger': { longMessages: { junk: 'x', half: { firstSeen: 1 } } } } };
		const run = await runWebhook(node, { parameters: { gateway: 'sms18' }, store }, pushOf('sms18', 'report', { mobile: '13900210021', messageId: '1' }));
		expect([run.status, run.items?.length]).toEqual([200, 1]);
	});
});
