/** Replies (seed 004 §5 /v2callApi.aspx action=query). */
import type { GatewayContext } from '../kit/adapter';
import { parseChinaTime } from '../kit/chinaTime';
import type { FetchPage, InboundReply } from '../kit/model';
import type { Box } from './boxes';
import { fetchBoxes, unreadable } from './boxes';

function replyFrom(box: Box): InboundReply {
	const base = { type: 'reply' as const, id: null, mobile: null, text: null, receivedAt: null, destination: null, extno: null, linkId: null };
	const f = box.fields;
	if (!f) return { ...base, ...unreadable(box.xml, 'the reply box is not well-formed XML') };
	return {
		...base,
		// <taskid> is the batch the reply answers, not an id of the reply: it stays in raw.
		mobile: f.mobile || null,
		text: f.content ?? null,
		receivedAt: parseChinaTime(f.receivetime),
		extno: f.extno || null,
		raw: f,
		...(f.mobile ? {} : { parseError: 'the reply box has no mobile' }),
	};
}

export async function fetchReplies(ctx: GatewayContext): Promise<FetchPage<InboundReply>> {
	return await fetchBoxes(ctx, {
		kind: 'replies',
		what: 'the reply query',
		tag: 'callbox',
		extra: [],
		event: replyFrom,
		stray: 'unrecognised content in the reply answer',
		// No page size is documented for replies: ask again while the gateway still hands some out.
		more: (_, events) => events > 0,
	});
}
