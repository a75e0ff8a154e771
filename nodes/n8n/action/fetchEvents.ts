/**
 * The run of `fetchReports` / `fetchReplies`: the fetch runner drains the gateway's fetch-once
 * endpoint, one call at a time with the documented spacing, up to Max Calls. The gateway hands each event out once, so
 * events already fetched are always returned, even when a later call fails:
 * - with "continue on fail" the failure becomes one more item after the events;
 * - without it, and with events fetched, the events are returned and the failure is shown as a
 *   warning (throwing would drop events that can never be fetched again);
 * - without it, and with nothing fetched, the failure is thrown as usual.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { DEFAULT_MAX_CALLS, drain, mayHaveTakenNote } from '../../gateways/fetch/runner';
import type { EventKind } from '../../gateways/fetch/runner';
import type { DeliveryReport, InboundReply } from '../../gateways/kit/model';
import { UNCERTAIN_NOTE, errorFields } from '../errors';
import { eventToJson } from '../items';
import { failedItem, operationError, runError } from './runContext';
import type { RunContext } from './runContext';

export async function executeFetch(run: RunContext, kind: EventKind): Promise<INodeExecutionData[]> {
	const { adapter, ctx } = run.session;
	const options = run.fn.getNodeParameter('options', 0, {}) as { maxCalls?: number };
	const maxCalls = options.maxCalls ?? DEFAULT_MAX_CALLS;
	if (!Number.isInteger(maxCalls) || maxCalls < 1) throw operationError(run, `Item 0: Max Calls must be a whole number of at least 1, got ${maxCalls}`, 0);

	// Spacing: the adapter's documented minimum (drain's default), counted from each answer so the
	// gateway never sees two calls closer than that; calls never overlap.
	const result = await drain<DeliveryReport | InboundReply>(adapter, ctx, kind, { maxCalls, sleep: run.session.sleep, now: () => ctx.now().getTime() });
	const pairedItem = run.items.map((_, item) => ({ item }));
	const out: INodeExecutionData[] = result.events.map((event) => ({ json: eventToJson(run.gateway, event), pairedItem }));

	if (result.error !== null) {
		const inTransit = mayHaveTakenNote(kind, result.error);
		if (run.continueOnFail) {
			const item = failedItem(run, result.error, 0, { type: 'error', fetched: result.events.length, calls: result.calls });
			// A fetch sends nothing: say what the failed call may have cost instead of "not sent again".
			const json = (item.json.details ?? item.json) as IDataObject;
			const text = String(item.json.error).replace(` ${UNCERTAIN_NOTE}`, '');
			item.json.error = inTransit ? `${text} ${inTransit}` : text;
			if (json !== item.json) delete json.error;
			out.push({ ...item, pairedItem });
		} else if (result.events.length === 0) {
			throw runError(run, result.error, 0, inTransit || undefined);
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
