// Generated from nodes/gateways/smsAdmin/declaration.ts by `npm run generate:nodes`: do not edit.
import { smsAdmin } from '../gateways/smsAdmin';
import { ActionNode } from '../n8n/action/ActionNode';
import type { NodeSeams } from '../n8n/session';

export class SmsAdmin extends ActionNode {
	constructor(seams?: NodeSeams) {
		super(smsAdmin, seams);
	}
}
