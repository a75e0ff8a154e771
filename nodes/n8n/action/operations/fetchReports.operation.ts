/** `fetchReports`: delivery reports waiting at the gateway; one item per report. */
import { executeFetch } from '../fetchEvents';
import type { OperationUnit } from '../operation';
import { fetchOptionsCollection } from '../optionCollections';

export const fetchReports: OperationUnit = {
	option: {
		name: 'Fetch Delivery Reports',
		value: 'fetchReports',
		action: 'Fetch pending delivery reports',
		description: 'Collect the delivery reports waiting at the gateway (each is handed out only once)',
	},
	properties: (gateway) => [fetchOptionsCollection(gateway)],
	execute: async (run) => await executeFetch(run, 'reports'),
};
