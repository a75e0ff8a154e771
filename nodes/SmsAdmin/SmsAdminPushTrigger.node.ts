// Generated from nodes/gateways/smsAdmin/declaration.ts by `npm run generate:nodes`: do not edit.
import type { IHookFunctions, IWebhookFunctions, IWebhookResponseData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { smsAdmin } from '../gateways/smsAdmin';
import { pushTriggerDescription } from '../n8n/pushTrigger/description';
import { pushHooks } from '../n8n/pushTrigger/hooks';
import { webhookFor } from '../n8n/pushTrigger/webhook';
import type { NodeSeams } from '../n8n/session';

export class SmsAdminPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		...pushTriggerDescription(smsAdmin.declaration),
		icon: { light: 'file:../../icons/smsAdmin.svg', dark: 'file:../../icons/smsAdmin.dark.svg' },
		subtitle: '={{ $parameter["events"].join(", ") }}',
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await pushHooks.checkExists.call(this, smsAdmin);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await pushHooks.create.call(this, smsAdmin);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await pushHooks.delete.call(this, smsAdmin);
			},
		},
	};

	webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>;

	/** `seams`: the clock the node reads (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.webhook = webhookFor(smsAdmin, seams);
	}
}
