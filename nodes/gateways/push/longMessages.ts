/**
 * Long inbound messages (sms18, seed 003 短信接收: isems / emshead), joined across pushes. The
 * parts wait in a store the caller keeps between pushes (the push trigger: the workflow's static
 * data, saved by n8n after each production webhook call); nothing gives webhooks a timer, so a
 * message still incomplete after the wait is handed out with the next push that arrives.
 */
import type { InboundReply, DeliveryReport } from '../kit/model';
import type { LongMessagePart, PushedEvent } from './push';

/** A long message whose parts are still arriving. Plain JSON: it lives in workflow static data. */
export interface PendingLongMessage {
	/** When its first part arrived, ms since the epoch. */
	firstSeen: number;
	id: string;
	total: number;
	/** The parts received so far, by part number. */
	parts: Record<string, InboundReply>;
}

export type LongMessageStore = Record<string, PendingLongMessage>;

export interface JoinedMessage {
	reply: InboundReply;
	/** Identifies the message: sender, the gateway's id and the part count. */
	key: string;
	id: string;
	total: number;
	received: number[];
	missing: number[];
	complete: boolean;
}

/** Pending long messages kept at most; beyond that the oldest are handed out incomplete. */
export const MAX_PENDING_LONG_MESSAGES = 500;

/**
 * Add one part. Returns the new store (the old one is not changed) and, when this part was the
 * last one missing, the joined message (already removed from the store). A part that arrives
 * twice replaces the earlier copy.
 */
export function addLongMessagePart(
	store: LongMessageStore,
	reply: InboundReply,
	part: LongMessagePart,
	nowMs: number,
): { store: LongMessageStore; joined: JoinedMessage | null } {
	const previous = store[part.key];
	const pending: PendingLongMessage = {
		firstSeen: previous?.firstSeen ?? nowMs,
		id: part.id,
		total: part.total,
		parts: { ...(previous?.parts ?? {}), [String(part.number)]: reply },
	};
	const next = { ...store };
	if (Object.keys(pending.parts).length >= pending.total) {
		delete next[part.key];
		return { store: next, joined: joinParts(part.key, pending) };
	}
	next[part.key] = pending;
	return { store: next, joined: null };
}

/**
 * Take out the messages whose first part arrived `waitMs` or longer ago, and the oldest ones
 * beyond `maxPending`, joined from the parts that did arrive and marked incomplete.
 */
export function takeExpiredLongMessages(
	store: LongMessageStore,
	nowMs: number,
	waitMs: number,
	maxPending = MAX_PENDING_LONG_MESSAGES,
): { store: LongMessageStore; expired: JoinedMessage[] } {
	const keys = Object.keys(store).sort((a, b) => store[a].firstSeen - store[b].firstSeen);
	const overflow = Math.max(0, keys.length - maxPending);
	const next: LongMessageStore = {};
	const expired: JoinedMessage[] = [];
	keys.forEach((key, index) => {
		const pending = store[key];
		if (index < overflow || nowMs - pending.firstSeen >= waitMs) expired.push(joinParts(key, pending));
		else next[key] = pending;
	});
	return { store: next, expired };
}

/** One reply from the parts at hand, in part order; `complete` when none is missing. */
export function joinParts(key: string, pending: PendingLongMessage): JoinedMessage {
	const numbers = Object.keys(pending.parts)
		.map(Number)
		.sort((a, b) => a - b);
	const parts = numbers.map((n) => pending.parts[String(n)]);
	const missing: number[] = [];
	for (let n = 1; n <= pending.total; n++) if (!(String(n) in pending.parts)) missing.push(n);
	const first = parts[0];
	const text = parts.map((p) => p.text ?? '').join('');
	const times = parts.map((p) => p.receivedAt).filter((t): t is string => t !== null).sort();
	const { msg: _msg, emshead: _emshead, ...firstRaw } = first.raw;
	const errors = parts.map((p) => p.parseError).filter((e): e is string => Boolean(e));
	const reply: InboundReply = {
		...first,
		text,
		receivedAt: times[0] ?? null,
		raw: { ...firstRaw, msg: text, parts: parts.map((p) => p.raw) },
	};
	delete reply.parseError;
	if (errors.length > 0) reply.parseError = errors.join('; ');
	return { reply, key, id: pending.id, total: pending.total, received: numbers, missing, complete: missing.length === 0 };
}

const STORE_KEY = 'longMessages';

export interface LongMessageInfo {
	/** The same for every part of one message (sender, the gateway's id, the part count): join by it. */
	key: string;
	id: string;
	total: number;
	received: number[];
	missing: number[];
}

/** An event ready to become an item; long messages carry their part bookkeeping. */
export interface EmittedEvent {
	event: InboundReply | DeliveryReport;
	incomplete?: boolean;
	longMessage?: LongMessageInfo;
}

function fromJoined(joined: JoinedMessage): EmittedEvent {
	return {
		event: joined.reply,
		incomplete: !joined.complete,
		longMessage: { key: joined.key, id: joined.id, total: joined.total, received: joined.received, missing: joined.missing },
	};
}

/** The saved store, without entries that are not pending messages (it is user-editable JSON). */
function readStore(saved: unknown): LongMessageStore {
	const store: LongMessageStore = {};
	if (typeof saved !== 'object' || saved === null) return store;
	for (const [key, value] of Object.entries(saved as Record<string, unknown>)) {
		const pending = value as Partial<PendingLongMessage> | null;
		if (
			typeof pending?.firstSeen === 'number' &&
			typeof pending.total === 'number' &&
			typeof pending.id === 'string' &&
			typeof pending.parts === 'object' &&
			pending.parts !== null &&
			Object.keys(pending.parts).length > 0
		) {
			store[key] = pending as PendingLongMessage;
		}
	}
	return store;
}

/**
 * The events of one push, long-message parts joined. `staticData` is null where parts must not wait
 * in it (the editor's test webhook keeps none; the `parts` setting asks for each part at once):
 * parts are then handed out at once, each marked incomplete with the key that joins them.
 */
export function joinPushedEvents(
	pushed: PushedEvent[],
	staticData: Record<string, unknown> | null,
	nowMs: number,
	waitMs: number,
): EmittedEvent[] {
	const current: EmittedEvent[] = [];
	if (staticData === null) {
		for (const { event, part } of pushed) {
			if (!part) current.push({ event });
			else {
				const missing = Array.from({ length: part.total }, (_, i) => i + 1).filter((n) => n !== part.number);
				current.push({
					event,
					incomplete: true,
					longMessage: { key: part.key, id: part.id, total: part.total, received: [part.number], missing },
				});
			}
		}
		return current;
	}

	let store = readStore(staticData[STORE_KEY]);
	let changed = false;
	for (const { event, part } of pushed) {
		if (!part || event.type !== 'reply') {
			current.push({ event });
			continue;
		}
		const added = addLongMessagePart(store, event, part, nowMs);
		store = added.store;
		changed = true;
		if (added.joined) current.push(fromJoined(added.joined));
	}
	const { store: remaining, expired } = takeExpiredLongMessages(store, nowMs, waitMs);
	if (expired.length > 0) changed = true;
	if (changed) {
		// Assign a fresh object so n8n notices the change and saves it.
		if (Object.keys(remaining).length > 0) staticData[STORE_KEY] = remaining;
		else delete staticData[STORE_KEY];
	}
	return [...expired.map(fromJoined), ...current];
}
