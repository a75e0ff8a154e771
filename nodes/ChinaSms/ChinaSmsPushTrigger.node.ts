// Generated from nodes/gateways/chinaSms/declaration.ts by `npm run generate:nodes`: do not edit.
import { chinaSms } from '../gateways/chinaSms';
import { PushTriggerNode } from '../n8n/pushTrigger/PushTriggerNode';

export class ChinaSmsPushTrigger extends PushTriggerNode {
	constructor() {
		super(chinaSms);
	}
}
