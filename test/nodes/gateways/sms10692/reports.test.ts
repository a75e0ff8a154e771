/** SMS10692 status reports (seed 004 §4) against the simulator and the document's example. */
import { GatewayError } from '../../../../nodes/gateways/kit/errors';
import { sms10692 } from '../../../../nodes/gateways/sms10692';
import { SMS10692_QUERY_ERRORS } from '../../../../nodes/gateways/sms10692/errors';
import { failure, useSimulator } from '../../../support/simulator';
import { NAME, SIGNED, ctx, documentClock, lastRequest, stubCtx, vendor } from './helpers';

const sim = useSimulator(documentClock);

it('posts action=query with statusNum=4000 to /v2statusApi.aspx and normalises each status box', async () => {
	sim().queueReport('sms10692', { mobile: '15023239810', messageId: '1212', vendorStatus: '10', reportedAt: '2011-12-02 22:12:11', errorCode: 'DELIVRD', extno: '01' });
	sim().queueReport('sms10692', { mobile: '15023239811', messageId: '1212', vendorStatus: '20', reportedAt: '2011-12-02 22:12:11', errorCode: '2' });
	const page = await sms10692.fetchReports!(ctx(sim()));
	expect([lastRequest(sim()).path, lastRequest(sim()).body.toString()]).toEqual(['/v2statusApi.aspx', `action=query&${SIGNED}&statusNum=4000`]);
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
	expect(await sms10692.fetchReports!(ctx(sim()))).toEqual({ events: [], more: false });
});

it('a single box; ids with leading zeros stay strings; an unknown status is unknown', async () => {
	sim().queueReport('sms10692', { mobile: '15023239810', messageId: '00120', vendorStatus: '30', extno: '007' });
	const [event] = (await sms10692.fetchReports!(ctx(sim()))).events;
	expect([event.messageId, event.status, event.vendorStatus, event.extno, event.reportedAt]).toEqual(['00120', 'unknown', '30', '007', '2012-07-01T23:12:12+08:00']);
});

it('says more when a full page of 4000 came back', async () => {
	for (let i = 0; i < 4001; i++) sim().queueReport('sms10692', { mobile: `138${String(i).padStart(8, '0')}`, messageId: String(i) });
	const first = await sms10692.fetchReports!(ctx(sim()));
	expect([first.events.length, first.more, first.events[3999].mobile]).toEqual([4000, true, '13800003999']);
	const second = await sms10692.fetchReports!(ctx(sim()));
	expect([second.events.length, second.more, second.events[0].mobile]).toEqual([1, false, '13800004000']);
});

it('never drops a box: an unreadable box or stray content becomes an event with parseError and raw', async () => {
	sim().queueReport('sms10692', { mobile: '15023239810', messageId: '1' });
	sim().queueRaw('sms10692', 'report', '<statusbox>\n<mobile>15023239812</mobil>\n</statusbox>\n');
	sim().queueRaw('sms10692', 'report', 'garbled###\n');
	sim().queueRaw('sms10692', 'report', '<statusbox><taskid>9</taskid></statusbox>\n');
	sim().queueReport('sms10692', { mobile: '15023239813', messageId: '2' });
	const { events } = await sms10692.fetchReports!(ctx(sim()));
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
	vendor(sim()).failNext('reports', Number(code));
	const error = await failure(sms10692.fetchReports!(ctx(sim())), GatewayError);
	expect(error.message).toBe(`${NAME}: ${entry.reason} (code ${code})`);
	expect(error.vendorMessage).toBe(`simulated error ${code}`);
});

it('the simulator answers 2 for a wrong password and 3 when queries are not allowed', async () => {
	expect((await failure(sms10692.fetchReports!(ctx(sim(), { password: 'x' })), GatewayError)).code).toBe('2');
	vendor(sim()).configure({ queriesAllowed: false });
	const error = await failure(sms10692.fetchReports!(ctx(sim())), GatewayError);
	expect([error.code, error.vendorMessage]).toEqual(['3', '该用户不允许查看状态报告']);
});

it('§4.3 status reports, as the document prints them (annotations included)', async () => {
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
	const page = await sms10692.fetchReports!(stubCtx(statusExample));
	expect(page.events.map((e) => [e.messageId, e.mobile, e.status, e.vendorStatus, e.reportedAt, e.extno, e.raw.errorcode, e.parseError])).toEqual([
		['1212', '15023239810', 'delivered', '10', '2011-12-02T22:12:11+08:00', '01', 'DELIVRD', undefined],
		['1212', '15023239811', 'failed', '20', '2011-12-02T22:12:11+08:00', null, '2', undefined],
	]);
});
