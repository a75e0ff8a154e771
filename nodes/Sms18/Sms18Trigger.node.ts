// Generated from nodes/gateways/sms18/declaration.ts by `npm run generate:nodes`: do not edit.
import { sms18 } from '../gateways/sms18';
import { PushTriggerNode } from '../n8n/pushTrigger/PushTriggerNode';

export class Sms18Trigger extends PushTriggerNode {
	constructor() {
		super(sms18);
	}
}
