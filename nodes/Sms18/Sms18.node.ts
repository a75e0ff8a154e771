// Generated from nodes/gateways/sms18/declaration.ts by `npm run generate:nodes`: do not edit.
import { sms18 } from '../gateways/sms18';
import { ActionNode } from '../n8n/action/ActionNode';
import type { NodeSeams } from '../n8n/session';

export class Sms18 extends ActionNode {
	constructor(seams?: NodeSeams) {
		super(sms18, seams);
	}
}
