/** `sendTemplate`: smsAdmin 点点通 — a template with {value0}, {value1} … filled per item. */
import type { TemplateSendRequest } from '../../../gateways/kit/model';
import { countSegments } from '../../../gateways/kit/segments';
import { applySignature, failItem, gatewayProblems, messageProblems, recipientProblems, runOptionProblems, textOf } from '../../../gateways/send/checks';
import type { SendOptions } from '../../../gateways/send/checks';
import type { CheckContext } from '../../../gateways/send/checkContext';
import { chinaIso, sendAtProblems } from '../../../gateways/send/sendAt';
import { fillTemplate, splitValues, templatePlaceholders } from '../../../gateways/send/template';
import { itemParameter } from '../itemParameters';
import type { OperationUnit } from '../operation';
import { sendOptionsCollection } from '../optionCollections';
import { checkContext } from '../runContext';
import { checkAndSend, oneNumberItems } from '../sending';

type Payload = Omit<TemplateSendRequest, 'rows'>;

export interface CheckedTemplateItem {
	recipient: string;
	values: string[];
	payload: Payload;
	segments: number;
	key: string;
	limit: number;
	concurrency: number;
}

/** Template, recipient and comma-separated values. */
export function checkTemplateItem(
	ctx: CheckContext,
	itemIndex: number,
	template: unknown,
	recipient: unknown,
	valuesText: unknown,
	options: SendOptions,
): CheckedTemplateItem {
	const who = recipientProblems(recipient);
	const tpl = textOf(template, 'Template');
	const valuesGiven = textOf(valuesText, 'Values', { list: true });
	const typeProblems = [tpl.problem, valuesGiven.problem].filter((p): p is string => p !== undefined);
	if (typeProblems.length > 0) failItem(itemIndex, [...who.problems, ...typeProblems]);
	const finalTemplate = applySignature(tpl.text, options.signature);
	const problems = [...who.problems];
	const placeholders = templatePlaceholders(finalTemplate);
	problems.push(...placeholders.problems);
	const values = splitValues(valuesGiven.text);
	if (!finalTemplate.trim()) problems.push('the template is empty');
	else if (values.length !== placeholders.count) {
		problems.push(`Values has ${values.length} value${values.length === 1 ? '' : 's'} but the template has ${placeholders.count} placeholder${placeholders.count === 1 ? '' : 's'} ({value0}…)`);
	}
	// The values travel as `number,v0,v1;number,…` (seed 001 §4): a value cannot hold ; or ,
	const separators = values.filter((v) => v.includes(';') || v.includes('；'));
	if (separators.length > 0) problems.push(`a value cannot contain ";": ${separators.map((v) => `"${v}"`).join(', ')}`);
	const filled = fillTemplate(finalTemplate, values);
	if (finalTemplate.trim() && problems.length === 0) problems.push(...messageProblems(ctx, filled, 'the filled-in message'));
	const when = sendAtProblems(ctx, options.sendAt);
	problems.push(...when.problems);
	const linkId = ctx.adapter.declaration.sendOptions.includes('linkId') && options.linkId ? String(options.linkId).trim() : '';
	if (who.recipient !== null) {
		const message = { message: filled, ...(when.sendAt ? { sendAt: when.sendAt } : {}), ...(linkId ? { linkId } : {}) };
		problems.push(...gatewayProblems(ctx, message, [who.recipient], problems));
	}
	const documented = ctx.adapter.limits.maxTemplateRowsPerRequest ?? ctx.adapter.limits.maxRecipientsPerRequest;
	const run = runOptionProblems(ctx, options, documented, 'value groups');
	problems.push(...run.problems);
	if (problems.length > 0 || who.recipient === null) failItem(itemIndex, problems);
	return {
		recipient: who.recipient,
		values,
		payload: { template: finalTemplate, ...(when.sendAt ? { sendAt: when.sendAt } : {}), ...(linkId ? { linkId } : {}) },
		segments: countSegments(filled),
		key: JSON.stringify([finalTemplate, when.sendAt?.getTime() ?? null, linkId || null, run.limit]),
		limit: run.limit,
		concurrency: run.concurrency,
	};
}

export const sendTemplate: OperationUnit = {
	option: {
		name: 'Send Template',
		value: 'sendTemplate',
		action: 'Send a personalised template SMS',
		description: 'Fill {value0}, {value1} … of a template per input item (点点通) and send',
	},
	sends: true,
	properties: (gateway) => [
		{
			displayName: 'Template',
			name: 'template',
			type: 'string',
			typeOptions: { rows: 4 },
			required: true,
			default: '',
			placeholder: '{value0}，您的验证码是{value1}，{value2}分钟内有效。',
			description: 'The message with placeholders {value0}, {value1} … (each used once, numbered without gaps)',
		},
		{
			displayName: 'Recipient',
			name: 'recipient',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. {{ $json.phone }}',
			description: 'One phone number per input item',
		},
		{
			displayName: 'Values',
			name: 'values',
			type: 'string',
			default: '',
			placeholder: 'e.g. {{ $json.name }},{{ $json.code }},10',
			description: 'The values for {value0}, {value1} … of this item, separated by commas; a value cannot contain a comma or semicolon',
		},
		sendOptionsCollection(gateway, true),
	],
	async execute(run) {
		const { adapter, ctx } = run.session;
		const check = checkContext(run);
		const param = (name: string, fallback?: unknown) => itemParameter(run.fn, run.items, name, fallback);
		const [options, template, recipient, values] = [param('options', {}), param('template'), param('recipient'), param('values', '')];
		const valuesOf = new Map<number, string[]>();
		const sent = await checkAndSend<Payload>(
			run,
			(i) => {
				const c = checkTemplateItem(check, i, template(i), recipient(i), values(i), options(i) as SendOptions);
				valuesOf.set(i, c.values);
				const scheduledAt = c.payload.sendAt ? chinaIso(c.payload.sendAt) : null;
				return { itemIndex: i, recipients: [c.recipient], key: c.key, payload: c.payload, limit: c.limit, concurrency: c.concurrency, segments: c.segments, scheduledAt };
			},
			async (payload, entries) => await adapter.sendTemplate!(ctx, { ...payload, rows: entries.map((e) => ({ recipient: e.recipient, values: valuesOf.get(e.itemIndex)! })) }),
		);
		return oneNumberItems(run, sent);
	},
};
