/** The description of a gateway's polling trigger, generated from its declaration. */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import type { EventType, GatewayDeclaration } from '../../gateways/kit/declaration';
import { DEFAULT_MAX_CALLS } from '../../gateways/fetch/runner';
import { authenticationProperties, nodeCredentials } from '../credentials';
import { EVENT_OPTIONS, eventPhrase } from '../eventOptions';
import { triggerDescription, vendorNames } from '../texts';
import { pollingTriggerName, pushTriggerName } from '../nodeNames';

function properties(gateway: GatewayDeclaration, events: EventType[]): INodeProperties[] {
	const reports = events.includes('report');
	return [
		...authenticationProperties(gateway),
		{
			displayName: 'Events',
			name: 'events',
			type: 'multiOptions',
			options: events.map((e) => EVENT_OPTIONS[e]),
			default: ['reply'],
			description:
				events.length > 1
					? 'Which events start the workflow. Each selected kind is taken from the gateway, which hands every event out only once.'
					: `${gateway.name} hands out replies only (delivery reports are not offered)`,
		},
		...(reports
			? [
					{
						displayName: 'Report Statuses',
						name: 'reportStatuses',
						type: 'multiOptions',
						displayOptions: { show: { events: ['report'] } },
						options: [
							{ name: 'Delivered', value: 'delivered' },
							{ name: 'Failed', value: 'failed' },
							{ name: 'Unknown', value: 'unknown' },
						],
						default: ['delivered', 'failed', 'unknown'],
						description:
							'Which delivery reports to emit. Reports with other statuses are still taken from the gateway (it hands each report out only once) and are then dropped. A report line the gateway sent that cannot be read is always emitted.',
					} satisfies INodeProperties,
				]
			: []),
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options: [
				{
					displayName: 'Fetch Real Events in Test',
					name: 'fetchRealEventsInTest',
					type: 'boolean',
					default: false,
					description:
						"Whether the editor's test fetch takes real events from the gateway. Off: the test fetch sends no request and returns a sample event. On: real events are fetched and consumed, so the active workflow will not see them.",
				},
				{
					displayName: 'Max Calls per Poll',
					name: 'maxCalls',
					type: 'number',
					typeOptions: { minValue: 1, maxValue: 100 },
					default: DEFAULT_MAX_CALLS,
					description: `How many fetch calls each selected event kind may make in one poll (${gateway.polling!.note}). A poll also stops starting calls after 45 seconds; whatever is still pending comes with the next poll.`,
				},
			],
		},
	];
}

export function pollingTriggerDescription(gateway: GatewayDeclaration): INodeTypeDescription {
	const polling = gateway.polling!;
	const name = pollingTriggerName(gateway);
	const push = gateway.push ? ` To start at once without polling, have ${gateway.name} push to the ${pushTriggerName(gateway).displayName}.` : '';
	return {
		...triggerDescription(gateway, name, `Starts the workflow when ${vendorNames(gateway)} hands out ${eventPhrase(polling.events)}, by polling it (${polling.note}).${push}`),
		polling: true,
		credentials: nodeCredentials(gateway),
		properties: properties(gateway, polling.events),
	};
}
