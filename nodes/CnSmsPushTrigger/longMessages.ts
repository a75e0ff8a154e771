/**
 * Joining long sms18 messages across webhook calls. The parts wait in the workflow's static data
 * (saved by n8n after each production webhook call); n8n gives webhooks no timer, so a message
 * still incomplete after the wait is handed out with the next push that arrives.
 */
import type { IDataObject } from 'n8n-workflow';

import { addLongMessagePart, takeExpiredLongMessages } from '../gateways/push/push';
import type { JoinedMessage, LongMessageStore, PendingLongMessage, PushedEvent } from '../gateways/push/push';
import type { DeliveryReport, InboundReply } from '../gateways/kit/types';

const STORE_KEY = 'longMessages';

export interface LongMessageInfo {
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
		longMessage: { id: joined.id, total: joined.total, received: joined.received, missing: joined.missing },
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
 * The events of one push, long-message parts joined. `staticData` is null where n8n does not keep
 * it between calls (the editor's test webhook): parts are then handed out at once, incomplete.
 */
export function joinPushedEvents(
	pushed: PushedEvent[],
	staticData: IDataObject | null,
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
					longMessage: { id: part.id, total: part.total, received: [part.number], missing },
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
		if (Object.keys(remaining).length > 0) staticData[STORE_KEY] = remaining as unknown as IDataObject;
		else delete staticData[STORE_KEY];
	}
	return [...expired.map(fromJoined), ...current];
}
