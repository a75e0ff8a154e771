/**
 * The editor's test fetch must not consume real events (the gateways hand each one out once), so
 * by default it returns sample events shaped like real ones, marked `sample: true`.
 */
import type { IDataObject } from 'n8n-workflow';

import { eventToJson } from '../items';
import { formatChinaTime, parseChinaTime } from '../../gateways/kit/chinaTime';
import type { EventType } from '../../gateways/kit/declaration';
import type { GatewayId } from '../../gateways/kit/declaration';
import type { DeliveryReport, DeliveryStatus, InboundReply } from '../../gateways/kit/model';

export const SAMPLE_REASON =
	'This is a sample event from the editor\'s test fetch, not a real one. The gateway hands out each event only once, so the test fetch sent no request and took nothing from the gateway. Activate the workflow to receive real events, or turn on the option "Fetch Real Events in Test" to take real ones now (they will then not reach the active workflow).';



export function sampleItems(
	gateway: GatewayId,
	events: EventType[],
	statuses: DeliveryStatus[],
	now: Date,
): IDataObject[] {
	const at = parseChinaTime(formatChinaTime(now, 'yyyy-MM-dd HH:mm:ss'));
	const items: IDataObject[] = [];
	if (events.includes('reply')) {
		const reply: InboundReply = {
			type: 'reply',
			id: 'sample-reply',
			mobile: '13800138000',
			text: '收到，谢谢 (sample reply)',
			receivedAt: at,
			destination: '10690000',
			extno: '01',
			linkId: 'sample-link-id',
			raw: {},
		};
		items.push(markSample(eventToJson(gateway, reply)));
	}
	if (events.includes('report')) {
		const status = statuses[0] ?? 'delivered';
		const report: DeliveryReport = {
			type: 'report',
			messageId: 'sample-message-id',
			mobile: '13800138000',
			status,
			vendorStatus: status === 'delivered' ? 'DELIVRD' : status === 'failed' ? 'UNDELIV' : null,
			reportedAt: at,
			extno: '01',
			linkId: 'sample-link-id',
			raw: {},
		};
		items.push(markSample(eventToJson(gateway, report)));
	}
	return items;
}

function markSample(json: IDataObject): IDataObject {
	const { raw, ...fields } = json;
	return { ...fields, sample: true, sampleReason: SAMPLE_REASON, raw };
}
