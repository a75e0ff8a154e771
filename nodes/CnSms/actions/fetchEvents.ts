/**
 * The run of `fetchReports` / `fetchReplies`: drain the gateway's fetch-once endpoint, one call at
 * a time with the documented spacing, up to Max Calls. The gateway hands each event out once, so
 * events already fetched are always returned, even when a later call fails:
 * - with "continue on fail" the failure becomes one more item after the events;
 * - without it, and with events fetched, the events are returned and the failure is shown as a
 *   warning (throwing would drop events that can never be fetched again);
 * - without it, and with nothing fetched, the failure is thrown as usual.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { eventToJson } from '../../common/items';
import { errorFields } from '../../common/gateway';
import { drain } from '../../gateways/fetch/drain';
import { TransportError } from '../../gateways/kit/errors';
import type { EventKind } from '../../gateways/fetch/drain';
import type { DeliveryReport, InboundReply } from '../../gateways/kit/types';
import { UNCERTAIN_NOTE, failureItem, nodeError, operationError } from '../results';
import type { RunContext } from '../results';

/** Test seam: tests replace `sleep` so the documented 5 s spacing does not make them wait. */
export const timing = {
	sleep: async (ms: number): Promise<void> => await sleep(ms),
};

export const DEFAULT_MAX_CALLS = 10;

/** The events a failed call may have taken with it: the gateway may have handed them out. */
function mayHaveTaken(error: unknown, kind: EventKind): string {
	if (!(error instanceof TransportError) || !error.mayHaveReached || error.failure === 'http') return '';
	return `The failed call may itself have taken ${kind} from the gateway that never arrived here.`;
}

export async function executeFetch(run: RunContext, kind: EventKind): Promise<INodeExecutionData[]> {
	const { adapter, ctx } = run.session;
	if (!(kind === 'reports' ? adapter.fetchReports : adapter.fetchReplies)) {
		throw operationError(run, `${adapter.displayName} has no ${kind} to fetch`);
	}
	const options = run.fn.getNodeParameter('options', 0, {}) as { maxCalls?: number };
	const maxCalls = options.maxCalls ?? DEFAULT_MAX_CALLS;
	if (!Number.isInteger(maxCalls) || maxCalls < 1) throw operationError(run, `Item 0: Max Calls must be a whole number of at least 1, got ${maxCalls}`, 0);

	// Spacing: the adapter's documented minimum (drain's default), counted from each answer so the
	// gateway never sees two calls closer than that; calls never overlap.
	const result = await drain<DeliveryReport | InboundReply>(adapter, ctx, kind, { maxCalls, sleep: timing.sleep });
	const pairedItem = run.items.map((_, item) => ({ item }));
	const out: INodeExecutionData[] = result.events.map((event) => ({ json: eventToJson(run.gateway, event), pairedItem }));

	if (result.error !== null) {
		const inTransit = mayHaveTaken(result.error, kind);
		if (run.continueOnFail) {
			const item = failureItem(run, result.error, 0, { type: 'error', fetched: result.events.length, calls: result.calls });
			// A fetch sends nothing: say what the failed call may have cost instead of "not sent again".
			const json = (item.json.details ?? item.json) as IDataObject;
			const text = String(item.json.error).replace(` ${UNCERTAIN_NOTE}`, '');
			item.json.error = inTransit ? `${text} ${inTransit}` : text;
			if (json !== item.json) delete json.error;
			out.push({ ...item, pairedItem });
		} else if (result.events.length === 0) {
			throw nodeError(run, result.error, 0, inTransit || undefined);
		} else {
			const message = `${errorFields(result.error).error} — call ${result.calls} failed after ${result.events.length} ${kind} were fetched; they are in the output.${inTransit ? ` ${inTransit}` : ''} Run again to fetch the rest.`;
			run.fn.logger.warn(message);
			run.fn.addExecutionHints({ message, type: 'warning', location: 'outputPane' });
		}
	} else if (result.more) {
		run.fn.addExecutionHints({
			message: `Stopped after ${result.calls} calls (Max Calls); more ${kind} may be waiting at the gateway.`,
			type: 'info',
			location: 'outputPane',
		});
	}
	return out;
}
