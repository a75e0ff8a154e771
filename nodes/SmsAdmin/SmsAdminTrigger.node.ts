// Generated from nodes/gateways/smsAdmin/declaration.ts by `npm run generate:nodes`: do not edit.
import { smsAdmin } from '../gateways/smsAdmin';
import { PollingTriggerNode } from '../n8n/pollingTrigger/PollingTriggerNode';
import type { NodeSeams } from '../n8n/session';

export class SmsAdminTrigger extends PollingTriggerNode {
	constructor(seams?: NodeSeams) {
		super(smsAdmin, seams);
	}
}
