/** `getBalance`: the account's balance, per input item. */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { OperationUnit } from '../operation';
import { failedItem, runError } from '../runContext';

export const getBalance: OperationUnit = {
	option: { name: 'Get Balance', value: 'getBalance', action: 'Get the account balance', description: 'Return the remaining balance of the account' },
	properties: () => [],
	async execute(run) {
		const { adapter, ctx } = run.session;
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < run.items.length; i++) {
			try {
				const result = await adapter.getBalance!(ctx);
				out.push({
					json: { gateway: run.gateway, balance: result.balance, unit: result.unit, products: result.products, raw: result.raw as IDataObject },
					pairedItem: { item: i },
				});
			} catch (error) {
				if (!run.continueOnFail) throw runError(run, error, i);
				out.push(failedItem(run, error, i, { balance: null, unit: null, products: null }));
			}
		}
		return out;
	},
};
