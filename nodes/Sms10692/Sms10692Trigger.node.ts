// Generated from nodes/gateways/sms10692/declaration.ts by `npm run generate:nodes`: do not edit.
import { sms10692 } from '../gateways/sms10692';
import { PollingTriggerNode } from '../n8n/pollingTrigger/PollingTriggerNode';
import type { NodeSeams } from '../n8n/session';

export class Sms10692Trigger extends PollingTriggerNode {
	constructor(seams?: NodeSeams) {
		super(sms10692, seams);
	}
}
