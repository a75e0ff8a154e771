/** `checkContent`: ask the gateway whether a message holds words it would refuse. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { charsetProblems, failItem, textOf } from '../../../gateways/send/checks';
import type { CheckContext } from '../../../gateways/send/checkContext';
import { messageProperty } from '../commonProperties';
import type { OperationUnit } from '../operation';
import { checkContext, failedItem, runError } from '../runContext';

/** The message must be text, not empty, and in characters the gateway's charset carries. */
export function checkContentMessage(ctx: CheckContext, itemIndex: number, message: unknown): string {
	const given = textOf(message, 'Message');
	if (given.problem) failItem(itemIndex, [given.problem]);
	if (!given.text.trim()) failItem(itemIndex, ['the message is empty']);
	const problems = charsetProblems(ctx, given.text);
	if (problems.length > 0) failItem(itemIndex, problems);
	return given.text;
}

export const checkContent: OperationUnit = {
	option: {
		name: 'Check Content',
		value: 'checkContent',
		action: 'Check a message for blocked words',
		description: 'Ask the gateway whether a message holds sensitive words it would refuse',
	},
	properties: () => [
		messageProperty('The text to check for sensitive (blocked) words; nothing is sent to any phone'),
	],
	async execute(run) {
		const { adapter, ctx } = run.session;
		const check = checkContext(run);
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < run.items.length; i++) {
			try {
				const message = checkContentMessage(check, i, run.fn.getNodeParameter('message', i));
				const result = await adapter.checkContent!(ctx, message);
				out.push({ json: { gateway: run.gateway, clean: result.clean, words: result.words, raw: result.raw as IDataObject }, pairedItem: { item: i } });
			} catch (error) {
				if (!run.continueOnFail) throw runError(run, error, i);
				out.push(failedItem(run, error, i, { clean: null, words: null }));
			}
		}
		return out;
	},
};
