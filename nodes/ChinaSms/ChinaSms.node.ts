// Generated from nodes/gateways/chinaSms/declaration.ts by `npm run generate:nodes`: do not edit.
import { chinaSms } from '../gateways/chinaSms';
import { ActionNode } from '../n8n/action/ActionNode';
import type { NodeSeams } from '../n8n/session';

export class ChinaSms extends ActionNode {
	constructor(seams?: NodeSeams) {
		super(chinaSms, seams);
	}
}
