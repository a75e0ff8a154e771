/** The list answers of 112088 Enterprise SMS's two fetches (seed 002 §1.1.2, §1.1.3): nothing pending, cut-off answers. */
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { sms112088 } from '../../../../nodes/gateways/sms112088';
import { useSimulator } from '../../../support/simulator';
import { ctx, vendor } from './helpers';

const sim = useSimulator();

it('"0" and "00" are nothing pending; an answer that is no list is unexpected', async () => {
	for (const body of ['0', '00']) {
		vendor(sim()).answerNext('/get_report_txt.asp', body);
		await expect(sms112088.fetchReports!(ctx(sim()))).resolves.toEqual({ events: [], more: false });
	}
	vendor(sim()).answerNext('/get_receive_message_txt.asp', 'OK');
	await expect(sms112088.fetchReplies!(ctx(sim()))).rejects.toThrow('112088 Enterprise SMS (企业短信通): unexpected response to the reply fetch: "OK"');
});

it('a cut-off answer keeps its whole records and says how many did not arrive', async () => {
	for (const mobile of ['13800000001', '13800000002', '13800000003', '13800000004']) sim().queueReport('sms112088', { mobile, messageId: '7', vendorStatus: '10' });
	sim().fault('sms112088', { type: 'truncated', path: 'get_report' });
	const page = await sms112088.fetchReports!(ctx(sim()));
	expect(page.events.map((e) => e.mobile)).toEqual(['13800000001']);
	expect(page.more).toBe(true);
	expect(page.error).toBeInstanceOf(TransportError);
	expect((page.error as Error).message).toMatch(/the answer announced 4 reports, 3 of them did not arrive whole/);
});
