/** `send`: one message to a list of numbers per item, split into the fewest requests allowed. */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { chunk, runPool } from '../../gateways/send/plan';
import type { SendOutcome } from '../../gateways/kit/types';
import { checkSend, chinaIso } from '../../gateways/send/validate';
import type { SendOptions } from '../../gateways/send/validate';
import { sendOptions, showFor } from '../descriptions';
import { itemParameter } from '../itemParameters';
import { checkContext, failureItem, isUncertain, itemList, nodeError, operationError } from '../results';
import type { RunContext } from '../results';

export const description: INodeProperties[] = [
	{
		displayName: 'Recipients',
		name: 'recipients',
		type: 'string',
		required: true,
		default: '',
		placeholder: '13800138000, 13900139000',
		displayOptions: showFor('send'),
		description:
			'Phone numbers separated by commas, semicolons, spaces, new lines or ，；、. A leading +86, 0086 or 86 is removed, duplicates are removed; fixed-line numbers need their area code.',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: showFor('send'),
		description: 'The text to send. 70 characters make one SMS; longer messages are billed per 67 characters.',
	},
	sendOptions('send'),
];

interface ItemState {
	itemIndex: number;
	recipients: string[];
	segments: number;
	scheduledAt: string | null;
	outcomes: Array<{ part: number; outcome: SendOutcome }>;
	requests: number;
	failure: unknown;
	notSent: string[];
	uncertain: string[];
}

interface Task {
	state: ItemState;
	part: number;
	recipients: string[];
	request: Parameters<NonNullable<RunContext['session']['adapter']['send']>>[1];
}

export async function execute(run: RunContext): Promise<INodeExecutionData[]> {
	const { adapter, ctx } = run.session;
	if (!adapter.send) throw operationError(run, `${adapter.displayName}: sending is not available`);
	const check = checkContext(run);

	// Every item is checked before the first request goes out.
	const states: Array<ItemState | { itemIndex: number; error: unknown }> = [];
	const tasks: Task[] = [];
	let concurrency = 1;
	const options = itemParameter(run.fn, run.items, 'options', {});
	const recipients = itemParameter(run.fn, run.items, 'recipients');
	const message = itemParameter(run.fn, run.items, 'message');
	for (let i = 0; i < run.items.length; i++) {
		try {
			const itemOptions = options(i) as SendOptions;
			const checked = checkSend(check, i, recipients(i), message(i), itemOptions);
			if (tasks.length === 0) concurrency = checked.concurrency;
			const state: ItemState = {
				itemIndex: i,
				recipients: checked.recipients,
				segments: checked.segments,
				scheduledAt: checked.request.sendAt ? chinaIso(checked.request.sendAt) : null,
				outcomes: [],
				requests: 0,
				failure: null,
				notSent: [],
				uncertain: [],
			};
			states.push(state);
			chunk(checked.recipients, checked.limit).forEach((recipients, part) =>
				tasks.push({ state, part, recipients, request: { ...checked.request, recipients } }),
			);
		} catch (error) {
			states.push({ itemIndex: i, error });
		}
	}
	const invalid = states.filter((s): s is { itemIndex: number; error: unknown } => 'error' in s);
	if (invalid.length > 0 && !run.continueOnFail) {
		const others = invalid.slice(1).map((s) => s.itemIndex);
		throw nodeError(run, invalid[0].error, invalid[0].itemIndex, `Nothing was sent.${others.length ? ` Also wrong: ${itemList(others)}.` : ''}`);
	}

	let stopAll = false;
	const started = new Set<Task>();
	await runPool(
		tasks,
		concurrency,
		async (task) => {
			started.add(task);
			const { state } = task;
			if (state.failure) {
				state.notSent.push(...task.recipients);
				return;
			}
			state.requests++;
			try {
				state.outcomes.push({ part: task.part, outcome: await adapter.send!(ctx, task.request) });
			} catch (error) {
				state.failure = error;
				(isUncertain(error) ? state.uncertain : state.notSent).push(...task.recipients);
				if (!run.continueOnFail) stopAll = true;
			}
		},
		() => stopAll,
	);
	for (const task of tasks) if (!started.has(task)) task.state.notSent.push(...task.recipients);

	const out: INodeExecutionData[] = [];
	for (const state of states) {
		if ('error' in state) {
			out.push(failureItem(run, state.error, state.itemIndex, { success: false }));
			continue;
		}
		const fields = itemFields(run.gateway, state);
		if (!state.failure) {
			out.push({ json: fields, pairedItem: { item: state.itemIndex } });
			continue;
		}
		if (!run.continueOnFail) throw nodeError(run, state.failure, state.itemIndex, sentSoFar(states, state));
		out.push(failureItem(run, state.failure, state.itemIndex, { ...fields, success: false }));
	}
	return out;
}

function itemFields(gateway: string, state: ItemState): IDataObject {
	const ordered = [...state.outcomes].sort((a, b) => a.part - b.part).map((o) => o.outcome);
	const results = ordered.flatMap((o) => o.recipients);
	const rejectedRecipients = results.filter((r) => !r.success).map((r) => r.recipient);
	const accepted = results.filter((r) => r.success).length;
	const messageIds = [...new Set(ordered.flatMap((o) => o.messageIds))];
	const fields: IDataObject = {
		gateway,
		success: !state.failure && rejectedRecipients.length === 0 && accepted === state.recipients.length,
		recipients: state.recipients,
		accepted,
		rejected: rejectedRecipients.length,
		rejectedRecipients,
		messageIds,
		segments: state.segments,
		requests: state.requests,
		scheduledAt: state.scheduledAt,
		raw: ordered.map((o) => o.raw as IDataObject),
	};
	if (state.failure) {
		fields.notSentRecipients = state.notSent;
		fields.uncertainRecipients = state.uncertain;
	}
	return fields;
}

/** What went out before a failure, for the error's description. */
function sentSoFar(states: Array<ItemState | { itemIndex: number; error: unknown }>, failed: ItemState): string {
	const done = states.filter((s): s is ItemState => !('error' in s) && s !== failed && s.outcomes.length > 0).map((s) => s.itemIndex);
	const accepted = failed.outcomes.reduce((n, o) => n + o.outcome.recipients.filter((r) => r.success).length, 0);
	const parts = [
		`This item: ${failed.requests} request${failed.requests === 1 ? '' : 's'} made, ${accepted} of ${failed.recipients.length} numbers accepted before the failure; not sent: ${failed.notSent.length}${failed.uncertain.length ? `; unknown (may have been sent): ${failed.uncertain.length}` : ''}.`,
		done.length ? `Already sent before this failure: ${itemList(done)} — running the workflow again sends them again.` : '',
	];
	return parts.filter(Boolean).join(' ');
}
