// Generated from nodes/gateways/chinaSms/declaration.ts by `npm run generate:nodes`: do not edit.
import type { IHookFunctions, IWebhookFunctions, IWebhookResponseData, INodeType, INodeTypeDescription } from 'n8n-workflow';

import { chinaSms } from '../gateways/chinaSms';
import { pushTriggerDescription } from '../n8n/pushTrigger/description';
import { pushHooks } from '../n8n/pushTrigger/hooks';
import { webhookFor } from '../n8n/pushTrigger/webhook';
import type { NodeSeams } from '../n8n/session';

export class ChinaSmsPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		...pushTriggerDescription(chinaSms.declaration),
		icon: { light: 'file:../../icons/chinaSms.svg', dark: 'file:../../icons/chinaSms.dark.svg' },
		subtitle: '={{ $parameter["events"].join(", ") }}',
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await pushHooks.checkExists.call(this, chinaSms);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await pushHooks.create.call(this, chinaSms);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await pushHooks.delete.call(this, chinaSms);
			},
		},
	};

	webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>;

	/** `seams`: the clock the node reads (tests hand their own). */
	constructor(seams: NodeSeams = {}) {
		this.webhook = webhookFor(chinaSms, seams);
	}
}
