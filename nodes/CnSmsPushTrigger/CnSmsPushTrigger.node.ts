import type { IHookFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { getAdapter } from '../gateways/registry';
import { pushTriggerProperties, WEBHOOK_PATH } from './description';
import { receivePush } from './receivePush';
import type { PushOptions } from './receivePush';
import { parseAllowList } from '../gateways/push/sourceAddress';

/** Where each vendor is told the push address: they register it by hand, nothing is called. */
const REGISTRATION: Record<string, string> = {
	chinaSms: 'give it to China SMS support with the request to enable inbound messages (上行)',
	smsAdmin: 'ask your SMSAdmin account manager (客服专员) to bind it (plain http, port 80 only)',
	sms18: 'ask 18SMS to set it as the status-report and inbound-message address',
};

function describeGateway(this: IHookFunctions): { name: string; url: string; how: string } {
	const gateway = this.getNodeParameter('gateway') as string;
	return {
		name: getAdapter(gateway).displayName ?? gateway,
		url: this.getNodeWebhookUrl('default') ?? `(the node's ${WEBHOOK_PATH} webhook URL)`,
		how: REGISTRATION[gateway] ?? 'register it with the gateway',
	};
}

export class CnSmsPushTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CN SMS Push Trigger',
		name: 'cnSmsPushTrigger',
		icon: { light: 'file:../../icons/cnSms.svg', dark: 'file:../../icons/cnSms.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["gateway"] + ": " + $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when a Chinese SMS gateway (中国短信, 通用短信平台, 18sms) pushes a reply or delivery report to n8n',
		defaults: { name: 'CN SMS Push Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// One path, both methods: china-sms and 18sms call with GET, SMSAdmin POSTs (seed 001 §9–10).
		webhooks: [
			{ name: 'default', httpMethod: 'GET', responseMode: 'onReceived', path: WEBHOOK_PATH },
			{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: WEBHOOK_PATH },
		],
		properties: pushTriggerProperties,
	};

	webhookMethods = {
		default: {
			// The vendors offer no API to register a push address: these methods check the
			// settings and say in the log what to register by hand.
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const options = this.getNodeParameter('options', {}) as PushOptions;
				const { invalid } = parseAllowList(options.allowedAddresses);
				if (invalid.length > 0) {
					throw new NodeOperationError(
						this.getNode(),
						`Allowed Source Addresses holds entries that are no IP address or CIDR range: ${invalid.join(', ')}`,
					);
				}
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const { name, url, how } = describeGateway.call(this);
				this.logger.info(`CN SMS Push Trigger: ${name} push address ${url}: ${how}. Nothing was registered automatically.`);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const { name, url } = describeGateway.call(this);
				this.logger.info(
					`CN SMS Push Trigger: stopped listening at ${url}. ${name} keeps pushing there until you ask them to remove the address.`,
				);
				return true;
			},
		},
	};

	webhook = receivePush;
}
