/** `sendBulk`: one number and one message per item; items sharing message and options go out together. */
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { SendRequest } from '../../gateways/kit/types';
import { checkBulkItem, chinaIso } from '../../gateways/send/validate';
import type { SendOptions } from '../../gateways/send/validate';
import { sendOptions, showFor } from '../descriptions';
import { itemParameter } from '../itemParameters';
import { checkContext, operationError } from '../results';
import type { RunContext } from '../results';
import { executeBatch } from './batchSend';
import type { BatchItem } from './batchSend';

export const description: INodeProperties[] = [
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.phone }}',
		displayOptions: showFor('sendBulk'),
		description: 'One phone number per input item, usually an expression such as {{ $json.phone }}',
	},
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: showFor('sendBulk'),
		description: 'The text for this item. Items with the same text and options are sent together in as few requests as the gateway allows.',
	},
	sendOptions('sendBulk'),
];

interface BulkItem extends BatchItem {
	request: Omit<SendRequest, 'recipients'>;
}

export async function execute(run: RunContext): Promise<INodeExecutionData[]> {
	const { adapter, ctx } = run.session;
	if (!adapter.send) throw operationError(run, `${adapter.displayName}: sending is not available`);
	const check = checkContext(run);
	const options = itemParameter(run.fn, run.items, 'options', {});
	const recipient = itemParameter(run.fn, run.items, 'recipient');
	const message = itemParameter(run.fn, run.items, 'message');
	return await executeBatch<BulkItem>(run, {
		checkItem: (i) => {
			const itemOptions = options(i) as SendOptions;
			const c = checkBulkItem(check, i, recipient(i), message(i), itemOptions);
			return {
				itemIndex: i,
				recipient: c.recipient,
				key: c.key,
				limit: c.limit,
				concurrency: c.concurrency,
				segments: c.segments,
				scheduledAt: c.request.sendAt ? chinaIso(c.request.sendAt) : null,
				request: c.request,
			};
		},
		send: async (items) => await adapter.send!(ctx, { ...items[0].request, recipients: items.map((i) => i.recipient) }),
	});
}
