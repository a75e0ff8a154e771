/**
 * The gateway layer's HttpClient made of n8n's real request helpers: `this.helpers.httpRequest` of
 * an n8n-core ExecuteContext (what a node's execute() gets) and `this.helpers.request` of n8n-core's
 * CredentialTestContext (what a credential test gets), each wrapped the way the nodes wrap them.
 */
import './env';

import { CredentialTestContext, ExecuteContext } from 'n8n-core';
import type { INodeType, IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { createRunExecutionData } from 'n8n-workflow';

import { httpClientFrom, httpClientFromLegacy } from '../../nodes/n8n/httpClient';
import type { HttpClient } from '../../nodes/gateways/kit/http';
import { buildWorkflow } from './workflow';

const NODE_TYPE: INodeType = {
	description: {
		displayName: 'HTTP',
		name: 'http',
		group: ['output'],
		version: 1,
		description: 'Carries the helpers under test',
		defaults: { name: 'HTTP' },
		inputs: [],
		outputs: [],
		properties: [],
	},
};

/** `this.helpers` of a real ExecuteContext. */
export function n8nHelpers(): ExecuteContext['helpers'] {
	const { workflow, node, additionalData } = buildWorkflow({ nodeType: NODE_TYPE, parameters: {} });
	const items = [{ json: {} }];
	const inputData = { main: [items] };
	const context = new ExecuteContext(workflow, node, additionalData, 'manual', createRunExecutionData({}), 0, items, inputData, { node, data: inputData, source: null }, []);
	return context.helpers;
}

/** n8n's `helpers.httpRequest`, as the nodes hand it to the gateway layer. */
export function n8nHttpClient(): HttpClient {
	return httpClientFrom(n8nHelpers());
}

/** n8n's credential-test `helpers.request`, as the credential test hands it to the gateway layer. */
export function n8nCredentialTestHttpClient(): HttpClient {
	return httpClientFromLegacy(new CredentialTestContext({} as IWorkflowExecuteAdditionalData).helpers);
}
