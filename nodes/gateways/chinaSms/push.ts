/**
 * China SMS (中国短信) inbound push (seed 000 §6): the gateway calls our URL with `src`, `dst`,
 * `msg` and `mo` in the query string, in GBK unless the account says otherwise, and wants the
 * bare body `0` back (a negative number means failure).
 */
import { parseChinaTime } from '../kit/chinaTime';
import { malformed, plainAnswer, pushParams } from '../push/push';
import type { PushHandler, PushOutcome, PushRequest, PushSettings } from '../push/push';
import type { InboundReply } from '../kit/model';

// seed 000 §6 <4>: content 0000 means "cancel every service for this user, send nothing back".
const UNSUBSCRIBE = '0000';

const PUSH_CHARSET = 'gbk';

export const chinaSmsPush: PushHandler = {
	kinds: ['reply'],
	charset: PUSH_CHARSET,
	methods: ['GET', 'POST'],

	parse(request: PushRequest, settings: PushSettings): PushOutcome {
		const params = pushParams(request, settings.charset ?? PUSH_CHARSET);
		const mobile = params.value('src');
		const text = params.get('msg');
		if (!mobile) return malformed('no "src" (the number that replied)');
		if (text === undefined) return malformed('no "msg" (the text of the reply)');
		const reply: InboundReply = {
			type: 'reply',
			id: params.value('mo') ?? null,
			mobile,
			text,
			// The push documents no time; accept readsms.asp's `time` should the gateway add it.
			receivedAt: parseChinaTime(params.value('time')),
			destination: params.value('dst') ?? null,
			extno: null,
			linkId: null,
			raw: params.record(),
			unsubscribe: text.trim() === UNSUBSCRIBE,
		};
		return { status: 'accepted', events: [{ event: reply }] };
	},

	answer(outcome) {
		// seed 000 §6 <3>: "0" and nothing else on success, a negative number otherwise.
		if (outcome === 'accepted') return plainAnswer(200, '0');
		return plainAnswer(outcome === 'forbidden' ? 403 : 400, '-1');
	},
};
