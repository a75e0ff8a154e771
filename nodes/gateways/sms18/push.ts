/**
 * 18SMS (18sms.com) pushes (seed 003 状态报告推送 / 短信接收): status reports and inbound
 * messages in UTF-8, each with the `receiver` / `pswd` pair configured at the gateway (either may
 * be empty). Long inbound messages come in parts (`isems=1`, `emshead=id,total,part`).
 */
import { parseChinaTime } from '../kit/chinaTime';
import { constantTimeEqual, forbidden, malformed, plainAnswer, pushParams } from '../push/push';
import { sms18ReportStatus } from './errors';
import type { LongMessagePart, PushHandler, PushOutcome, PushRequest, PushSettings } from '../push/push';
import type { DeliveryReport, InboundReply } from '../kit/model';

/** Never in an item's `raw`: the push's own credentials. */
const SECRET_FIELDS = ['pswd', 'receiver'];

/** A concatenated SMS has at most 255 parts (one-byte counter in the user data header). */
const MAX_PARTS = 255;

const PUSH_CHARSET = 'utf8';

export const sms18Push: PushHandler = {
	kinds: ['reply', 'report'],
	charset: PUSH_CHARSET,
	methods: ['GET', 'POST'],

	parse(request: PushRequest, settings: PushSettings): PushOutcome {
		const params = pushParams(request, settings.charset ?? PUSH_CHARSET);
		if (settings.receiver && !constantTimeEqual(params.get('receiver') ?? '', settings.receiver)) {
			return forbidden('"receiver" does not match');
		}
		if (settings.password && !constantTimeEqual(params.get('pswd') ?? '', settings.password)) {
			return forbidden('"pswd" does not match');
		}
		const raw = params.record(SECRET_FIELDS);
		const mobile = params.value('mobile') ?? null;

		if (params.get('status') !== undefined || params.get('reportTime') !== undefined) {
			const messageId = params.value('msgid') ?? null;
			if (!mobile && !messageId) return malformed('a status report with neither "mobile" nor "msgid"');
			const vendorStatus = params.value('status') ?? null;
			const report: DeliveryReport = {
				type: 'report',
				messageId,
				mobile,
				status: sms18ReportStatus(vendorStatus),
				vendorStatus,
				reportedAt: parseChinaTime(params.value('reportTime')),
				extno: null,
				linkId: null,
				raw,
			};
			return { status: 'accepted', events: [{ event: report }] };
		}

		const text = params.get('msg');
		if (text === undefined) return malformed('neither a status report ("status") nor a message ("msg")');
		if (!mobile) return malformed('an inbound message without "mobile"');
		const reply: InboundReply = {
			type: 'reply',
			id: null,
			mobile,
			text,
			receivedAt: parseChinaTime(params.value('moTime')),
			destination: params.value('destcode') ?? null,
			extno: null,
			linkId: null,
			raw,
		};
		if (params.value('isems') !== '1') return { status: 'accepted', events: [{ event: reply }] };

		const head = params.value('emshead') ?? '';
		const part = parseEmsHead(head, mobile);
		if (!part) {
			// Keep the text rather than refuse it: the gateway would not send it again.
			reply.parseError = `emshead "${head.slice(0, 40)}" is not "id,total,part"; this part was not joined`;
			return { status: 'accepted', events: [{ event: reply }] };
		}
		return { status: 'accepted', events: part.total === 1 ? [{ event: reply }] : [{ event: reply, part }] };
	},

	answer(outcome) {
		// The document asks for no particular answer: a plain 200.
		if (outcome === 'accepted') return plainAnswer(200, '');
		return outcome === 'forbidden' ? plainAnswer(403, 'Forbidden') : plainAnswer(400, 'Bad Request');
	},
};

/** seed 003: `emshead` is `id,total,part`, e.g. `234,4,1`. */
export function parseEmsHead(head: string, mobile: string): LongMessagePart | null {
	const match = /^\s*([^,\s]+)\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*$/.exec(head);
	if (!match) return null;
	const total = Number(match[2]);
	const number = Number(match[3]);
	if (total < 1 || total > MAX_PARTS || number < 1 || number > total) return null;
	return { key: `${mobile}|${match[1]}|${total}`, id: match[1], total, number };
}
