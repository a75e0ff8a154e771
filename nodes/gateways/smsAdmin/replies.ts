/** Replies (seed 001 §7 reve_urlencode/): up to a page of lines per call, 150 when none is pending. */
import type { GatewayContext } from '../kit/adapter';
import { flagMismatch } from '../kit/charsetMismatch';
import type { CharsetMismatch } from '../kit/charsetMismatch';
import type { FetchPage, InboundReply } from '../kit/model';
import { completeLines, salvageFetch } from '../kit/salvage';
import type { TransportResponse } from '../kit/transport';
import { auth, readCall } from './call';
import { SMSADMIN_PATHS } from './declaration';
import { SMSADMIN_NOTHING_PENDING } from './errors';
import { PAGE_SIZE, eventLines, parseReplyLine } from './lines';

function replies(lines: string[], mismatch: CharsetMismatch | null): InboundReply[] {
	return lines.map((line) => flagMismatch(parseReplyLine(line, true), line, mismatch));
}

export async function fetchReplies(ctx: GatewayContext): Promise<FetchPage<InboundReply>> {
	const a = auth(ctx);
	let res: TransportResponse;
	try {
		res = await readCall(ctx, a, SMSADMIN_PATHS.replies);
	} catch (error) {
		// A cut-off answer: its complete lines are replies handed out once, kept.
		return salvageFetch(error, 'replies', (text, mismatch) => {
			const { lines, rest } = completeLines(text);
			return { events: replies(lines, mismatch), rest };
		});
	}
	const lines = eventLines(a, res, SMSADMIN_NOTHING_PENDING.replies, 'the reply fetch');
	return { events: replies(lines, res.charsetMismatch), more: lines.length >= PAGE_SIZE };
}
