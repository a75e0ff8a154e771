/** SMS10692 (sms10692.com), seed 004. */
import type { GatewayDeclaration } from '../kit/declaration';

export const sms10692Declaration: GatewayDeclaration = {
	id: 'sms10692',
	name: 'SMS10692',
	site: 'sms10692.com',
	icon: 'sms10692',
	operations: ['send', 'sendBulk', 'getBalance', 'fetchReports', 'fetchReplies', 'checkContent'],
	sendOptions: ['extno'],
	sendOptionNotes: { extno: 'digits only, at most 10' },
	credentials: [{ type: 'sms10692Api' }],
	limits: {
		// No limit is documented. 1000 numbers (about 12 KB of form body) keeps a refused batch
		// small and far below ASP.NET's default request limits; Batch Size can lower it.
		maxRecipientsPerRequest: 1000,
		// Undocumented: one call a second is gentle on the gateway and still drains 4000 reports/s.
		fetchSpacingMs: 1000,
		fetchPageSize: 4000, // seed 004 §4.2: statusNum "每次取得号码数", default 4000; always sent
		supportsSchedule: true,
	},
	polling: { events: ['report', 'reply'], note: 'delivery reports and replies' },
};
