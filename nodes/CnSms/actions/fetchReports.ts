/** `fetchReports`: delivery reports waiting at the gateway; one item per report. */
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { fetchOptions } from '../descriptions';
import type { RunContext } from '../results';
import { executeFetch } from './fetchEvents';

export const description: INodeProperties[] = [fetchOptions('fetchReports')];

export async function execute(run: RunContext): Promise<INodeExecutionData[]> {
	return await executeFetch(run, 'reports');
}
