// Generated from nodes/gateways/chinaSms/declaration.ts by `npm run generate:nodes`: do not edit.
import { chinaSms } from '../gateways/chinaSms';
import { PollingTriggerNode } from '../n8n/pollingTrigger/PollingTriggerNode';
import type { NodeSeams } from '../n8n/session';

export class ChinaSmsTrigger extends PollingTriggerNode {
	constructor(seams?: NodeSeams) {
		super(chinaSms, seams);
	}
}
