// Generated from nodes/gateways/smsAdmin/declaration.ts by `npm run generate:nodes`: do not edit.
import { smsAdmin } from '../gateways/smsAdmin';
import { PushTriggerNode } from '../n8n/pushTrigger/PushTriggerNode';

export class SmsAdminPushTrigger extends PushTriggerNode {
	constructor() {
		super(smsAdmin);
	}
}
