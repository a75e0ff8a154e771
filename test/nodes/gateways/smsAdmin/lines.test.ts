/** SMSAdmin (通用短信平台) reply and report lines as the vendor's samples show them (seed 001 §7, §8). */
import { parseReplyLine, parseReportLine } from '../../../../nodes/gateways/smsAdmin/lines';

test('a reply line with an empty 流水号, not url-encoded (plain reve/)', () => {
	expect(parseReplyLine('13761836811/2014-10-11 18:39:24//收到/56666', false)).toMatchObject({
		mobile: '13761836811',
		text: '收到',
		receivedAt: '2014-10-11T18:39:24+08:00',
		linkId: null,
		extno: '56666',
	});
});

test('report lines with an empty 流水号', () => {
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
