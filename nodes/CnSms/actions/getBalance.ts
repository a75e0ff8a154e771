/** `getBalance`: the account's balance, per input item. */
import type { IDataObject, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { failureItem, nodeError, operationError } from '../results';
import type { RunContext } from '../results';

export const description: INodeProperties[] = [];

export async function execute(run: RunContext): Promise<INodeExecutionData[]> {
	const { adapter, ctx } = run.session;
	if (!adapter.getBalance) throw operationError(run, `${adapter.displayName} has no balance query`);
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < run.items.length; i++) {
		try {
			const result = await adapter.getBalance(ctx);
			out.push({
				json: { gateway: run.gateway, balance: result.balance, unit: result.unit, products: result.products, raw: result.raw as IDataObject },
				pairedItem: { item: i },
			});
		} catch (error) {
			if (!run.continueOnFail) throw nodeError(run, error, i);
			out.push(failureItem(run, error, i, { balance: null, unit: null, products: null }));
		}
	}
	return out;
}
