/** `sendBulk`: one number and one message per item; items sharing message and options go out together. */
import type { SendRequest } from '../../../gateways/kit/model';
import { checkMessageAndOptions, failItem, gatewayProblems, recipientProblems, textOf } from '../../../gateways/send/checks';
import type { CheckedMessage, SendOptions } from '../../../gateways/send/checks';
import type { CheckContext } from '../../../gateways/send/checkContext';
import { chinaIso } from '../../../gateways/send/sendAt';
import { itemParameter } from '../itemParameters';
import type { OperationUnit } from '../operation';
import { sendOptionsCollection } from '../optionCollections';
import { checkContext } from '../runContext';
import { checkAndSend, oneNumberItems } from '../sending';

/** One recipient and a message. */
export function checkBulkItem(ctx: CheckContext, itemIndex: number, recipient: unknown, message: unknown, options: SendOptions): CheckedMessage & { recipient: string } {
	const who = recipientProblems(recipient);
	const what = textOf(message, 'Message');
	if (what.problem) failItem(itemIndex, [...who.problems, what.problem]);
	const checked = checkMessageAndOptions(ctx, what.text, options);
	const problems = [...who.problems, ...checked.problems];
	if (who.recipient !== null) problems.push(...gatewayProblems(ctx, checked.request, [who.recipient], problems));
	if (problems.length > 0 || who.recipient === null) failItem(itemIndex, problems);
	return { ...checked, recipient: who.recipient };
}

export const sendBulk: OperationUnit = {
	option: {
		name: 'Send Bulk',
		value: 'sendBulk',
		action: 'Send one SMS per input item',
		description: 'Send each input item its own message to its own number; items sharing a message go out together',
	},
	sends: true,
	properties: (gateway) => [
		{
			displayName: 'Recipient',
			name: 'recipient',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.phone }}',
			description: 'One phone number per input item, usually an expression that reads it from the input item',
		},
		{
			displayName: 'Message',
			name: 'message',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			description: 'The text for this item. Items with the same text and options are sent together in as few requests as the gateway allows.',
		},
		sendOptionsCollection(gateway),
	],
	async execute(run) {
		const { adapter, ctx } = run.session;
		const check = checkContext(run);
		const [options, recipient, message] = [itemParameter(run.fn, run.items, 'options', {}), itemParameter(run.fn, run.items, 'recipient'), itemParameter(run.fn, run.items, 'message')];
		const sent = await checkAndSend<Omit<SendRequest, 'recipients'>>(
			run,
			(i) => {
				const c = checkBulkItem(check, i, recipient(i), message(i), options(i) as SendOptions);
				const scheduledAt = c.request.sendAt ? chinaIso(c.request.sendAt) : null;
				return { itemIndex: i, recipients: [c.recipient], key: c.key, payload: c.request, limit: c.limit, concurrency: c.concurrency, segments: c.segments, scheduledAt };
			},
			async (payload, entries) => await adapter.send!(ctx, { ...payload, recipients: entries.map((e) => e.recipient) }),
		);
		return oneNumberItems(run, sent);
	},
};
