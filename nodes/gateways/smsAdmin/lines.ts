/**
 * The answers of reve_urlencode/ (§7) and report/ (§8): `a/b/c/d/e` lines, at most a page of them
 * per call, or a bare code (nothing pending, a refusal). Nothing handed over is dropped: a line
 * that cannot be read becomes an event with `parseError`, a cut-off answer keeps its whole lines.
 */
import type { GatewayContext } from '../kit/adapter';
import { flagMismatch } from '../kit/charsetMismatch';
import { parseChinaTime } from '../kit/chinaTime';
import type { DeliveryReport, FetchPage, InboundReply } from '../kit/model';
import { completeLines, salvageFetch } from '../kit/salvage';
import type { TransportResponse } from '../kit/transport';
import type { Auth } from './call';
import { auth, isRefusal, parseCodeAnswer, readCall, refused, smsAdminCall } from './call';
import { SMSADMIN_PATHS, smsAdminDeclaration } from './declaration';
import { SMSADMIN_NOTHING_PENDING } from './errors';

/** Lines one answer holds at most: a full page means more may be waiting. */
const PAGE_SIZE = smsAdminDeclaration.limits.fetchPageSize ?? Number.POSITIVE_INFINITY;

/** Date forms seen: `2014-10-11 18:39:24` (vendor samples); a slashed date is tolerated too. */
const LINE = /^([^/]*)\/(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ T]\d{1,2}:\d{1,2}(?::\d{1,2})?|[^/]*)\/([^/]*)\/([\s\S]*)\/([^/]*)$/;

export interface LineFields {
	mobile: string;
	time: string;
	linkId: string;
	value: string;
	subCode: string;
}

export function splitLine(line: string): { fields: LineFields | null; problems: string[] } {
	const m = LINE.exec(line);
	if (!m) return { fields: null, problems: ['the line does not have the five "/"-separated fields'] };
	const fields = { mobile: m[1].trim(), time: m[2].trim(), linkId: m[3].trim(), value: m[4], subCode: m[5].trim() };
	const problems: string[] = [];
	if (!/^\+?\d{5,20}$/.test(fields.mobile)) problems.push(`"${fields.mobile}" is no phone number`);
	if (fields.time && parseChinaTime(fields.time) === null) problems.push(`"${fields.time}" is no date`);
	return { fields, problems };
}

/** Lines of a fetch answer; an HTML page is no list of events. Empty lines are no events. */
function eventLines(a: Auth, res: TransportResponse, nothingPending: string, what: string): string[] {
	const answer = parseCodeAnswer(res.text);
	if (answer?.code === nothingPending) return [];
	if (isRefusal(answer)) throw refused(a, res, what);
	const read = smsAdminCall.answer(res, { trim: false });
	if (!read.body.trim() || /^\s*</.test(read.body)) throw smsAdminCall.unexpected(what, read, a.secrets);
	return read.body.split('\n').map((l) => l.replace(/\r$/, '')).filter((l) => l.trim().length > 0);
}

/** The line's fields for `raw`, its fourth under the name it has in this answer (content, status). */
export function rawFields(f: LineFields, valueName: string): Record<string, string> {
	return { mobile: f.mobile, time: f.time, linkId: f.linkId, [valueName]: f.value, subCode: f.subCode };
}

/** One fetch-once call of `kind`, each line read by `parse`. */
export async function fetchLines<E extends DeliveryReport | InboundReply>(
	ctx: GatewayContext,
	kind: 'replies' | 'reports',
	parse: (line: string) => E,
): Promise<FetchPage<E>> {
	const a = auth(ctx);
	const read = (lines: string[], mismatch: TransportResponse['charsetMismatch']) => lines.map((line) => flagMismatch(parse(line), line, mismatch));
	let res: TransportResponse;
	try {
		res = await readCall(ctx, a, SMSADMIN_PATHS[kind]);
	} catch (error) {
		// A cut-off answer: its complete lines are events handed out once, kept.
		return salvageFetch(error, kind, (text, mismatch) => {
			const { lines, rest } = completeLines(text);
			return { events: read(lines, mismatch), rest };
		});
	}
	const lines = eventLines(a, res, SMSADMIN_NOTHING_PENDING[kind], kind === 'replies' ? 'the reply fetch' : 'the report fetch');
	return { events: read(lines, res.charsetMismatch), more: lines.length >= PAGE_SIZE };
}
