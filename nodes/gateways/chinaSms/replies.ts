/** Replies (seed 000 §5 readsms.asp): one per call, at least 5 s apart. */
import type { GatewayContext } from '../kit/adapter';
import { flagMismatch } from '../kit/charsetMismatch';
import { parseChinaTime } from '../kit/chinaTime';
import type { FetchPage, InboundReply } from '../kit/model';
import { salvageFetch } from '../kit/salvage';
import { call, chinaSmsRefusal, errorCode, isInteger, unexpected } from './answer';
import type { Answer } from './answer';
import { CHINA_SMS_PATHS } from './declaration';

/** An inbound reply from readsms.asp (§5); `0000` unsubscribes (§6 备注), whichever way it came. */
function replyEvent(fields: { id?: string; src?: string; msg?: string; dst?: string; time?: string }, raw: Record<string, string>): InboundReply {
	const content = fields.msg ?? null;
	return {
		type: 'reply',
		id: fields.id?.trim() || null,
		mobile: fields.src?.trim() || null,
		text: content,
		receivedAt: parseChinaTime(fields.time),
		destination: fields.dst?.trim() || null,
		extno: null,
		linkId: null,
		raw,
		unsubscribe: content !== null && content.trim() === '0000',
	};
}

/** seed 000 §5 readsms.asp: one reply per call; id=0 is "failed or nothing unread" (errid tells). */
export async function fetchReplies(ctx: GatewayContext): Promise<FetchPage<InboundReply>> {
	let answer: Answer;
	try {
		answer = await call(ctx, CHINA_SMS_PATHS.readReply, [], 'the reply fetch');
	} catch (error) {
		// One reply per answer and no terminator: a cut-off answer holds no complete reply; what
		// arrived of it is quoted raw in the error.
		return salvageFetch(error, 'replies', (text) => ({ events: [] as InboundReply[], rest: text }));
	}
	const id = answer.get('id');
	if (id === undefined) throw unexpected('the reply fetch', answer);
	if (isInteger(id) && Number(id) <= 0) {
		const code = errorCode(answer);
		if (code) throw chinaSmsRefusal(code, answer);
		if (Number(id) < 0) throw unexpected('the reply fetch', answer);
		return { events: [], more: false };
	}
	const get = (k: string) => answer.get(k);
	const reply = replyEvent({ id, src: get('src'), msg: get('msg'), dst: get('dst'), time: get('time') }, answer.raw);
	const problems: string[] = [];
	if (!/^\d+$/.test(id.trim())) problems.push(`the reply id "${id}" is not a number`);
	if (reply.mobile === null) problems.push('no src (mobile)');
	if (reply.text === null) problems.push('no msg (text)');
	if (problems.length > 0) {
		reply.parseError = `could not read the reply: ${problems.join(', ')}`;
		reply.raw = { ...answer.raw, body: answer.body };
	}
	// One reply per call: another may be waiting. The whole answer is its record.
	return { events: [flagMismatch(reply, answer.body, answer.mismatch)], more: true };
}
