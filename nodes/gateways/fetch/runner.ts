/**
 * The one fetch runner, for the fetch operations and the polling triggers. Draining a fetch-once
 * endpoint: call it until the gateway says nothing is pending, up to a cap,
 * keeping the documented spacing between calls. The spacing is counted from the previous call's
 * answer, not its start: the gateway saw that request before it answered, so the gap between two
 * requests as the gateway sees them is at least the spacing however long a request took to arrive. Every event a call handed over is returned, even
 * when a later call fails: the failure is returned beside the events, never instead of them.
 */
import { TransportError } from '../kit/errors';
import type { GatewayAdapter, GatewayContext } from '../kit/adapter';
import type { DeliveryReport, FetchPage, InboundReply } from '../kit/model';

export type EventKind = 'reports' | 'replies';

/** Calls per run unless the user sets Max Calls. */
export const DEFAULT_MAX_CALLS = 10;

/** Said when a failed call may have taken events from the gateway (it may have read the request). */
export function mayHaveTakenNote(kind: EventKind, error: unknown): string {
	if (!(error instanceof TransportError) || !error.mayHaveReached || error.failure === 'http') return '';
	return `The failed call may itself have taken ${kind} from the gateway that never arrived here.`;
}

export interface DrainOptions {
	/** Calls at most (each returns at most the gateway's page size). */
	maxCalls: number;
	/** Waits `ms`; injected so n8n's `sleep` (or a test clock) is used. */
	sleep: (ms: number) => Promise<void>;
	/** Spacing between calls; defaults to the adapter's documented spacing. */
	spacingMs?: number;
	/** Stop starting new calls once this much time has passed (ms since the drain began). */
	budgetMs?: number;
	now?: () => number;
	/**
	 * When the previous call to this endpoint (of an earlier drain, e.g. the last poll) was answered,
	 * on the same clock as `now`: the first call keeps the spacing from it too.
	 */
	previousAnswerAt?: number | null;
}

export interface DrainResult<T> {
	events: T[];
	calls: number;
	/** True when the cap or the time budget stopped the drain while more may be pending. */
	more: boolean;
	/** The failure of the last call, if it failed; events of earlier calls are still in `events`. */
	error: unknown | null;
	/** When the last call was answered (or failed), for the next drain's `previousAnswerAt`. */
	lastAnswerAt: number | null;
}

export function fetcherFor(
	adapter: GatewayAdapter,
	kind: EventKind,
): ((ctx: GatewayContext) => Promise<FetchPage<DeliveryReport | InboundReply>>) | undefined {
	if (kind === 'reports') return adapter.fetchReports ? (ctx) => adapter.fetchReports!(ctx) : undefined;
	return adapter.fetchReplies ? (ctx) => adapter.fetchReplies!(ctx) : undefined;
}

export async function drain<T extends DeliveryReport | InboundReply>(
	adapter: GatewayAdapter,
	ctx: GatewayContext,
	kind: EventKind,
	options: DrainOptions,
): Promise<DrainResult<T>> {
	const fetch = fetcherFor(adapter, kind);
	if (!fetch) throw new Error(`${adapter.displayName} has no ${kind} to fetch`);
	const spacing = options.spacingMs ?? adapter.limits.fetchSpacingMs;
	const now = options.now ?? (() => Date.now());
	const started = now();
	const events: T[] = [];
	let calls = 0;
	let lastAnswerAt: number | null = options.previousAnswerAt ?? null;
	while (calls < options.maxCalls) {
		if (lastAnswerAt !== null) {
			const wait = lastAnswerAt + spacing - now();
			if (options.budgetMs !== undefined && now() + Math.max(wait, 0) - started > options.budgetMs) {
				return { events, calls, more: true, error: null, lastAnswerAt };
			}
			if (wait > 0) await options.sleep(wait);
		}
		calls++;
		let page: FetchPage<DeliveryReport | InboundReply>;
		try {
			page = await fetch(ctx);
		} catch (error) {
			// The failed request may still have reached the gateway: count the spacing from here too.
			return { events, calls, more: true, error, lastAnswerAt: now() };
		}
		lastAnswerAt = now();
		events.push(...(page.events as T[]));
		if (page.error !== undefined) return { events, calls, more: true, error: page.error, lastAnswerAt };
		if (!page.more) return { events, calls, more: false, error: null, lastAnswerAt };
	}
	return { events, calls, more: true, error: null, lastAnswerAt };
}
