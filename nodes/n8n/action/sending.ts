/**
 * The n8n side of the one send pipeline: every item is checked first (a bad item stops the run
 * before anything is sent, unless the user chose to continue), then the checked items go through
 * the gateway layer's pipeline. `send` (one item, many numbers) and `sendBulk` / `sendTemplate`
 * (one number per item, items sharing requests) only differ in how they read an item and how they
 * report it.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { mayHaveBeenSent, runSendPipeline } from '../../gateways/send/pipeline';
import type { ItemResult, PipelineResult, SendJob } from '../../gateways/send/pipeline';
import type { BatchEntry } from '../../gateways/send/plan';
import type { SendOutcome } from '../../gateways/kit/model';
import { itemList } from '../errors';
import { failedItem, runError } from './runContext';
import type { RunContext } from './runContext';

/** One item, checked, with what its output item shows besides the gateway's answer. */
export interface CheckedSend<P> extends SendJob<P> {
	segments: number;
	scheduledAt: string | null;
}

export interface SendRun<P> {
	/** Per input item, in order: the checked item and its result, or why it was refused. */
	items: Array<{ itemIndex: number; checked?: CheckedSend<P>; result?: ItemResult; error?: unknown }>;
	pipeline: PipelineResult;
}

/** Check every item with `checkItem` (throws an InputError naming the item), then send. */
export async function checkAndSend<P>(
	run: RunContext,
	checkItem: (itemIndex: number) => CheckedSend<P>,
	send: (payload: P, entries: BatchEntry[]) => Promise<SendOutcome>,
): Promise<SendRun<P>> {
	const items: SendRun<P>['items'] = run.items.map((_, i) => {
		try {
			return { itemIndex: i, checked: checkItem(i) };
		} catch (error) {
			return { itemIndex: i, error };
		}
	});
	const invalid = items.filter((item) => item.error !== undefined);
	if (invalid.length > 0 && !run.continueOnFail) {
		const others = invalid.slice(1).map((item) => item.itemIndex);
		throw runError(run, invalid[0].error, invalid[0].itemIndex, `Nothing was sent.${others.length ? ` Also wrong: ${itemList(others)}.` : ''}`);
	}
	const jobs = items.flatMap((item) => (item.checked ? [item.checked] : []));
	const requestClass = run.adapter.requestClass?.bind(run.adapter);
	const pipeline = await runSendPipeline(jobs, send, { stopOnFailure: !run.continueOnFail, requestClass });
	const results = new Map(pipeline.items.map((result) => [result.itemIndex, result]));
	for (const item of items) if (item.checked) item.result = results.get(item.itemIndex);
	return { items, pipeline };
}

/**
 * The output of `sendBulk` and `sendTemplate`: one item per input item with the gateway's result
 * for its number. Without "continue on fail" a failed request stops the run with an error that
 * says which items went out (running the workflow again would send them again).
 */
export function oneNumberItems<P>(run: RunContext, sent: SendRun<P>): INodeExecutionData[] {
	if (!run.continueOnFail) {
		const failed = sent.pipeline.requests.find((r) => r.state === 'failed');
		if (failed) throw runError(run, failed.error, failed.itemIndexes[0], planSummary(sent.pipeline));
	}
	return sent.items.map(({ itemIndex, checked, result, error }): INodeExecutionData => {
		if (!checked || !result) return failedItem(run, error, itemIndex, { success: false, recipient: null, messageId: null });
		const base: IDataObject = { gateway: run.gateway, success: false, recipient: checked.recipients[0], messageId: null, segments: checked.segments, scheduledAt: checked.scheduledAt };
		const entry = result.entries[0];
		if (entry.state === 'failed') return failedItem(run, entry.error, itemIndex, base);
		if (!entry.result) {
			const text = entry.state === 'notSent' ? 'not sent: an earlier request failed' : "the gateway's answer has no result for this number";
			return { json: { ...base, error: text }, pairedItem: { item: itemIndex } };
		}
		const json: IDataObject = { ...base, success: entry.result.success, messageId: entry.result.messageId };
		if (!entry.result.success) json.error = entry.result.error ?? 'refused by the gateway';
		json.raw = (entry.outcome?.raw as IDataObject | undefined) ?? null;
		return { json, pairedItem: { item: itemIndex } };
	});
}

function planSummary(pipeline: PipelineResult): string {
	const items = (pick: (r: PipelineResult['requests'][number]) => boolean) =>
		pipeline.requests.flatMap((r) => (pick(r) ? r.itemIndexes : [])).sort((a, b) => a - b);
	const sent = items((r) => r.state === 'sent');
	const uncertain = items((r) => r.state === 'failed' && mayHaveBeenSent(r.error));
	const notSent = items((r) => r.state === 'notSent' || (r.state === 'failed' && !mayHaveBeenSent(r.error)));
	const count = pipeline.requests.length;
	return [
		`${count} request${count === 1 ? '' : 's'} planned.`,
		sent.length ? `Sent: ${itemList(sent)} — running the workflow again sends them again.` : 'Nothing was sent.',
		uncertain.length ? `Unknown (may have been sent): ${itemList(uncertain)}.` : '',
		notSent.length ? `Not sent: ${itemList(notSent)}.` : '',
	]
		.filter(Boolean)
		.join(' ');
}
