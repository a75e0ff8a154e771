/** `fetchReplies`: replies (inbound messages) waiting at the gateway; one item per reply. */
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fetchOptions } from '../descriptions';
import type { RunContext } from '../results';
import { executeFetch } from './fetchEvents';

export const description: INodeProperties[] = [fetchOptions('fetchReplies')];

export async function execute(run: RunContext): Promise<INodeExecutionData[]> {
	return await executeFetch(run, 'replies');
}
