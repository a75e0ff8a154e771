/** Normalised gateway events and results as n8n item JSON (README "Output"). */
import type { IDataObject } from 'n8n-workflow';

import type { GatewayId } from '../gateways/kit/declaration';
import type { DeliveryReport, InboundReply } from '../gateways/kit/model';

/** A report or reply as the JSON of one item: contract fields first, `raw` last. */
export function eventToJson(gateway: GatewayId, event: DeliveryReport | InboundReply): IDataObject {
	const base: IDataObject =
		event.type === 'report'
			? {
					gateway,
					type: 'report',
					messageId: event.messageId,
					mobile: event.mobile,
					status: event.status,
					vendorStatus: event.vendorStatus,
					reportedAt: event.reportedAt,
					extno: event.extno,
					linkId: event.linkId,
				}
			: {
					gateway,
					type: 'reply',
					id: event.id,
					mobile: event.mobile,
					text: event.text,
					receivedAt: event.receivedAt,
					destination: event.destination,
					extno: event.extno,
					linkId: event.linkId,
					...(event.unsubscribe !== undefined ? { unsubscribe: event.unsubscribe } : {}),
				};
	if (event.parseError !== undefined) base.parseError = event.parseError;
	base.raw = event.raw as IDataObject;
	return base;
}
