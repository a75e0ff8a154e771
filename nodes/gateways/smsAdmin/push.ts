/**
 * SMSAdmin (通用短信平台) pushes (seed 001 §9–10): `Class=mo` replies and `Class=rpt` reports,
 * POSTed in GB2312 to port 80 only, with the account's user id as `SmsName`.
 */
import { parseChinaTime } from '../kit/chinaTime';
import { constantTimeEqual, forbidden, malformed, plainAnswer, pushParams } from '../push/push';
import { smsAdminReportStatus } from './errors';
import type { PushHandler, PushOutcome, PushRequest, PushSettings } from '../push/push';
import type { DeliveryReport, InboundReply } from '../kit/model';

const PUSH_CHARSET = 'gb2312';

export const smsAdminPush: PushHandler = {
	kinds: ['reply', 'report'],
	charset: PUSH_CHARSET,
	// seed 001 §9–10 say POST, but their examples put everything in the query string.
	methods: ['POST', 'GET'],

	parse(request: PushRequest, settings: PushSettings): PushOutcome {
		const params = pushParams(request, settings.charset ?? PUSH_CHARSET);
		const expected = settings.userId?.trim();
		if (expected && !constantTimeEqual(params.value('SmsName') ?? '', expected)) {
			return forbidden('"SmsName" is not the configured user id');
		}
		const kind = params.value('Class')?.toLowerCase();
		if (kind !== 'mo' && kind !== 'rpt') {
			return malformed(kind ? `unknown "Class" "${kind.slice(0, 20)}" (expected mo or rpt)` : 'no "Class" (mo or rpt)');
		}
		const mobile = params.value('Mobile');
		if (!mobile) return malformed('no "Mobile"');
		const linkId = params.value('LinkId') ?? null;
		if (kind === 'mo') {
			const text = params.get('Message');
			if (text === undefined) return malformed('no "Message" in a Class=mo push');
			const reply: InboundReply = {
				type: 'reply',
				id: null,
				mobile,
				text,
				// seed 001 §9: RevertTime may be 0000-00-00 00:00:00 (no time).
				receivedAt: parseChinaTime(params.value('RevertTime')),
				destination: null,
				extno: null,
				linkId,
				raw: params.record(),
			};
			return { status: 'accepted', events: [{ event: reply }] };
		}
		const vendorStatus = params.value('Report') ?? null;
		const report: DeliveryReport = {
			type: 'report',
			messageId: null,
			mobile,
			status: smsAdminReportStatus(vendorStatus),
			vendorStatus,
			reportedAt: parseChinaTime(params.value('ReportTime')),
			extno: null,
			linkId,
			raw: params.record(),
		};
		return { status: 'accepted', events: [{ event: report }] };
	},

	answer(outcome) {
		// The document asks for no particular answer: a plain 200.
		if (outcome === 'accepted') return plainAnswer(200, '');
		return outcome === 'forbidden' ? plainAnswer(403, 'Forbidden') : plainAnswer(400, 'Bad Request');
	},
};
