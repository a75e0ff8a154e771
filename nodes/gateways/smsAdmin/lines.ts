/**
 * The answers of reve_urlencode/ (§7) and report/ (§8): `a/b/c/d/e` lines, at most a page of them
 * per call, or a bare code (nothing pending, a refusal). Nothing handed over is dropped: a line
 * that cannot be read becomes an event with `parseError`.
 */
import { parseChinaTime } from '../kit/chinaTime';
import { decodeBytes } from '../kit/charset';
import type { DeliveryReport, InboundReply } from '../kit/model';
import type { TransportResponse } from '../kit/transport';
import type { Auth } from './call';
import { isRefusal, parseCodeAnswer, refused, smsAdminCall } from './call';
import { smsAdminDeclaration } from './declaration';
import { smsAdminReportStatus } from './errors';

/** Lines one answer holds at most: a full page means more may be waiting. */
export const PAGE_SIZE = smsAdminDeclaration.limits.fetchPageSize ?? Number.POSITIVE_INFINITY;

/** Date forms seen: `2014-10-11 18:39:24` (vendor samples); a slashed date is tolerated too. */
const LINE = /^([^/]*)\/(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T]\d{1,2}:\d{1,2}(?::\d{1,2})?|[^/]*)\/([^/]*)\/([\s\S]*)\/([^/]*)$/;

interface LineFields {
	mobile: string;
	time: string;
	linkId: string;
	value: string;
	subCode: string;
}

function splitLine(line: string): { fields: LineFields | null; problems: string[] } {
	const m = LINE.exec(line);
	if (!m) return { fields: null, problems: ['the line does not have the five "/"-separated fields'] };
	const fields = { mobile: m[1].trim(), time: m[2].trim(), linkId: m[3].trim(), value: m[4], subCode: m[5].trim() };
	const problems: string[] = [];
	if (!/^\+?\d{5,20}$/.test(fields.mobile)) problems.push(`"${fields.mobile}" is no phone number`);
	if (fields.time && parseChinaTime(fields.time) === null) problems.push(`"${fields.time}" is no date`);
	return { fields, problems };
}

/** Lines of a fetch answer; an HTML page is no list of events. Empty lines are no events. */
export function eventLines(a: Auth, res: TransportResponse, nothingPending: string, what: string): string[] {
	const answer = parseCodeAnswer(res.text);
	if (answer?.code === nothingPending) return [];
	if (isRefusal(answer)) throw refused(a, res, what);
	const read = smsAdminCall.answer(res, { trim: false });
	if (!read.body.trim() || /^\s*</.test(read.body)) throw smsAdminCall.unexpected(what, read, a.secrets);
	return read.body.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim().length > 0);
}

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

function rawFields(f: LineFields, valueName: string): Record<string, string> {
	return { mobile: f.mobile, time: f.time, linkId: f.linkId, [valueName]: f.value, subCode: f.subCode };
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

/** §8 lines `手机号/日期/流水号/状态值/子码`; 流水号 is the send's linkid (or one the gateway made). */
export function parseReportLine(line: string): DeliveryReport {
	const { fields, problems } = splitLine(line);
	const vendorStatus = fields ? fields.value.trim() : null;
	const report: DeliveryReport = {
		type: 'report',
		messageId: fields?.linkId || null,
		mobile: fields?.mobile || null,
		status: vendorStatus === null ? 'unknown' : smsAdminReportStatus(vendorStatus),
		vendorStatus: vendorStatus || null,
		reportedAt: parseChinaTime(fields?.time),
		extno: fields?.subCode || null,
		linkId: fields?.linkId || null,
		raw: fields ? { ...rawFields(fields, 'status'), line } : { line },
	};
	if (problems.length) report.parseError = problems.join('; ');
	return report;
}
