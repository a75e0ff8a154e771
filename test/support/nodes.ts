/**
 * The node classes of every gateway, for tests: the generated shells, built with the seams (clock,
 * sleep) a test hands them, and the node type names n8n gives them once installed.
 */
import type { INodeType } from 'n8n-workflow';

import { ChinaSms } from '../../nodes/ChinaSms/ChinaSms.node';
import { ChinaSmsPushTrigger } from '../../nodes/ChinaSms/ChinaSmsPushTrigger.node';
import { ChinaSmsTrigger } from '../../nodes/ChinaSms/ChinaSmsTrigger.node';
import { Sms10692 } from '../../nodes/Sms10692/Sms10692.node';
import { Sms10692Trigger } from '../../nodes/Sms10692/Sms10692Trigger.node';
import { Sms112088 } from '../../nodes/Sms112088/Sms112088.node';
import { Sms112088Trigger } from '../../nodes/Sms112088/Sms112088Trigger.node';
import { Sms18 } from '../../nodes/Sms18/Sms18.node';
import { Sms18Trigger } from '../../nodes/Sms18/Sms18Trigger.node';
import { SmsAdmin } from '../../nodes/SmsAdmin/SmsAdmin.node';
import { SmsAdminPushTrigger } from '../../nodes/SmsAdmin/SmsAdminPushTrigger.node';
import { SmsAdminTrigger } from '../../nodes/SmsAdmin/SmsAdminTrigger.node';
import type { GatewayId } from '../../nodes/gateways/kit/declaration';
import type { NodeSeams } from '../../nodes/n8n/session';

export const PACKAGE_PREFIX = 'n8n-nodes-cn-sms.';

const ACTION = { chinaSms: ChinaSms, smsAdmin: SmsAdmin, sms112088: Sms112088, sms18: Sms18, sms10692: Sms10692 };
const POLLING = { chinaSms: ChinaSmsTrigger, smsAdmin: SmsAdminTrigger, sms112088: Sms112088Trigger, sms10692: Sms10692Trigger };
const PUSH = { chinaSms: ChinaSmsPushTrigger, smsAdmin: SmsAdminPushTrigger, sms18: Sms18Trigger };

export type PollingGatewayId = keyof typeof POLLING;
export type PushGatewayId = keyof typeof PUSH;
export const POLLING_GATEWAY_IDS = Object.keys(POLLING) as PollingGatewayId[];
export const PUSH_GATEWAY_IDS = Object.keys(PUSH) as PushGatewayId[];

export function actionNode(gateway: GatewayId, seams?: NodeSeams): INodeType {
	return new ACTION[gateway](seams);
}

export function pollingTrigger(gateway: PollingGatewayId, seams?: NodeSeams): INodeType {
	return new POLLING[gateway](seams);
}

export function pushTrigger(gateway: PushGatewayId, seams?: NodeSeams): INodeType {
	return new PUSH[gateway](seams);
}

/** `n8n-nodes-cn-sms.<name>`: the type n8n gives the node once the package is installed. */
export function installedType(node: INodeType): string {
	return `${PACKAGE_PREFIX}${node.description.name}`;
}
