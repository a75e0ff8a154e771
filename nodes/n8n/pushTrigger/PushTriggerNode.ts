/** The push trigger of a gateway that pushes to a URL of ours; each gateway's file is a thin shell. */
import type { IHookFunctions, INodeType, INodeTypeDescription, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseAllowList } from '../../gateways/push/sourceAddress';
import type { GatewayAdapter } from '../../gateways/kit/types';
import { pushTriggerDescription, WEBHOOK_PATH } from './description';
import { receivePush } from './webhook';
import type { PushOptions } from './webhook';

export class PushTriggerNode implements INodeType {
	description: INodeTypeDescription;

	webhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>;

	webhookMethods: { default: Record<'checkExists' | 'create' | 'delete', (this: IHookFunctions) => Promise<boolean>> };

	constructor(adapter: GatewayAdapter) {
		this.description = pushTriggerDescription(adapter.declaration);
		const nodeName = this.description.displayName;
		const registration = adapter.declaration.push!.registration;
		const url = (hooks: IHookFunctions) => hooks.getNodeWebhookUrl('default') ?? `(the node's ${WEBHOOK_PATH} webhook URL)`;
		this.webhook = async function (this: IWebhookFunctions) {
			return await receivePush.call(this, adapter, nodeName);
		};
		// The vendors offer no API to register a push address: these check the settings and say in
		// the log what to register by hand.
		this.webhookMethods = {
			default: {
				async checkExists(this: IHookFunctions): Promise<boolean> {
					const options = this.getNodeParameter('options', {}) as PushOptions;
					const { invalid } = parseAllowList(options.allowedAddresses);
					if (invalid.length > 0) {
						throw new NodeOperationError(this.getNode(), `Allowed Source Addresses holds entries that are no IP address or CIDR range: ${invalid.join(', ')}`);
					}
					return false;
				},
				async create(this: IHookFunctions): Promise<boolean> {
					this.logger.info(`${nodeName}: ${adapter.displayName} push address ${url(this)}: ${registration}. Nothing was registered automatically.`);
					return true;
				},
				async delete(this: IHookFunctions): Promise<boolean> {
					this.logger.info(`${nodeName}: stopped listening at ${url(this)}. ${adapter.displayName} keeps pushing there until you ask them to remove the address.`);
					return true;
				},
			},
		};
	}
}
