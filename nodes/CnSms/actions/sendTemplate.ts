/** `sendTemplate`: smsAdmin 点点通 — a template with {value0}, {value1} … filled per item. */
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkTemplateItem, chinaIso } from '../../gateways/send/validate';
import type { SendOptions } from '../../gateways/send/validate';
import { sendOptions, showFor } from '../descriptions';
import { itemParameter } from '../itemParameters';
import { checkContext, operationError } from '../results';
import type { RunContext } from '../results';
import { executeBatch } from './batchSend';
import type { BatchItem } from './batchSend';

export const description: INodeProperties[] = [
	{
		displayName: 'Template',
		name: 'template',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		placeholder: '{value0}，您的验证码是{value1}，{value2}分钟内有效。',
		displayOptions: showFor('sendTemplate'),
		description: 'The message with placeholders {value0}, {value1} … (each used once, numbered without gaps)',
	},
	{
		displayName: 'Recipient',
		name: 'recipient',
		type: 'string',
		required: true,
		default: '',
		placeholder: '={{ $json.phone }}',
		displayOptions: showFor('sendTemplate'),
		description: 'One phone number per input item',
	},
	{
		displayName: 'Values',
		name: 'values',
		type: 'string',
		default: '',
		placeholder: '={{ $json.name }},{{ $json.code }},10',
		displayOptions: showFor('sendTemplate'),
		description: 'The values for {value0}, {value1} … of this item, separated by commas; a value cannot contain a comma or semicolon',
	},
	sendOptions('sendTemplate'),
];

interface TemplateItem extends BatchItem {
	template: string;
	values: string[];
	sendAt?: Date;
	linkId?: string;
}

export async function execute(run: RunContext): Promise<INodeExecutionData[]> {
	const { adapter, ctx } = run.session;
	if (!adapter.sendTemplate) throw operationError(run, `${adapter.displayName} has no template sending`);
	const check = checkContext(run);
	const param = (name: string, fallback?: unknown) => itemParameter(run.fn, run.items, name, fallback);
	const [options, template, recipient, values] = [param('options', {}), param('template'), param('recipient'), param('values', '')];
	return await executeBatch<TemplateItem>(run, {
		checkItem: (i) => {
			const itemOptions = options(i) as SendOptions;
			const c = checkTemplateItem(check, i, template(i), recipient(i), values(i), itemOptions);
			return { itemIndex: i, ...c, scheduledAt: c.sendAt ? chinaIso(c.sendAt) : null };
		},
		send: async (items) =>
			await adapter.sendTemplate!(ctx, {
				template: items[0].template,
				rows: items.map((i) => ({ recipient: i.recipient, values: i.values })),
				...(items[0].sendAt ? { sendAt: items[0].sendAt } : {}),
				...(items[0].linkId ? { linkId: items[0].linkId } : {}),
			}),
	});
}
