/**
 * The fetch-once answers (seed 002 §1.1.2 reports, §1.1.3 replies): `0` when nothing is pending, a
 * refusal, or `count|record|record…`. A cut-off answer keeps the records that arrived whole.
 */
import type { GatewayContext } from '../kit/adapter';
import type { CharsetMismatch } from '../kit/model';
import type { DeliveryReport, FetchPage, InboundReply } from '../kit/model';
import { salvageFetch } from '../kit/salvage';
import { call, refusalIn, sms112088Call } from './call';
import { SMS112088_PATHS } from './declaration';
import { SMS112088_FETCH_ERRORS } from './errors';

/** The records of one answer: the count it announced and the pieces between `|`. */
export interface RecordList {
	count: number;
	pieces: string[];
	mismatch: CharsetMismatch | null;
}

async function fetchList(ctx: GatewayContext, path: string, what: string): Promise<RecordList | null> {
	const answer = await call(ctx, path, []);
	const body = answer.body;
	const refusal = refusalIn(body, SMS112088_FETCH_ERRORS);
	if (refusal) throw refusal;
	if (/^0+$/.test(body)) return null;
	const m = /^(\d+)\s*\|([\s\S]*)$/.exec(body);
	if (!m) throw sms112088Call.unexpected(what, answer);
	// No trailing `|` is documented: a last empty piece is part of a reply text ending in `|`.
	return { count: Number(m[1]), pieces: m[2].split('|'), mismatch: answer.mismatch };
}

/** A cut-off `count|record|…` answer: the records followed by `|` arrived whole, the last did not. */
function cutOffList(text: string): { count: number; pieces: string[]; rest: string } | null {
	const m = /^\s*(\d+)\s*\|([\s\S]*)$/.exec(text.replace(/^\uFEFF/, ''));
	if (!m) return null;
	const pieces = m[2].split('|');
	return { count: Number(m[1]), pieces: pieces.slice(0, -1), rest: pieces[pieces.length - 1] };
}

/**
 * One fetch-once call of `kind`; `read` makes the events of a list (`cutOff`: of the whole records
 * of an answer that was cut off). A page of `pageSize` or more says more may be waiting.
 */
export async function fetchRecords<E extends DeliveryReport | InboundReply>(
	ctx: GatewayContext,
	kind: 'reports' | 'replies',
	pageSize: number,
	read: (list: RecordList, cutOff: boolean) => E[],
): Promise<FetchPage<E>> {
	let list: RecordList | null;
	try {
		list = await fetchList(ctx, SMS112088_PATHS[kind], kind === 'reports' ? 'the report fetch' : 'the reply fetch');
	} catch (error) {
		return salvageFetch(error, kind, (text, mismatch) => {
			const cut = cutOffList(text);
			if (!cut) return { events: [] as E[], rest: text };
			const events = read({ count: cut.count, pieces: cut.pieces, mismatch }, true);
			const lost = Math.max(0, cut.count - events.length);
			return { events, rest: cut.rest, note: `the answer announced ${cut.count} ${kind}, ${lost} of them did not arrive whole` };
		});
	}
	if (!list) return { events: [], more: false };
	const events = read(list, false);
	return { events, more: Math.max(list.count, events.length) >= pageSize };
}
