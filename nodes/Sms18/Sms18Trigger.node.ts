// Generated from nodes/gateways/sms18/declaration.ts by `npm run generate:nodes`: do not edit.
import type { IHookFunctions, IWebhookFunctions, IWebhookResponseData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { sms18 } from '../gateways/sms18';
import { pushTriggerDescription } from '../n8n/pushTrigger/description';
import { pushHooks } from '../n8n/pushTrigger/hooks';
import { webhookFor } from '../n8n/pushTrigger/webhook';
import type { NodeSeams } from '../n8n/session';

export class Sms18Trigger implements INodeType {
	description: INodeTypeDescription = {
		...pushTriggerDescription(sms18.declaration),
		icon: { light: 'file:../../icons/sms18.svg', dark: 'file:../../icons/sms18.dark.svg' },
		subtitle: '={{ $parameter["events"].join(", ") }}',
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await pushHooks.checkExists.call(this, sms18);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await pushHooks.create.call(this, sms18);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await pushHooks.delete.call(this, sms18);
			},
		},
	};

	webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>;

	/** `seams`: the clock the node reads (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.webhook = webhookFor(sms18, seams);
	}
}
