import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testGatewayCredentials } from '../common/gateway';
import { triggerProperties } from './description';
import { pollEvents } from './pollEvents';

export class CnSmsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CN SMS Trigger',
		name: 'cnSmsTrigger',
		icon: { light: 'file:../../icons/cnSms.svg', dark: 'file:../../icons/cnSms.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["gateway"] + ": " + $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when a customer replies or a delivery report arrives, by polling a Chinese SMS gateway (中国短信, 通用短信平台, 企业短信通, sms10692)',
		defaults: { name: 'CN SMS Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'chinaSmsApi',
				required: true,
				testedBy: 'cnSmsCredentialTest',
				displayOptions: { show: { gateway: ['chinaSms'] } },
			},
			{
				name: 'smsAdminApi',
				required: true,
				testedBy: 'cnSmsCredentialTest',
				displayOptions: { show: { gateway: ['smsAdmin'], authentication: ['password'] } },
			},
			{
				name: 'smsAdminMd5Api',
				required: true,
				testedBy: 'cnSmsCredentialTest',
				displayOptions: { show: { gateway: ['smsAdmin'], authentication: ['md5Password'] } },
			},
			{
				name: 'sms112088Api',
				required: true,
				testedBy: 'cnSmsCredentialTest',
				displayOptions: { show: { gateway: ['sms112088'] } },
			},
			{
				name: 'sms10692Api',
				required: true,
				testedBy: 'cnSmsCredentialTest',
				displayOptions: { show: { gateway: ['sms10692'] } },
			},
		],
		properties: triggerProperties,
	};

	methods = {
		credentialTest: { cnSmsCredentialTest: testGatewayCredentials },
	};

	poll = pollEvents;
}
