// Generated from nodes/gateways/sms112088/declaration.ts by `npm run generate:nodes`: do not edit.
import { sms112088 } from '../gateways/sms112088';
import { ActionNode } from '../n8n/action/ActionNode';
import type { NodeSeams } from '../n8n/session';

export class Sms112088 extends ActionNode {
	constructor(seams?: NodeSeams) {
		super(sms112088, seams);
	}
}
