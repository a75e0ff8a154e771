/**
 * What a push trigger does when its workflow is published or unpublished. The vendors offer no
 * API to register a push address: these check the settings and say in the log what to register
 * by hand.
 */
import type { IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseAllowList } from '../../gateways/push/sourceAddress';
import type { GatewayAdapter } from '../../gateways/kit/adapter';
import { pushTriggerName } from '../nodeNames';
import { WEBHOOK_PATH } from './description';
import type { PushOptions } from './webhook';

function url(hooks: IHookFunctions): string {
	return hooks.getNodeWebhookUrl('default') ?? `(the node's ${WEBHOOK_PATH} webhook URL)`;
}

export const pushHooks = {
	async checkExists(this: IHookFunctions, _adapter: GatewayAdapter): Promise<boolean> {
		const options = this.getNodeParameter('options', {}) as PushOptions;
		const { invalid } = parseAllowList(options.allowedAddresses);
		if (invalid.length > 0) {
			throw new NodeOperationError(this.getNode(), `Allowed Source Addresses holds entries that are no IP address or CIDR range: ${invalid.join(', ')}`);
		}
		return false;
	},
	async create(this: IHookFunctions, adapter: GatewayAdapter): Promise<boolean> {
		const name = pushTriggerName(adapter.declaration).displayName;
		this.logger.info(`${name}: ${adapter.displayName} push address ${url(this)}: ${adapter.declaration.push!.registration}. Nothing was registered automatically.`);
		return true;
	},
	async delete(this: IHookFunctions, adapter: GatewayAdapter): Promise<boolean> {
		const name = pushTriggerName(adapter.declaration).displayName;
		this.logger.info(`${name}: stopped listening at ${url(this)}. ${adapter.displayName} keeps pushing there until you ask them to remove the address.`);
		return true;
	},
};
