/** `send`: one message to a list of numbers per item, split into the fewest requests allowed. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { parseRecipients } from '../../../gateways/kit/phone';
import type { SendRequest } from '../../../gateways/kit/model';
import { checkMessageAndOptions, failItem, gatewayProblems, invalidNumbers, textOf } from '../../../gateways/send/checks';
import type { CheckedMessage, SendOptions } from '../../../gateways/send/checks';
import type { CheckContext } from '../../../gateways/send/checkContext';
import { mayHaveBeenSent } from '../../../gateways/send/pipeline';
import type { ItemResult } from '../../../gateways/send/pipeline';
import { chinaIso } from '../../../gateways/send/sendAt';
import { itemList } from '../../errors';
import { itemParameter } from '../itemParameters';
import type { OperationUnit } from '../operation';
import { sendOptionsCollection } from '../optionCollections';
import { checkContext, failedItem, runError } from '../runContext';
import type { RunContext } from '../runContext';
import { checkAndSend } from '../sending';
import type { SendRun } from '../sending';

type Payload = Omit<SendRequest, 'recipients'>;

/** A recipient list and a message. */
export function checkSendItem(ctx: CheckContext, itemIndex: number, recipientsText: unknown, message: unknown, options: SendOptions): CheckedMessage & { recipients: string[] } {
	const who = textOf(recipientsText, 'Recipients', { list: true });
	const what = textOf(message, 'Message');
	const { numbers, invalid } = parseRecipients(who.text);
	const problems: string[] = [];
	if (who.problem) problems.push(who.problem);
	else if (invalid.length > 0) problems.push(invalidNumbers(invalid));
	else if (numbers.length === 0) problems.push('no recipients: Recipients is empty');
	if (what.problem) failItem(itemIndex, [...problems, what.problem]);
	const checked = checkMessageAndOptions(ctx, what.text, options);
	problems.push(...checked.problems);
	problems.push(...gatewayProblems(ctx, checked.request, numbers, problems));
	if (problems.length > 0) failItem(itemIndex, problems);
	return { ...checked, recipients: numbers };
}

export const send: OperationUnit = {
	option: { name: 'Send', value: 'send', action: 'Send an SMS to a list of numbers', description: 'Send one message to one or more numbers per input item' },
	sends: true,
	properties: (gateway) => [
		{
			displayName: 'Recipients',
			name: 'recipients',
			type: 'string',
			required: true,
			default: '',
			placeholder: '13800138000, 13900139000',
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
			description: 'The text to send. 70 characters make one SMS; longer messages are billed per 67 characters.',
		},
		sendOptionsCollection(gateway),
	],
	async execute(run) {
		const { adapter, ctx } = run.session;
		const check = checkContext(run);
		const [options, recipients, message] = [itemParameter(run.fn, run.items, 'options', {}), itemParameter(run.fn, run.items, 'recipients'), itemParameter(run.fn, run.items, 'message')];
		const sent = await checkAndSend<Payload>(
			run,
			(i) => {
				const c = checkSendItem(check, i, recipients(i), message(i), options(i) as SendOptions);
				const scheduledAt = c.request.sendAt ? chinaIso(c.request.sendAt) : null;
				// An item's numbers share its requests, never another item's.
				return { itemIndex: i, recipients: c.recipients, key: `item ${i}`, payload: c.request, limit: c.limit, concurrency: c.concurrency, segments: c.segments, scheduledAt };
			},
			async (payload, entries) => await adapter.send!(ctx, { ...payload, recipients: entries.map((e) => e.recipient) }),
		);
		return outputItems(run, sent);
	},
};

function outputItems(run: RunContext, sent: SendRun<Payload>): INodeExecutionData[] {
	return sent.items.map(({ itemIndex, checked, result, error }) => {
		if (!checked || !result) return failedItem(run, error, itemIndex, { success: false });
		const fields = itemFields(run.gateway, checked.recipients, checked.segments, checked.scheduledAt, result);
		if (result.failure === null) return { json: fields, pairedItem: { item: itemIndex } };
		if (!run.continueOnFail) throw runError(run, result.failure, itemIndex, sentSoFar(sent, result));
		return failedItem(run, result.failure, itemIndex, { ...fields, success: false });
	});
}

function itemFields(gateway: string, recipients: string[], segments: number, scheduledAt: string | null, result: ItemResult): IDataObject {
	const answered = result.entries.filter((e) => e.result !== undefined);
	const rejectedRecipients = answered.filter((e) => !e.result!.success).map((e) => e.recipient);
	const accepted = answered.length - rejectedRecipients.length;
	const fields: IDataObject = {
		gateway,
		success: result.failure === null && rejectedRecipients.length === 0 && accepted === recipients.length,
		recipients,
		accepted,
		rejected: rejectedRecipients.length,
		rejectedRecipients,
		messageIds: [...new Set(result.outcomes.flatMap((o) => o.messageIds))],
		segments,
		requests: result.requests,
		scheduledAt,
		raw: result.outcomes.map((o) => o.raw as IDataObject),
	};
	if (result.failure !== null) {
		const { notSent, uncertain } = unsent(result);
		fields.notSentRecipients = notSent;
		fields.uncertainRecipients = uncertain;
	}
	return fields;
}

/** The numbers of an item that did not go out, and those that may have. */
function unsent(result: ItemResult): { notSent: string[]; uncertain: string[] } {
	const failed = result.entries.filter((e) => e.state !== 'sent');
	const uncertain = failed.filter((e) => e.state === 'failed' && mayHaveBeenSent(e.error));
	return { notSent: failed.filter((e) => !uncertain.includes(e)).map((e) => e.recipient), uncertain: uncertain.map((e) => e.recipient) };
}

/** What went out before a failure, for the error's description. */
function sentSoFar(sent: SendRun<Payload>, failed: ItemResult): string {
	const done = sent.pipeline.items.filter((r) => r !== failed && r.outcomes.length > 0).map((r) => r.itemIndex);
	const accepted = failed.entries.filter((e) => e.result?.success).length;
	const { notSent, uncertain } = unsent(failed);
	const parts = [
		`This item: ${failed.requests} request${failed.requests === 1 ? '' : 's'} made, ${accepted} of ${failed.entries.length} numbers accepted before the failure; not sent: ${notSent.length}${uncertain.length ? `; unknown (may have been sent): ${uncertain.length}` : ''}.`,
		done.length ? `Already sent before this failure: ${itemList(done)} — running the workflow again sends them again.` : '',
	];
	return parts.filter(Boolean).join(' ');
}
