// Generated from nodes/gateways/sms10692/declaration.ts by `npm run generate:nodes`: do not edit.
import { sms10692 } from '../gateways/sms10692';
import { ActionNode } from '../n8n/action/ActionNode';
import type { NodeSeams } from '../n8n/session';

export class Sms10692 extends ActionNode {
	constructor(seams?: NodeSeams) {
		super(sms10692, seams);
	}
}
