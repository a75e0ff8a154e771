/** `checkContent`: ask the gateway whether a message holds words it would refuse. */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { checkContentMessage } from '../../gateways/send/validate';
import { showFor } from '../descriptions';
import { failureItem, nodeError, operationError } from '../results';
import type { RunContext } from '../results';

export const description: INodeProperties[] = [
	{
		displayName: 'Message',
		name: 'message',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: showFor('checkContent'),
		description: 'The text to check for sensitive (blocked) words; nothing is sent to any phone',
	},
];

export async function execute(run: RunContext): Promise<INodeExecutionData[]> {
	const { adapter, ctx } = run.session;
	if (!adapter.checkContent) throw operationError(run, `${adapter.displayName} has no content check`);
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < run.items.length; i++) {
		try {
			const message = checkContentMessage(i, run.fn.getNodeParameter('message', i));
			const result = await adapter.checkContent(ctx, message);
			out.push({ json: { gateway: run.gateway, clean: result.clean, words: result.words, raw: result.raw as IDataObject }, pairedItem: { item: i } });
		} catch (error) {
			if (!run.continueOnFail) throw nodeError(run, error, i);
			out.push(failureItem(run, error, i, { clean: null, words: null }));
		}
	}
	return out;
}
