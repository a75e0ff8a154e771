import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { testGatewayCredentials } from '../common/gateway';
import * as changePassword from './actions/changePassword';
import * as checkContent from './actions/checkContent';
import * as fetchReplies from './actions/fetchReplies';
import * as fetchReports from './actions/fetchReports';
import * as getBalance from './actions/getBalance';
import * as send from './actions/send';
import * as sendBulk from './actions/sendBulk';
import * as sendTemplate from './actions/sendTemplate';
import { authenticationProperty } from '../common/descriptions';
import { gatewayProperty, operationProperties } from './descriptions';
import { router } from './router';

export class CnSms implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'CN SMS',
		name: 'cnSms',
		icon: { light: 'file:../../icons/cnSms.svg', dark: 'file:../../icons/cnSms.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + " · " + $parameter["gateway"] }}',
		description:
			'Send SMS through Chinese gateways (中国短信, 通用短信平台, 企业短信通, 18SMS, SMS10692), check the balance, and fetch delivery reports and replies',
		defaults: { name: 'CN SMS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{ name: 'chinaSmsApi', required: true, testedBy: 'cnSmsCredentialTest', displayOptions: { show: { gateway: ['chinaSms'] } } },
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
			{ name: 'sms112088Api', required: true, testedBy: 'cnSmsCredentialTest', displayOptions: { show: { gateway: ['sms112088'] } } },
			{ name: 'sms18Api', required: true, testedBy: 'cnSmsCredentialTest', displayOptions: { show: { gateway: ['sms18'] } } },
			{ name: 'sms10692Api', required: true, testedBy: 'cnSmsCredentialTest', displayOptions: { show: { gateway: ['sms10692'] } } },
		],
		properties: [
			gatewayProperty,
			authenticationProperty,
			...operationProperties,
			...send.description,
			...sendBulk.description,
			...sendTemplate.description,
			...getBalance.description,
			...fetchReports.description,
			...fetchReplies.description,
			...checkContent.description,
			...changePassword.description,
		],
	};

	methods = {
		credentialTest: { cnSmsCredentialTest: testGatewayCredentials },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
