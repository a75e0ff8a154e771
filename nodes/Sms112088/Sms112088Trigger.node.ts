// Generated from nodes/gateways/sms112088/declaration.ts by `npm run generate:nodes`: do not edit.
import { sms112088 } from '../gateways/sms112088';
import { PollingTriggerNode } from '../n8n/pollingTrigger/PollingTriggerNode';
import type { NodeSeams } from '../n8n/session';

export class Sms112088Trigger extends PollingTriggerNode {
	constructor(seams?: NodeSeams) {
		super(sms112088, seams);
	}
}
