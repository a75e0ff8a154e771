/**
 * The one send pipeline of `send`, `sendBulk` and `sendTemplate`, after every item was checked:
 * plan the fewest requests (items with equal keys share them, a number never twice in one
 * request), send them with a small concurrency, and give each item the gateway's result for each
 * of its numbers. A request that fails is never sent again; what its failure means for each
 * number (not sent, or may have been sent) is kept beside the results.
 */
import { TransportError } from '../kit/errors';
import type { RecipientOutcome, SendOutcome } from '../kit/model';
import { planBatches, runPool } from './plan';
import type { BatchEntry, PlannedRequest } from './plan';

/** One item, checked: its numbers and what its requests carry besides them. */
export interface SendJob<P> {
	itemIndex: number;
	recipients: string[];
	/** Items with equal keys may share requests (same final message and options). */
	key: string;
	/** What the requests of this item carry besides the numbers (message and options, or template). */
	payload: P;
	/** Numbers per request at most. */
	limit: number;
	concurrency: number;
}

export type EntryState = 'sent' | 'failed' | 'notSent';

export interface EntryResult {
	recipient: string;
	state: EntryState;
	/** The gateway's answer for this number (state `sent`); absent when the answer has none for it. */
	result?: RecipientOutcome;
	/** The request's whole outcome (state `sent`). */
	outcome?: SendOutcome;
	/** The request's failure (state `failed`). */
	error?: unknown;
}

export interface ItemResult {
	itemIndex: number;
	entries: EntryResult[];
	/** Requests made for this item's numbers (a shared request counts for each of its items). */
	requests: number;
	/** The first failure of a request carrying this item's numbers. */
	failure: unknown;
	/** Outcomes of the item's requests, in plan order. */
	outcomes: SendOutcome[];
}

export interface PipelineResult {
	items: ItemResult[];
	/** Requests planned, with what became of each. */
	requests: Array<{ itemIndexes: number[]; state: 'sent' | 'failed' | 'notSent'; error?: unknown }>;
}

/** A failure after which the gateway may have acted on the request. */
export function mayHaveBeenSent(error: unknown): boolean {
	return error instanceof TransportError && error.mayHaveReached;
}

interface Planned<P> extends PlannedRequest {
	payload: P;
}

function plan<P>(jobs: SendJob<P>[], requestClass: (recipient: string) => string): Array<Planned<P>> {
	const byKey = new Map<string, { limit: number; payload: P; entries: BatchEntry[] }>();
	for (const job of jobs) {
		for (const recipient of job.recipients) {
			// Numbers of different classes never share a request, even with equal keys.
			const key = `${requestClass(recipient)} ${job.key}`;
			const group = byKey.get(key) ?? { limit: job.limit, payload: job.payload, entries: [] };
			group.entries.push({ itemIndex: job.itemIndex, recipient, key });
			byKey.set(key, group);
		}
	}
	const out: Array<Planned<P>> = [];
	for (const group of byKey.values()) {
		for (const request of planBatches(group.entries, group.limit)) out.push({ ...request, payload: group.payload });
	}
	return out.sort((a, b) => a.entries[0].itemIndex - b.entries[0].itemIndex);
}

/** The gateway's result for each entry: by position when the numbers agree, else by number. */
function matchOutcome(entries: BatchEntry[], outcome: SendOutcome): Array<RecipientOutcome | undefined> {
	const unused = [...outcome.recipients];
	return entries.map((entry, i) => {
		const positional = outcome.recipients[i];
		const pick = positional?.recipient === entry.recipient && unused.includes(positional) ? positional : unused.find((r) => r.recipient === entry.recipient);
		if (pick) unused.splice(unused.indexOf(pick), 1);
		return pick;
	});
}

/**
 * Send `jobs` (every item already checked; none may be invalid). `stopOnFailure`: after a failed
 * request no new request starts (without "continue on fail"). Either way, once a request carrying
 * an item's numbers failed, the item's other requests are not sent. `requestClass`: the
 * gateway's (adapter.requestClass), numbers of different classes go in different requests.
 */
export async function runSendPipeline<P>(
	jobs: Array<SendJob<P>>,
	send: (payload: P, entries: BatchEntry[]) => Promise<SendOutcome>,
	options: { stopOnFailure: boolean; requestClass?: (recipient: string) => string },
): Promise<PipelineResult> {
	const requests = plan(jobs, options.requestClass ?? (() => ''));
	const items = new Map<number, ItemResult>(
		jobs.map((job) => [job.itemIndex, { itemIndex: job.itemIndex, entries: [], requests: 0, failure: null, outcomes: [] }]),
	);
	const states: PipelineResult['requests'] = requests.map((r) => ({ itemIndexes: [...new Set(r.entries.map((e) => e.itemIndex))], state: 'notSent' }));
	const perRequest: Array<EntryResult[] | undefined> = [];
	let stop = false;
	await runPool(
		requests,
		jobs[0]?.concurrency ?? 1,
		async (request, r) => {
			const owners = states[r].itemIndexes.map((i) => items.get(i)!);
			if (owners.some((item) => item.failure !== null)) return;
			owners.forEach((item) => item.requests++);
			let outcome: SendOutcome | undefined;
			let error: unknown;
			try {
				outcome = await send(request.payload, request.entries);
			} catch (caught) {
				error = caught ?? new Error('unknown failure');
			}
			if (outcome) {
				states[r].state = 'sent';
				const matched = matchOutcome(request.entries, outcome);
				perRequest[r] = request.entries.map((e, i) => ({ recipient: e.recipient, state: 'sent', result: matched[i], outcome }));
				owners.forEach((item) => item.outcomes.push(outcome!));
				return;
			}
			states[r] = { ...states[r], state: 'failed', error };
			perRequest[r] = request.entries.map((e) => ({ recipient: e.recipient, state: 'failed', error }));
			owners.forEach((item) => (item.failure ??= error));
			if (options.stopOnFailure) stop = true;
		},
		() => stop,
	);
	requests.forEach((request, r) => {
		const results = perRequest[r] ?? request.entries.map((e): EntryResult => ({ recipient: e.recipient, state: 'notSent' }));
		request.entries.forEach((entry, i) => items.get(entry.itemIndex)!.entries.push(results[i]));
	});
	// Entries in each item's own order of numbers.
	for (const job of jobs) {
		const item = items.get(job.itemIndex)!;
		const order = new Map(job.recipients.map((n, i) => [n, i]));
		item.entries.sort((a, b) => (order.get(a.recipient) ?? 0) - (order.get(b.recipient) ?? 0));
	}
	return { items: jobs.map((job) => items.get(job.itemIndex)!), requests: states };
}
