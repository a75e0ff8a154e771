/**
 * One poll of a gateway's polling trigger: drain each selected fetch-once endpoint (replies, reports) and
 * emit every event taken from the gateway. These endpoints hand each event out once, so whatever a
 * call handed over is emitted even when a later call fails; an error is thrown only when there is
 * nothing to emit.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { EventType } from '../../gateways/kit/declaration';
import { DEFAULT_MAX_CALLS, drain, fetcherFor, mayHaveTakenNote } from '../../gateways/fetch/runner';
import type { DrainResult, EventKind } from '../../gateways/fetch/runner';
import type { GatewayAdapter } from '../../gateways/kit/adapter';
import type { DeliveryReport, DeliveryStatus, InboundReply } from '../../gateways/kit/model';
import { errorFields, toNodeError } from '../errors';
import { eventToJson } from '../items';
import { httpClientFrom } from '../httpClient';
import { createSession, credentialTypeFor, hasAuthenticationChoice } from '../session';
import type { NodeSeams } from '../session';
import { sampleItems } from './sample';

/** No fetch call starts later than this into a poll: n8n polls once a minute at the most often. */
export const POLL_BUDGET_MS = 45_000;
/** Per request, so a poll that starts its last call at 45 s still ends inside the minute. */
export const REQUEST_TIMEOUT_MS = 10_000;

const KIND_OF: Record<EventType, EventKind> = { reply: 'replies', report: 'reports' };
const ALL_STATUSES: DeliveryStatus[] = ['delivered', 'failed', 'unknown'];

type GatewayEvent = DeliveryReport | InboundReply;

interface PollSettings {
	adapter: GatewayAdapter;
	events: EventType[];
	statuses: DeliveryStatus[];
	maxCalls: number;
	fetchRealEventsInTest: boolean;
}

export async function pollEvents(this: IPollFunctions, adapter: GatewayAdapter, seams: NodeSeams): Promise<INodeExecutionData[][] | null> {
	const settings = readSettings(this, adapter);
	const { events } = settings;

	if (this.getMode() === 'manual' && !settings.fetchRealEventsInTest) {
		const samples = sampleItems(adapter.id, events, settings.statuses, new Date());
		return [this.helpers.returnJsonArray(samples)];
	}

	const authentication = hasAuthenticationChoice(adapter) ? this.getNodeParameter('authentication') : undefined;
	const credentials = await this.getCredentials(credentialTypeFor(adapter, authentication));
	const session = createSession(adapter, credentials, { http: httpClientFrom(this.helpers), seams, timeoutMs: REQUEST_TIMEOUT_MS });
	const budgetMs = pollBudget(this);
	// n8n polls once on activation and then on its own schedule, which can fall seconds later: the
	// spacing must hold across polls too, so each endpoint's last answer time is kept (in memory
	// for polls that emit nothing, which is enough within one running n8n).
	const staticData = this.getWorkflowStaticData('node');
	const lastAnswerAt = { ...((staticData.lastAnswerAt as Record<string, number> | undefined) ?? {}) };

	// Replies and reports are separate endpoints, each with its own spacing: drain them side by side.
	// drain() never throws for a failed call; the catch only guards against the unforeseen.
	const results = await Promise.all(
		events.map(async (type) => {
			const kind = KIND_OF[type];
			try {
				const result = await drain<GatewayEvent>(adapter, session.ctx, kind, {
					maxCalls: settings.maxCalls,
					sleep: session.sleep,
					now: () => session.ctx.now().getTime(),
					// The documented spacing (drain's default), counted from each answer so the gateway
					// sees requests at least that far apart however slowly one of them arrived.
					budgetMs,
					previousAnswerAt: lastAnswerAt[kind] ?? null,
				});
				if (result.lastAnswerAt !== null) lastAnswerAt[kind] = result.lastAnswerAt;
				return result;
			} catch (error) {
				const failed: DrainResult<GatewayEvent> = { events: [], calls: 0, more: true, error, lastAnswerAt: null };
				return failed;
			}
		}),
	);
	staticData.lastAnswerAt = lastAnswerAt;

	const label = `${adapter.declaration.name} Trigger`;
	const warnings: string[] = [];
	const items: IDataObject[] = [];
	let unreadable = 0;
	results.forEach((result, index) => {
		const kind = KIND_OF[events[index]];
		if (result.error !== null) warnings.push(failureNote(kind, result));
		for (const event of result.events) {
			if (event.parseError !== undefined) unreadable++;
			if (!passesFilter(event, settings.statuses)) continue;
			items.push(eventToJson(adapter.id, event));
		}
		if (result.more && result.error === null) {
			this.logger.debug(`${label}: more ${kind} may be pending at ${adapter.displayName}; the next poll continues`, {
				calls: result.calls,
			});
		}
	});

	const meta = { workflowId: this.getWorkflow().id, node: this.getNode().name };
	if (items.length === 0) {
		const failed = results.map((r, index) => ({ r, kind: KIND_OF[events[index]] })).filter(({ r }) => r.error !== null);
		const [first, ...others] = failed;
		if (!first) return null;
		for (const other of others) this.logger.warn(`${label}: ${errorFields(other.r.error).error}`, meta);
		const error = toNodeError(this.getNode(), first.r.error);
		// Nothing to emit, but the failed call may still have taken events the gateway will not hand out again.
		const taken = mayHaveTakenNote(first.kind, first.r.error);
		if (taken) error.description = [error.description, taken].filter(Boolean).join(' ');
		throw error;
	}

	if (unreadable > 0) {
		this.logger.warn(
			`${label}: ${unreadable} event(s) from ${adapter.displayName} could not be read; they are emitted with their raw text and a parseError`,
			meta,
		);
	}
	if (warnings.length > 0) {
		const pollWarning = warnings.join(' ');
		this.logger.warn(`${label}: ${pollWarning}`, meta);
		// Beside the event's fields, before `raw` (which stays last, as in every item of the package).
		return [this.helpers.returnJsonArray(items.map(({ raw, ...fields }) => ({ ...fields, pollWarning, raw })))];
	}
	return [this.helpers.returnJsonArray(items)];
}

function readSettings(ctx: IPollFunctions, adapter: GatewayAdapter): PollSettings {
	const node = ctx.getNode();
	const events = ([...new Set(ctx.getNodeParameter('events', []) as EventType[])]).sort((a, b) =>
		a === b ? 0 : a === 'reply' ? -1 : 1,
	);
	if (events.length === 0) throw new NodeOperationError(node, 'Select at least one event to poll for');
	for (const type of events) {
		if (!KIND_OF[type] || !fetcherFor(adapter, KIND_OF[type])) {
			throw new NodeOperationError(node, `${adapter.displayName} does not hand out ${type} events to poll`);
		}
	}
	let statuses = ALL_STATUSES;
	if (events.includes('report')) {
		statuses = ctx.getNodeParameter('reportStatuses', ALL_STATUSES) as DeliveryStatus[];
		if (statuses.length === 0) {
			throw new NodeOperationError(node, 'Select at least one report status, or remove "Delivery Report" from the events');
		}
	}
	const options = ctx.getNodeParameter('options', {}) as { maxCalls?: number; fetchRealEventsInTest?: boolean };
	const maxCalls = options.maxCalls ?? DEFAULT_MAX_CALLS;
	if (!Number.isInteger(maxCalls) || maxCalls < 1) {
		throw new NodeOperationError(node, `Max Calls per Poll must be a whole number of at least 1 (got ${maxCalls})`);
	}
	return { adapter, events, statuses, maxCalls, fetchRealEventsInTest: options.fetchRealEventsInTest === true };
}

/** A report the user filtered out is dropped; an unreadable line is always kept (its status is unknown to us). */
function passesFilter(event: GatewayEvent, statuses: DeliveryStatus[]): boolean {
	if (event.type !== 'report' || event.parseError !== undefined) return true;
	return statuses.includes(event.status);
}

/** Start no call later than 45 s in, and never past the engine's own budget for a poll. */
function pollBudget(ctx: IPollFunctions): number {
	const engine = typeof ctx.getPollBudgetMs === 'function' ? ctx.getPollBudgetMs() : Infinity;
	return Math.max(0, Math.min(POLL_BUDGET_MS, engine - 2 * REQUEST_TIMEOUT_MS));
}

function failureNote(kind: EventKind, result: DrainResult<GatewayEvent>): string {
	const { error } = errorFields(result.error);
	const taken = result.events.length;
	let note = `Fetching ${kind} failed on call ${result.calls} of this poll: ${error}.`;
	note += taken > 0 ? ` The ${taken} ${kind} taken before the failure are emitted.` : '';
	note += ` Anything still pending stays at the gateway for the next poll.`;
	const inTransit = mayHaveTakenNote(kind, result.error);
	if (inTransit) note += ` ${inTransit}`;
	return note;
}
