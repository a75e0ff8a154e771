/**
 * The fetch-once queries (§4 status reports, §5 replies): `<returnsms>` holding one box per event.
 * Nothing the gateway handed over is dropped: a box that cannot be read, or anything else inside
 * <returnsms>, becomes an event with `parseError` and `raw.xml`; a cut-off answer keeps its whole boxes.
 */
import type { GatewayContext } from '../kit/adapter';
import { flagMismatch } from '../kit/charsetMismatch';
import type { GatewayError } from '../kit/errors';
import type { DeliveryReport, FetchPage, InboundReply } from '../kit/model';
import { salvageFetch } from '../kit/salvage';
import { call, outcomeOf, refusal, sms10692Call } from './call';
import { SMS10692_QUERY_ERRORS, sms10692MessageFor } from './errors';
import type { Fields } from './returnsms';
import { leafFields, returnsmsContent } from './returnsms';

export interface Box {
	xml: string;
	fields: Fields | null;
}

/** One query: which endpoint, what its boxes are called, how a box becomes an event. */
export interface BoxQuery<E extends DeliveryReport | InboundReply> {
	kind: 'reports' | 'replies';
	what: string;
	tag: 'statusbox' | 'callbox';
	extra: Array<[string, string]>;
	event(box: Box): E;
	/** The parseError of content inside <returnsms> that is no box. */
	stray: string;
	more(boxes: number, events: number): boolean;
}

function splitBoxes(inner: string, tag: string): { boxes: Box[]; leftover: string[] } {
	const parts = inner.split(new RegExp(`(?=<${tag}[\\s>/])`));
	const leftover: string[] = [];
	const boxes: Box[] = [];
	for (const part of parts) {
		if (!part.startsWith(`<${tag}`)) {
			leftover.push(part);
			continue;
		}
		const close = `</${tag}>`;
		const selfClosing = /^<[^>]*\/>/.exec(part);
		const end = selfClosing ? selfClosing[0].length : part.indexOf(close) < 0 ? part.length : part.indexOf(close) + close.length;
		const xml = part.slice(0, end);
		boxes.push({ xml: xml.trim(), fields: leafFields(xml, tag) });
		leftover.push(part.slice(end));
	}
	return { boxes, leftover: leftover.map((l) => l.trim()).filter((l) => l.length > 0) };
}

/** A query refusal (§4.4 errorstatus), or a send-style Faild answer: thrown when no boxes came. */
function queryRefusal(fragment: string): GatewayError | null {
	const wrapped = leafFields(`<returnsms>${fragment}</returnsms>`, 'returnsms');
	const status = leafFields(fragment, 'errorstatus');
	if (status && status.error !== undefined) {
		return sms10692Call.refusal(status.error, SMS10692_QUERY_ERRORS, {
			unknownReason: 'the gateway refused the query',
			vendorText: (known) => status.remark || known?.vendorText || null,
		});
	}
	if (wrapped && (outcomeOf(wrapped.returnstatus) === 'failed' || (wrapped.message && sms10692MessageFor(wrapped.message)))) {
		return refusal(wrapped.message);
	}
	return null;
}

/** A cut-off query answer: the boxes that arrived closed, and the rest raw. */
function cutOffBoxes(text: string, tag: string): { boxes: Box[]; rest: string } {
	const start = text.indexOf('<returnsms>');
	if (start < 0) return { boxes: [], rest: text };
	const inner = text.slice(start + '<returnsms>'.length);
	const { boxes } = splitBoxes(inner, tag);
	const whole = (box: Box) => box.xml.endsWith(`</${tag}>`) || /^<[^>]*\/>$/.test(box.xml);
	const complete = boxes.filter(whole);
	const rest = boxes.length > 0 ? boxes.filter((b) => !whole(b)).map((b) => b.xml).join('') : inner;
	return { boxes: complete, rest };
}

async function queryBoxes<E extends DeliveryReport | InboundReply>(ctx: GatewayContext, query: BoxQuery<E>) {
	const answer = await call(ctx, query.kind, 'query', query.extra, true);
	const inner = returnsmsContent(answer.body);
	if (inner === null) throw sms10692Call.unexpected(query.what, answer);
	const { boxes, leftover } = splitBoxes(inner, query.tag);
	if (boxes.length === 0 && leftover.length === 1) {
		const refused = queryRefusal(leftover[0]);
		if (refused) throw refused;
	}
	return { boxes, leftover, mismatch: answer.mismatch };
}

export async function fetchBoxes<E extends DeliveryReport | InboundReply>(ctx: GatewayContext, query: BoxQuery<E>): Promise<FetchPage<E>> {
	let fetched: Awaited<ReturnType<typeof queryBoxes>>;
	try {
		fetched = await queryBoxes(ctx, query);
	} catch (error) {
		return salvageFetch(error, query.kind, (text, mismatch) => {
			const cut = cutOffBoxes(text, query.tag);
			return { events: cut.boxes.map((box) => flagMismatch(query.event(box), box.xml, mismatch)), rest: cut.rest };
		});
	}
	const { boxes, leftover, mismatch } = fetched;
	const events = boxes.map((box) => flagMismatch(query.event(box), box.xml, mismatch));
	for (const xml of leftover) {
		events.push(flagMismatch({ ...query.event({ xml, fields: null }), parseError: query.stray }, xml, mismatch));
	}
	return { events, more: query.more(boxes.length, events.length) };
}

/** The event of a box that is not well-formed: its XML kept raw. */
export function unreadable(xml: string, why: string) {
	return { raw: { xml }, parseError: why };
}
