/** SMSAdmin (通用短信平台) delivery reports (seed 001 §8 report/) against the simulator and the document's template line. */
import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { parseReportLine } from '../../../../nodes/gateways/smsAdmin/reports';
import { answeringContext, useSimulator } from '../../../support/simulator';
import { API, type Kind, PWD, ctxFor, only } from './helpers';

const sim = useSimulator();

test.each<Kind>(['plain', 'md5'])('%s credentials: report/ lines, status mapping, 160', async (kind) => {
	sim().queueReport('smsAdmin', { mobile: '13800138000', linkId: 'Order42', vendorStatus: 'DELIVRD', reportedAt: '2025-01-02 03:04:05', extno: '56666' });
	sim().queueReport('smsAdmin', { mobile: '13900139000', vendorStatus: 'UNDELIV', reportedAt: '2025-01-02 03:04:06' });
	sim().queueReport('smsAdmin', { mobile: '13700137000', vendorStatus: 'UNKNOWN', reportedAt: '2025-01-02 03:04:07' });
	const page = await smsAdmin.fetchReports!(ctxFor(sim(), kind));
	const req = only(sim());
	expect(req.path).toBe(`${API}report/`);
	expect(req.rawQuery).toBe(`uid=smsuser&pwd=${PWD[kind]}`);
	expect(page.more).toBe(false);
	expect(page.events).toEqual([
		{
			type: 'report',
			messageId: 'Order42',
			mobile: '13800138000',
			status: 'delivered',
			vendorStatus: 'DELIVRD',
			reportedAt: '2025-01-02T03:04:05+08:00',
			extno: '56666',
			linkId: 'Order42',
			raw: { mobile: '13800138000', time: '2025-01-02 03:04:05', linkId: 'Order42', status: 'DELIVRD', subCode: '56666', line: '13800138000/2025-01-02 03:04:05/Order42/DELIVRD/56666' },
		},
		expect.objectContaining({ mobile: '13900139000', status: 'failed', vendorStatus: 'UNDELIV', messageId: null, linkId: null, extno: null }),
		expect.objectContaining({ mobile: '13700137000', status: 'unknown', vendorStatus: 'UNKNOWN' }),
	]);
	expect(await smsAdmin.fetchReports!(ctxFor(sim(), kind))).toEqual({ events: [], more: false });
});

test('the document template line (§8) keeps its fields and is flagged', async () => {
	const page = await smsAdmin.fetchReports!(answeringContext('smsAdmin', '手机号 1/日期 1/流水号 1/状态值 1/子码 1\n'));
	expect(page.events).toEqual([
		expect.objectContaining({ mobile: '手机号 1', vendorStatus: '状态值 1', status: 'failed', linkId: '流水号 1', parseError: '"手机号 1" is no phone number; "日期 1" is no date' }),
	]);
});

test('lines as the vendor samples show them (empty 流水号)', () => {
	expect(
		['13761836811/2014-10-11 10:22:13//DELIVRD/56666', '13761836811/2014-10-11 12:59:34//DTBLACK/56666', '13761836811/2014-10-11 15:47:12//UNDELIV/56666']
			.map(parseReportLine)
			.map((r) => [r.status, r.vendorStatus, r.reportedAt, r.parseError]),
	).toEqual([
		['delivered', 'DELIVRD', '2014-10-11T10:22:13+08:00', undefined],
		['failed', 'DTBLACK', '2014-10-11T12:59:34+08:00', undefined],
		['failed', 'UNDELIV', '2014-10-11T15:47:12+08:00', undefined],
	]);
});
