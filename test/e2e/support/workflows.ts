/**
 * The workflows the end-to-end suite runs in n8n:
 * - one action workflow per gateway: Webhook → every operation of that gateway as parallel
 *   branches (n8n's v1 order runs them one after the other, top to bottom), the per-item
 *   operations behind a Split Out node that turns the posted `people` list into items, and a
 *   failing branch with the error output enabled;
 * - a polling workflow per polling gateway (its polling trigger, every minute);
 * - a push workflow per pushing gateway (its push trigger).
 */
import type { GatewayId } from '../../simulator/types';
import type { CredentialRef, WorkflowNode, WorkflowSpec } from './n8n';
import { PACKAGE } from './n8n';
import { CREDENTIAL_TYPE } from './credentials';
import { getAdapter } from '../../../nodes/gateways/registry';
import { actionNodeName, pollingTriggerName, pushTriggerName } from '../../../nodes/n8n/nodeNames';

/** The installed node types of a gateway. */
export function nodeTypes(gateway: GatewayId): { action: string; polling: string; push: string } {
	const d = getAdapter(gateway).declaration;
	return {
		action: `${PACKAGE}.${actionNodeName(d).type}`,
		polling: `${PACKAGE}.${pollingTriggerName(d).type}`,
		push: `${PACKAGE}.${pushTriggerName(d).type}`,
	};
}

export interface Branch {
	name: string;
	parameters: Record<string, unknown>;
	/** Runs once per person of the posted list (behind Split Out) instead of once. */
	perPerson?: boolean;
	/** Route failures to the error output. */
	errorOutput?: boolean;
	/** Another credential of the same type (e.g. a second account). */
	credential?: CredentialRef;
}

export const SPLIT_NODE = 'People';

export function actionWorkflowPath(gateway: GatewayId): string {
	return `e2e-actions-${gateway.toLowerCase()}`;
}

export function actionWorkflow(gateway: GatewayId, credential: CredentialRef, branches: Branch[]): WorkflowSpec {
	const type = CREDENTIAL_TYPE[gateway];
	const hook: WorkflowNode = {
		id: `${gateway}-hook`,
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: `e2e-${gateway}-actions`,
		parameters: { path: actionWorkflowPath(gateway), httpMethod: 'POST', responseMode: 'lastNode', responseData: 'noData' },
	};
	const split: WorkflowNode = {
		id: `${gateway}-split`,
		name: SPLIT_NODE,
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [300, 1000],
		parameters: { fieldToSplitOut: 'body.people', include: 'noOtherFields', options: {} },
	};
	const nodes = branches.map(
		(b, i): WorkflowNode => ({
			id: `${gateway}-${i}`,
			name: b.name,
			type: nodeTypes(gateway).action,
			typeVersion: 1,
			position: b.perPerson ? [600, 1000 + i * 150] : [300, i * 150],
			parameters: { ...(gateway === 'smsAdmin' ? { authentication: 'password' } : {}), ...b.parameters },
			credentials: { [type]: b.credential ?? credential },
			...(b.errorOutput ? { onError: 'continueErrorOutput' as const } : {}),
		}),
	);
	const link = (node: string) => ({ node, type: 'main' as const, index: 0 });
	const direct = branches.filter((b) => !b.perPerson).map((b) => link(b.name));
	const perPerson = branches.filter((b) => b.perPerson).map((b) => link(b.name));
	return {
		name: `E2E actions ${gateway}`,
		nodes: [hook, ...(perPerson.length ? [split] : []), ...nodes],
		connections: {
			Webhook: { main: [[...direct, ...(perPerson.length ? [link(SPLIT_NODE)] : [])]] },
			...(perPerson.length ? { [SPLIT_NODE]: { main: [perPerson] } } : {}),
		},
	};
}

export const POLL_NODE = 'Polling Trigger';

export function pollingWorkflow(gateway: GatewayId, credential: CredentialRef, events: Array<'reply' | 'report'>): WorkflowSpec {
	return {
		name: `E2E polling ${gateway}`,
		nodes: [
			{
				id: `${gateway}-poll`,
				name: POLL_NODE,
				type: nodeTypes(gateway).polling,
				typeVersion: 1,
				position: [0, 0],
				parameters: {
					pollTimes: { item: [{ mode: 'everyMinute' }] },
					...(gateway === 'smsAdmin' ? { authentication: 'password' } : {}),
					events,
					options: {},
				},
				credentials: { [CREDENTIAL_TYPE[gateway]]: credential },
			},
		],
		connections: {},
	};
}

export const PUSH_NODE = 'Push Trigger';

export function pushWebhookId(gateway: GatewayId): string {
	return `e2e-push-${gateway.toLowerCase()}`;
}

export function pushWorkflow(gateway: GatewayId, events: Array<'reply' | 'report'>, options: Record<string, unknown>): WorkflowSpec {
	return {
		name: `E2E push ${gateway}`,
		nodes: [
			{
				id: `${gateway}-push`,
				name: PUSH_NODE,
				type: nodeTypes(gateway).push,
				typeVersion: 1,
				position: [0, 0],
				webhookId: pushWebhookId(gateway),
				parameters: { events, options },
			},
		],
		connections: {},
	};
}
