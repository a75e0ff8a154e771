/** SMSAdmin (通用短信平台) delivery reports (seed 001 §8 report/) against the simulator and the document's template line. */
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { answeringContext, failure, useSimulator } from '../../../support/simulator';
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

test('a full page says more may be pending', async () => {
	for (let i = 0; i < 21; i++) sim().queueReport('smsAdmin', { mobile: '13800138000' });
	const first = await smsAdmin.fetchReports!(ctxFor(sim(), 'plain'));
	expect([first.events.length, first.more]).toEqual([20, true]);
	const second = await smsAdmin.fetchReports!(ctxFor(sim(), 'plain'));
	expect([second.events.length, second.more]).toEqual([1, false]);
});

test('an HTML page is an unexpected response, not events', async () => {
	sim().fault('smsAdmin', { type: 'htmlError', path: 'report' });
	const error = await failure(smsAdmin.fetchReports!(ctxFor(sim(), 'plain')), TransportError);
	expect(error.failure).toBe('unexpected');
});

test('the document template line (§8) keeps its fields and is flagged', async () => {
	const page = await smsAdmin.fetchReports!(answeringContext('smsAdmin', '手机号 1/日期 1/流水号 1/状态值 1/子码 1\n'));
	expect(page.events).toEqual([
		expect.objectContaining({ mobile: '手机号 1', vendorStatus: '状态值 1', status: 'failed', linkId: '流水号 1', parseError: '"手机号 1" is no phone number; "日期 1" is no date' }),
	]);
});
