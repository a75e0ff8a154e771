/** 112088 Enterprise SMS (企业短信通) delivery reports (seed 002 §1.1.2) against the simulator. */
import { SMS112088_PATHS, sms112088 } from '../../../../nodes/gateways/sms112088';
import { useSimulator } from '../../../support/simulator';
import { AUTH, ctx, numbers, vendor } from './helpers';

const sim = useSimulator();

describe('fetchReports', () => {
	it('reads get_report_txt.asp once and maps 10 / 20 / -1', async () => {
		await sms112088.send!(ctx(sim()), { recipients: ['13800000001', '13800000002', '13800000003'], message: 'hi' });
		sim().queueReport('sms112088', { mobile: '13800000001', vendorStatus: '10' });
		sim().queueReport('sms112088', { mobile: '13800000002', vendorStatus: '20' });
		sim().queueReport('sms112088', { mobile: '13800000003', vendorStatus: '-1' });
		const page = await sms112088.fetchReports!(ctx(sim()));
		const req = sim().requests('sms112088')[1];
		expect([req.path, req.rawQuery]).toEqual(['/get_report_txt.asp', AUTH]);
		const event = (mobile: string, status: string, vendorStatus: string) => ({
			type: 'report',
			messageId: '6408676',
			mobile,
			status,
			vendorStatus,
			reportedAt: null,
			extno: null,
			linkId: null,
			raw: { smsId: '6408676', mobile, status: vendorStatus },
		});
		expect(page).toEqual({
			more: false,
			events: [event('13800000001', 'delivered', '10'), event('13800000002', 'failed', '20'), event('13800000003', 'unknown', '-1')],
		});
		await expect(sms112088.fetchReports!(ctx(sim()))).resolves.toEqual({ events: [], more: false });
	});

	it('parses the report example verbatim', async () => {
		vendor(sim()).answerNext(SMS112088_PATHS.reports, '3|6408676;13682250950;20|6408649;13711147169;20|6408649;13719445093;20');
		const page = await sms112088.fetchReports!(ctx(sim()));
		expect(page.events.map((e) => [e.messageId, e.mobile, e.status])).toEqual([
			['6408676', '13682250950', 'failed'],
			['6408649', '13711147169', 'failed'],
			['6408649', '13719445093', 'failed'],
		]);
	});

	it('says more when a full page of 100 came', async () => {
		for (const mobile of numbers(101)) sim().queueReport('sms112088', { mobile, messageId: '1' });
		const first = await sms112088.fetchReports!(ctx(sim()));
		expect([first.events.length, first.more]).toEqual([100, true]);
		const second = await sms112088.fetchReports!(ctx(sim()));
		expect([second.events.length, second.more]).toEqual([1, false]);
	});

	it('keeps a garbled record as an event with parseError', async () => {
		sim().queueReport('sms112088', { mobile: '13800000001', messageId: '5' });
		sim().queueRaw('sms112088', 'report', '5;13800000002');
		const page = await sms112088.fetchReports!(ctx(sim()));
		expect(page.events[1]).toEqual({
			type: 'report',
			messageId: null,
			mobile: null,
			status: 'unknown',
			vendorStatus: null,
			reportedAt: null,
			extno: null,
			linkId: null,
			raw: { record: '5;13800000002' },
			parseError: 'not in the documented "id;number;status" shape',
		});
		expect(page.events[0]).toMatchObject({ messageId: '5', mobile: '13800000001', status: 'delivered' });
	});
});
