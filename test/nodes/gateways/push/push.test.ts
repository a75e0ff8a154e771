/**
 * The framework-free push handlers: each vendor's push read from its raw bytes in its charset,
 * the checks, and the answers. Requests are built with the simulator vendors' own pushRequest().
 */
import { encodePairs, encodeText } from '../../../../nodes/gateways/kit/charset';
import { chinaSmsPush } from '../../../../nodes/gateways/chinaSms/push';
import { parseEmsHead, sms18Push } from '../../../../nodes/gateways/sms18/push';
import { smsAdminPush } from '../../../../nodes/gateways/smsAdmin/push';
import { constantTimeEqual, pushParams } from '../../../../nodes/gateways/push/push';
import { sms18ReportStatus as reportStatus } from '../../../../nodes/gateways/sms18/errors';
import type { PushOutcome, PushRequest } from '../../../../nodes/gateways/push/push';
import { SIM_ACCOUNTS, createVendors } from '../../../simulator/vendors';
import type { Sms18Sim } from '../../../simulator/vendors/sms18';

const vendors = createVendors();

function get(query: string): PushRequest {
	return { method: 'GET', rawQuery: query, body: Buffer.alloc(0), contentType: null };
}

function post(body: Buffer, contentType: string | null = 'application/x-www-form-urlencoded'): PushRequest {
	return { method: 'POST', rawQuery: '', body, contentType };
}

/** The request the simulator's vendor module would push for this event. */
function simulated(gateway: 'chinaSms' | 'smsAdmin' | 'sms18', kind: 'reply' | 'report', event: object): PushRequest {
	const spec = vendors[gateway].pushRequest!(kind, event as never)!;
	const encoded = encodePairs(spec.params, spec.charset);
	return spec.in === 'body' ? post(Buffer.from(encoded, 'latin1')) : get(encoded);
}

function accepted(outcome: PushOutcome) {
	if (outcome.status !== 'accepted') throw new Error(`expected accepted, got ${outcome.status}: ${outcome.reason}`);
	return outcome.events;
}

describe('raw parameter decoding', () => {
	it('decodes percent-escaped GBK, GB2312 and UTF-8 bytes in the named charset, query and form body', () => {
		const post = (body: string) => ({ method: 'POST', rawQuery: '', body: Buffer.from(body), contentType: 'application/x-www-form-urlencoded' });
		expect(pushParams(post('msg=%C4%E3%BA%C3&a=b+c'), 'gbk').pairs).toEqual([
			['msg', '你好'],
			['a', 'b c'],
		]);
		expect(pushParams(post('Message=%B2%E2%CA%D4'), 'gb2312').pairs).toEqual([['Message', '测试']]);
		expect(pushParams(post('msg=%E4%BD%A0%E5%A5%BD'), 'utf8').pairs).toEqual([['msg', '你好']]);
		expect(pushParams(get('msg=%C4%E3%BA%C3'), 'gbk').pairs).toEqual([['msg', '你好']]);
	});

	it('reads unescaped GBK bytes in a request line (which Node hands over as latin1)', () => {
		const line = `src=13800138000&msg=${encodeText('点播信息', 'gbk').toString('latin1')}`;
		expect(pushParams(get(line), 'gbk').get('msg')).toBe('点播信息');
	});

	it('keeps malformed escapes literally and trims stray spaces around names (seed 001 §9 "& RevertTime")', () => {
		const params = pushParams(get('a=%ZZ%4&%20RevertTime=2017-09-28%2010:00:00'), 'gb2312');
		expect(params.get('a')).toBe('%ZZ%4');
		expect(params.get('RevertTime')).toBe('2017-09-28 10:00:00');
		expect(params.get('reverttime')).toBe('2017-09-28 10:00:00');
	});

	it('reads a form body after the query string, in the charset the Content-Type declares', () => {
		const body = Buffer.from(`msg=${encodePairs([['x', '中文']], 'utf8').slice(2)}`);
		const params = pushParams({ method: 'POST', rawQuery: 'src=1', body, contentType: 'application/x-www-form-urlencoded; charset=UTF-8' }, 'gbk');
		expect(params.pairs).toEqual([
			['src', '1'],
			['msg', '中文'],
		]);
	});

	it('ignores bodies that are not form data', () => {
		const params = pushParams({ method: 'POST', rawQuery: 'a=1', body: Buffer.from('{"msg":"x"}'), contentType: 'application/json' }, 'utf8');
		expect(params.pairs).toEqual([['a', '1']]);
	});
});

describe('chinaSms push (seed 000 §6)', () => {
	it('reads a GBK reply from the query string and answers the bare body 0', () => {
		const request = simulated('chinaSms', 'reply', { mobile: '13903710009', text: '点播信息', id: '54321', destination: '8880123' });
		expect(request.rawQuery).toBe('src=13903710009&dst=8880123&msg=%B5%E3%B2%A5%D0%C5%CF%A2&mo=54321');
		const [pushed] = accepted(chinaSmsPush.parse(request, {}));
		expect(pushed.event).toEqual({
			type: 'reply',
			id: '54321',
			mobile: '13903710009',
			text: '点播信息',
			receivedAt: null,
			destination: '8880123',
			extno: null,
			linkId: null,
			raw: { src: '13903710009', dst: '8880123', msg: '点播信息', mo: '54321' },
			unsubscribe: false,
		});
		expect(chinaSmsPush.answer('accepted')).toEqual({ status: 200, contentType: 'text/plain', body: '0' });
	});

	it('flags the content 0000 as an unsubscribe', () => {
		const [pushed] = accepted(chinaSmsPush.parse(get('src=13903710009&dst=8880&msg=0000'), {}));
		expect(pushed.event).toMatchObject({ type: 'reply', text: '0000', unsubscribe: true, id: null });
	});

	it('reads UTF-8 when the charset setting says so', () => {
		const query = encodePairs([['src', '13903710009'], ['msg', '你好']], 'utf8');
		expect(accepted(chinaSmsPush.parse(get(query), { charset: 'utf8' }))[0].event).toMatchObject({ text: '你好' });
		expect(accepted(chinaSmsPush.parse(get(query), {}))[0].event).not.toMatchObject({ text: '你好' });
	});

	it('refuses pushes without src or msg, answering a negative number', () => {
		expect(chinaSmsPush.parse(get('msg=hi'), {})).toEqual({ status: 'malformed', reason: 'no "src" (the number that replied)' });
		expect(chinaSmsPush.parse(get('src=13903710009'), {})).toEqual({ status: 'malformed', reason: 'no "msg" (the text of the reply)' });
		expect(chinaSmsPush.answer('malformed')).toEqual({ status: 400, contentType: 'text/plain', body: '-1' });
		expect(chinaSmsPush.answer('forbidden')).toEqual({ status: 403, contentType: 'text/plain', body: '-1' });
	});
});

describe('smsAdmin push (seed 001 §9–10)', () => {
	it('reads a GB2312 Class=mo reply from a POST body', () => {
		const request = simulated('smsAdmin', 'reply', { mobile: '13802102102', text: '测试回复', linkId: '123456789', receivedAt: '2017-09-28 10:11:12' });
		expect(request.body.toString('latin1')).toContain('Message=%B2%E2%CA%D4%BB%D8%B8%B4');
		const [pushed] = accepted(smsAdminPush.parse(request, { userId: SIM_ACCOUNTS.smsAdmin.userId }));
		expect(pushed.event).toEqual({
			type: 'reply',
			id: null,
			mobile: '13802102102',
			text: '测试回复',
			receivedAt: '2017-09-28T10:11:12+08:00',
			destination: null,
			extno: null,
			linkId: '123456789',
			raw: { Class: 'mo', SmsName: 'smsuser', Mobile: '13802102102', Message: '测试回复', LinkId: '123456789', RevertTime: '2017-09-28 10:11:12' },
		});
	});

	it('reads a Class=rpt report, 0000-00-00 00:00:00 as no time', () => {
		const request = simulated('smsAdmin', 'report', { mobile: '13802102102', linkId: '987', vendorStatus: 'DELIVRD', reportedAt: '0000-00-00 00:00:00' });
		const [pushed] = accepted(smsAdminPush.parse(request, {}));
		expect(pushed.event).toEqual({
			type: 'report',
			messageId: null,
			mobile: '13802102102',
			status: 'delivered',
			vendorStatus: 'DELIVRD',
			reportedAt: null,
			extno: null,
			linkId: '987',
			raw: { Class: 'rpt', SmsName: 'smsuser', Mobile: '13802102102', LinkId: '987', Report: 'DELIVRD', ReportTime: '0000-00-00 00:00:00' },
		});
		const failed = simulated('smsAdmin', 'report', { mobile: '13802102102', vendorStatus: 'UNDELIV', reportedAt: '2017-09-28 10:00:00' });
		expect(accepted(smsAdminPush.parse(failed, {}))[0].event).toMatchObject({ status: 'failed', vendorStatus: 'UNDELIV', reportedAt: '2017-09-28T10:00:00+08:00' });
	});

	it('accepts the document example: everything in the query string, a stray space before RevertTime', () => {
		const query = 'Class=mo&SmsName=smsuser&Mobile=13802102102&Message=test&LinkId=123456789&%20RevertTime=0000-00-00%2000:00:00';
		expect(accepted(smsAdminPush.parse(get(query), { userId: 'smsuser' }))[0].event).toMatchObject({ text: 'test', linkId: '123456789', receivedAt: null });
	});

	it('refuses a SmsName other than the configured user id, and a missing one', () => {
		const request = simulated('smsAdmin', 'reply', { mobile: '13802102102', text: 'x' });
		expect(smsAdminPush.parse(request, { userId: 'someoneelse' })).toEqual({ status: 'forbidden', reason: '"SmsName" is not the configured user id' });
		expect(smsAdminPush.parse(get('Class=mo&Mobile=13802102102&Message=x'), { userId: 'smsuser' }).status).toBe('forbidden');
		expect(smsAdminPush.answer('forbidden')).toEqual({ status: 403, contentType: 'text/plain', body: 'Forbidden' });
	});

	it('refuses pushes that are no mo or rpt', () => {
		expect(smsAdminPush.parse(get('SmsName=a&Mobile=1'), {})).toEqual({ status: 'malformed', reason: 'no "Class" (mo or rpt)' });
		expect(smsAdminPush.parse(get('Class=xx&Mobile=1'), {})).toEqual({ status: 'malformed', reason: 'unknown "Class" "xx" (expected mo or rpt)' });
		expect(smsAdminPush.parse(get('Class=mo&Message=x'), {})).toEqual({ status: 'malformed', reason: 'no "Mobile"' });
		expect(smsAdminPush.parse(get('Class=mo&Mobile=13802102102'), {})).toEqual({ status: 'malformed', reason: 'no "Message" in a Class=mo push' });
		expect(smsAdminPush.answer('accepted')).toEqual({ status: 200, contentType: 'text/plain', body: '' });
	});
});

describe('sms18 push (seed 003)', () => {
	const sim = vendors.sms18 as Sms18Sim;
	beforeEach(() => sim.reset());

	it('reads a UTF-8 status report, YYMMDDhhmm time, without receiver/pswd in raw', () => {
		sim.configure({ push: { receiver: 'admin', pswd: '12345' } });
		const request = simulated('sms18', 'report', { mobile: '13900210021', messageId: '12345', vendorStatus: 'DELIVRD', reportedAt: '2010-12-24 10:02:00' });
		expect(request.rawQuery).toBe('receiver=admin&pswd=12345&msgid=12345&reportTime=1012241002&mobile=13900210021&status=DELIVRD');
		const [pushed] = accepted(sms18Push.parse(request, { receiver: 'admin', password: '12345' }));
		expect(pushed.event).toEqual({
			type: 'report',
			messageId: '12345',
			mobile: '13900210021',
			status: 'delivered',
			vendorStatus: 'DELIVRD',
			reportedAt: '2010-12-24T10:02:00+08:00',
			extno: null,
			linkId: null,
			raw: { msgid: '12345', reportTime: '1012241002', mobile: '13900210021', status: 'DELIVRD' },
		});
	});

	it('reads a UTF-8 inbound message', () => {
		const request = simulated('sms18', 'reply', { mobile: '13800210021', text: '你好，收到', destination: '1065751600001', receivedAt: '2012-08-21 22:05:00' });
		expect(request.rawQuery).toContain('msg=%E4%BD%A0%E5%A5%BD%EF%BC%8C%E6%94%B6%E5%88%B0');
		const [pushed] = accepted(sms18Push.parse(request, {}));
		expect(pushed).toEqual({
			event: {
				type: 'reply',
				id: null,
				mobile: '13800210021',
				text: '你好，收到',
				receivedAt: '2012-08-21T22:05:00+08:00',
				destination: '1065751600001',
				extno: null,
				linkId: null,
				raw: { moTime: '1208212205', destcode: '1065751600001', mobile: '13800210021', msg: '你好，收到' },
			},
		});
	});

	it('marks long-message parts for joining', () => {
		const request = simulated('sms18', 'reply', { mobile: '13800210021', text: 'part two', emshead: '234,4,2' });
		const [pushed] = accepted(sms18Push.parse(request, {}));
		expect(pushed.part).toEqual({ key: '13800210021|234|4', id: '234', total: 4, number: 2 });
		expect(pushed.event.raw).toMatchObject({ isems: '1', emshead: '234,4,2' });
	});

	it('keeps a part with a garbled emshead as a reply of its own, with a parse error', () => {
		const [pushed] = accepted(sms18Push.parse(get('mobile=13800210021&msg=abc&isems=1&emshead=234,2,3'), {}));
		expect(pushed.part).toBeUndefined();
		expect(pushed.event).toMatchObject({ text: 'abc', parseError: 'emshead "234,2,3" is not "id,total,part"; this part was not joined' });
		expect(parseEmsHead('234, 4 ,1', '1')).toEqual({ key: '1|234|4', id: '234', total: 4, number: 1 });
		expect(parseEmsHead('234,0,0', '1')).toBeNull();
		expect(parseEmsHead('234,4', '1')).toBeNull();
	});

	it('refuses a wrong or missing receiver or pswd when they are configured', () => {
		sim.configure({ push: { receiver: 'admin', pswd: 'wrong' } });
		const wrongPassword = simulated('sms18', 'report', { mobile: '13900210021', messageId: '1' });
		expect(sms18Push.parse(wrongPassword, { receiver: 'admin', password: '12345' })).toEqual({ status: 'forbidden', reason: '"pswd" does not match' });
		sim.configure({ push: { receiver: 'other', pswd: '12345' } });
		const wrongReceiver = simulated('sms18', 'report', { mobile: '13900210021', messageId: '1' });
		expect(sms18Push.parse(wrongReceiver, { receiver: 'admin', password: '12345' })).toEqual({ status: 'forbidden', reason: '"receiver" does not match' });
		sim.configure({ push: null });
		const none = simulated('sms18', 'report', { mobile: '13900210021', messageId: '1' });
		expect(sms18Push.parse(none, { password: '12345' }).status).toBe('forbidden');
		expect(sms18Push.parse(none, {}).status).toBe('accepted');
	});

	it('refuses pushes that are neither a report nor a message', () => {
		expect(sms18Push.parse(get('mobile=1&foo=bar'), {})).toEqual({ status: 'malformed', reason: 'neither a status report ("status") nor a message ("msg")' });
		expect(sms18Push.parse(get('msg=hello'), {})).toEqual({ status: 'malformed', reason: 'an inbound message without "mobile"' });
		expect(sms18Push.parse(get('status=DELIVRD'), {})).toEqual({ status: 'malformed', reason: 'a status report with neither "mobile" nor "msgid"' });
	});
});

describe('shared checks', () => {
	it('compares secrets exactly', () => {
		expect(constantTimeEqual('12345', '12345')).toBe(true);
		expect(constantTimeEqual('12345', '1234')).toBe(false);
		expect(constantTimeEqual('', '12345')).toBe(false);
		expect(constantTimeEqual('a', 'b')).toBe(false);
	});

	it('maps report words: DELIVRD delivered, blank unknown, anything else failed', () => {
		expect(reportStatus('DELIVRD')).toBe('delivered');
		expect(reportStatus(' delivrd ')).toBe('delivered');
		expect(reportStatus(undefined)).toBe('unknown');
		expect(reportStatus('UNKNOWN')).toBe('unknown');
		expect(reportStatus('MBBLACK')).toBe('failed');
		expect(reportStatus('CMPP20ERR:104')).toBe('failed');
	});
});
