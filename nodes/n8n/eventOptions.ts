/** The `events` choices the triggers offer, named as the node panel lists them. */
import type { INodePropertyOptions } from 'n8n-workflow';

import type { EventType } from '../gateways/kit/declaration';

export const EVENT_OPTIONS: Record<EventType, INodePropertyOptions> = {
	report: {
		name: 'Delivery Report',
		value: 'report',
		description: 'The network says whether a message you sent was delivered (状态报告)',
	},
	reply: {
		name: 'Reply',
		value: 'reply',
		description: 'A customer sent a message to your number (上行短信)',
	},
};

/** "a reply" / "a reply or a delivery report". */
export function eventPhrase(events: EventType[]): string {
	return events.map((e) => (e === 'reply' ? 'a reply' : 'a delivery report')).join(' or ');
}
