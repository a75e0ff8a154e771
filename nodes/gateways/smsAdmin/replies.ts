/** Replies (seed 001 §7 reve_urlencode/): up to a page of lines per call, 150 when none is pending. */
import type { GatewayContext } from '../kit/adapter';
import { decodeBytes } from '../kit/charset';
import { parseChinaTime } from '../kit/chinaTime';
import type { FetchPage, InboundReply } from '../kit/model';
import { fetchLines, rawFields, splitLine } from './lines';

/**
 * PHP urldecode of GB2312 bytes. Text holding raw non-ASCII characters was not url-encoded (a
 * gateway that skipped it, or a document example): it is kept as it is.
 */
function urlDecodeGb2312(text: string): string {
	if (/[^\x00-\x7f]/.test(text)) return text;
	return text
		.replace(/\+/g, ' ')
		.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => decodeBytes(Buffer.from(run.replace(/%/g, ''), 'hex'), 'gb2312'));
}

/**
 * §7 lines `手机号/日期/流水号/回复内容/子码`. From reve_urlencode/ the reply text arrives url-encoded
 * (GB2312 bytes), so a "/" or a line break inside a reply cannot split the line; plain reve/ would.
 */
export function parseReplyLine(line: string, urlencoded: boolean): InboundReply {
	const { fields, problems } = splitLine(line);
	const reply: InboundReply = {
		type: 'reply',
		id: null,
		mobile: fields?.mobile || null,
		text: fields ? (urlencoded ? urlDecodeGb2312(fields.value) : fields.value) : null,
		receivedAt: parseChinaTime(fields?.time),
		destination: null,
		extno: fields?.subCode || null,
		linkId: fields?.linkId || null,
		raw: fields ? { ...rawFields(fields, 'content'), line } : { line },
	};
	if (problems.length) reply.parseError = problems.join('; ');
	return reply;
}

export async function fetchReplies(ctx: GatewayContext): Promise<FetchPage<InboundReply>> {
	return await fetchLines(ctx, 'replies', (line) => parseReplyLine(line, true));
}
