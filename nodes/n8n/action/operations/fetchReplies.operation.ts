/** `fetchReplies`: replies (inbound messages) waiting at the gateway; one item per reply. */
import { executeFetch } from '../fetchEvents';
import type { OperationUnit } from '../operation';
import { fetchOptionsCollection } from '../optionCollections';

export const fetchReplies: OperationUnit = {
	option: {
		name: 'Fetch Replies',
		value: 'fetchReplies',
		action: 'Fetch pending replies',
		description: 'Collect the replies (inbound messages) waiting at the gateway (each is handed out only once)',
	},
	properties: (gateway) => [fetchOptionsCollection(gateway)],
	execute: async (run) => await executeFetch(run, 'replies'),
};
