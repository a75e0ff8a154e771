/**
 * The run of `sendBulk` and `sendTemplate`: check every item first, group the items that share
 * message and options, send each group in the fewest requests, and give one output item per
 * input item with the gateway's result for its number.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { planBatches, runPool } from '../../gateways/send/plan';
import type { BatchEntry, PlannedRequest } from '../../gateways/send/plan';
import type { RecipientOutcome, SendOutcome } from '../../gateways/kit/types';
import { failureItem, isUncertain, itemList, nodeError } from '../results';
import type { RunContext } from '../results';

export interface BatchItem {
	itemIndex: number;
	recipient: string;
	key: string;
	limit: number;
	concurrency: number;
	segments: number;
	scheduledAt: string | null;
}

export interface BatchSpec<T extends BatchItem> {
	/** Check and normalise one item; throws an InputError naming the item. */
	checkItem(itemIndex: number): T;
	/** Send one planned request carrying these items (all of one group). */
	send(items: T[]): Promise<SendOutcome>;
}

interface RequestResult {
	outcome?: SendOutcome;
	error?: unknown;
}

export async function executeBatch<T extends BatchItem>(run: RunContext, spec: BatchSpec<T>): Promise<INodeExecutionData[]> {
	const checked: Array<T | { itemIndex: number; error: unknown }> = run.items.map((_, i) => {
		try {
			return spec.checkItem(i);
		} catch (error) {
			return { itemIndex: i, error };
		}
	});
	const invalid = checked.filter((c): c is { itemIndex: number; error: unknown } => 'error' in c);
	// A bad item stops the whole run before anything is sent, unless the user chose to continue.
	if (invalid.length > 0 && !run.continueOnFail) {
		const others = invalid.slice(1).map((c) => c.itemIndex);
		throw nodeError(run, invalid[0].error, invalid[0].itemIndex, `Nothing was sent.${others.length ? ` Also wrong: ${itemList(others)}.` : ''}`);
	}
	const valid = checked.filter((c): c is T => !('error' in c));
	const byIndex = new Map(valid.map((item) => [item.itemIndex, item]));
	const requests = plan(valid);

	let stop = false;
	const results = await runPool(
		requests,
		valid[0]?.concurrency ?? 1,
		async (request): Promise<RequestResult> => {
			try {
				return { outcome: await spec.send(request.entries.map((e) => byIndex.get(e.itemIndex)!)) };
			} catch (error) {
				if (!run.continueOnFail) stop = true;
				return { error };
			}
		},
		() => stop,
	);

	const perItem = new Map<number, { result?: RecipientOutcome; raw?: IDataObject; error?: unknown; notSent?: boolean }>();
	requests.forEach((request, r) => {
		const result = results[r];
		if (!result) request.entries.forEach((e) => perItem.set(e.itemIndex, { notSent: true }));
		else if (result.error !== undefined) request.entries.forEach((e) => perItem.set(e.itemIndex, { error: result.error }));
		else matchOutcome(request.entries, result.outcome!).forEach((res, e) => perItem.set(e.itemIndex, { result: res, raw: result.outcome!.raw as IDataObject }));
	});

	if (!run.continueOnFail) {
		const failed = requests.findIndex((_, r) => results[r]?.error !== undefined);
		if (failed >= 0) throw nodeError(run, results[failed]!.error, requests[failed].entries[0].itemIndex, summary(requests, results));
	}

	return checked.map((item): INodeExecutionData => {
		if ('error' in item) return failureItem(run, item.error, item.itemIndex, { success: false, recipient: null, messageId: null });
		const base: IDataObject = { gateway: run.gateway, success: false, recipient: item.recipient, messageId: null, segments: item.segments, scheduledAt: item.scheduledAt };
		const got = perItem.get(item.itemIndex);
		if (got?.error !== undefined) return failureItem(run, got.error, item.itemIndex, base);
		if (!got?.result) {
			const error = got?.notSent ? 'not sent: an earlier request failed' : 'the gateway\'s answer has no result for this number';
			return { json: { ...base, error }, pairedItem: { item: item.itemIndex } };
		}
		const json: IDataObject = { ...base, success: got.result.success, messageId: got.result.messageId };
		if (!got.result.success) json.error = got.result.error ?? 'refused by the gateway';
		json.raw = got.raw ?? null;
		return { json, pairedItem: { item: item.itemIndex } };
	});
}

/** Requests per group, the groups in order of their first item. */
function plan(items: BatchItem[]): PlannedRequest[] {
	const limits = [...new Set(items.map((i) => i.limit))];
	const out: PlannedRequest[] = [];
	for (const limit of limits) {
		const entries: BatchEntry[] = items.filter((i) => i.limit === limit).map((i) => ({ itemIndex: i.itemIndex, recipient: i.recipient, key: i.key }));
		out.push(...planBatches(entries, limit));
	}
	return out.sort((a, b) => a.entries[0].itemIndex - b.entries[0].itemIndex);
}

/** The gateway's result for each entry: by position when the numbers agree, else by number. */
function matchOutcome(entries: BatchEntry[], outcome: SendOutcome): Map<BatchEntry, RecipientOutcome> {
	const map = new Map<BatchEntry, RecipientOutcome>();
	const unused = [...outcome.recipients];
	entries.forEach((entry, i) => {
		const positional = outcome.recipients[i];
		const pick = positional?.recipient === entry.recipient && unused.includes(positional) ? positional : unused.find((r) => r.recipient === entry.recipient);
		if (pick) {
			map.set(entry, pick);
			unused.splice(unused.indexOf(pick), 1);
		}
	});
	return map;
}

function summary(requests: PlannedRequest[], results: Array<RequestResult | undefined>): string {
	const items = (pick: (r: RequestResult | undefined) => boolean) =>
		requests.flatMap((req, r) => (pick(results[r]) ? req.entries.map((e) => e.itemIndex) : [])).sort((a, b) => a - b);
	const sent = items((r) => !!r?.outcome);
	const uncertain = items((r) => r?.error !== undefined && isUncertain(r.error));
	const notSent = items((r) => !r || (r.error !== undefined && !isUncertain(r.error)));
	return [
		`${requests.length} request${requests.length === 1 ? '' : 's'} planned.`,
		sent.length ? `Sent: ${itemList(sent)} — running the workflow again sends them again.` : 'Nothing was sent.',
		uncertain.length ? `Unknown (may have been sent): ${itemList(uncertain)}.` : '',
		notSent.length ? `Not sent: ${itemList(notSent)}.` : '',
	]
		.filter(Boolean)
		.join(' ');
}
