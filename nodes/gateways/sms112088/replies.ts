/** Replies (seed 002 §1.1.3 get_receive_message_txt.asp): `短信编号;号码;内容` records, up to 50 per call. */
import type { GatewayContext } from '../kit/adapter';
import { flagMismatch } from '../kit/charsetMismatch';
import type { FetchPage, InboundReply } from '../kit/model';
import { fetchRecords } from './list';

const REPLY_PAGE = 50; // seed 002 §1.1.3: "最大返回 50 条"

/**
 * seed 002 §1.1.3: 短信编号;号码;内容 per reply, but its example separates id and number with a
 * comma (`133,13798361236;我回复一条`): both are accepted.
 */
const REPLY_START = /^\s*(\d+)\s*[;,]\s*(\+?\d{3,20})\s*[;,]/;

interface ReplyPiece {
	record: string;
	/** Pieces of text joined onto it because the content itself held `|`. */
	joined: number;
	shaped: boolean;
}

/**
 * Split the pieces between `|` into replies. A reply's content may hold `|` and `;`: a piece that
 * does not start like a reply (`id;number;`) continues the one before, unless the leading count
 * says there are more replies than well-formed starts — then such pieces are replies of their own
 * that could not be read. Nothing handed over is dropped.
 */
function groupReplies(count: number, pieces: string[]): ReplyPiece[] {
	const shaped = pieces.map((p) => REPLY_START.test(p));
	const starts = shaped.filter(Boolean).length;
	const firstStart = shaped.indexOf(true);
	const leading = firstStart < 0 ? pieces.length : firstStart;
	const loose = shaped.slice(leading).filter((s) => !s).length;
	const missing = count - starts - leading;
	const looseAreReplies = missing > 0 && missing >= loose;
	const groups: ReplyPiece[] = [];
	pieces.forEach((piece, i) => {
		const current = groups[groups.length - 1];
		if (shaped[i] || i < leading || looseAreReplies || !current) groups.push({ record: piece, joined: 0, shaped: shaped[i] });
		else {
			current.record += `|${piece}`;
			current.joined++;
		}
	});
	return groups;
}

function replyEvent(group: ReplyPiece, mismatch: 'none' | 'more' | 'fewer', count: number, found: number): InboundReply {
	const base = { type: 'reply' as const, receivedAt: null, destination: null, extno: null, linkId: null };
	const m = REPLY_START.exec(group.record);
	if (!m || !group.shaped) {
		return { ...base, id: null, mobile: null, text: null, raw: { record: group.record }, parseError: 'not in the documented "id;number;content" shape' };
	}
	const content = group.record.slice(m[0].length);
	const event: InboundReply = { ...base, id: m[1], mobile: m[2], text: content, raw: { id: m[1], mobile: m[2], content } };
	if (mismatch === 'more' || (mismatch === 'fewer' && group.joined > 0)) {
		event.parseError = `the answer announced ${count} replies but held ${found}; this reply's text may hold "|" and part of another reply`;
		event.raw = { ...event.raw, record: group.record };
	}
	return event;
}

export async function fetchReplies(ctx: GatewayContext): Promise<FetchPage<InboundReply>> {
	return await fetchRecords(ctx, 'replies', REPLY_PAGE, (list, cutOff) => {
		// A cut-off answer is counted by its well-formed starts: a piece that is no start continues a text holding `|`.
		const count = cutOff ? list.pieces.filter((p) => REPLY_START.test(p)).length : list.count;
		const groups = groupReplies(count, list.pieces);
		const agreement = cutOff ? 'none' : groups.length > list.count ? 'more' : groups.length < list.count ? 'fewer' : 'none';
		return groups.map((g) => flagMismatch(replyEvent(g, agreement, list.count, groups.length), g.record, list.mismatch));
	});
}
