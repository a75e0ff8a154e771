/**
 * Request planning for sends, free of n8n so benchmarks can reuse it.
 *
 * - `chunk`: one recipient list into the fewest requests of at most `limit` numbers.
 * - `planBatches`: input items that share a key (message and options) go out together, each group
 *   in the fewest requests the limit allows. A request never carries the same number twice (some
 *   gateways silently drop duplicates within one submission, seed 001 v1.0.3 §5), so a number that
 *   several items of a group send to is spread over separate requests.
 * - `runPool`: run tasks with a small concurrency, in order of start, stopping new starts on demand.
 */

/** Split `list` into consecutive pieces of at most `size` entries (fewest pieces possible). */
export function chunk<T>(list: readonly T[], size: number): T[][] {
	if (!Number.isInteger(size) || size < 1) throw new RangeError(`chunk size must be a positive integer, got ${size}`);
	const out: T[][] = [];
	for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
	return out;
}

/** The per-request limit: the gateway's documented maximum, or a smaller `batchSize` chosen by the user. */
export function effectiveLimit(documentedMax: number, batchSize?: number | null): number {
	if (batchSize === undefined || batchSize === null || batchSize === 0) return documentedMax;
	return Math.min(documentedMax, batchSize);
}

export interface BatchEntry {
	/** The n8n item this recipient came from. */
	itemIndex: number;
	recipient: string;
	/** Items with equal keys can share a request (same final message, same options). */
	key: string;
}

export interface PlannedRequest {
	key: string;
	/** Entries of this request, in input order. */
	entries: BatchEntry[];
}

/**
 * Group entries by key and split each group into the fewest requests of at most `limit` entries
 * with no number twice in one request: max(ceil(n / limit), most repeats of one number) requests.
 * Groups come out in order of their first item; without repeated numbers a group's requests are
 * consecutive runs of its items.
 */
export function planBatches(entries: readonly BatchEntry[], limit: number): PlannedRequest[] {
	if (!Number.isInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
	const groups = new Map<string, BatchEntry[]>();
	for (const entry of entries) {
		const group = groups.get(entry.key);
		if (group) group.push(entry);
		else groups.set(entry.key, [entry]);
	}
	const out: PlannedRequest[] = [];
	for (const [key, group] of groups) {
		for (const part of splitGroup(group, limit)) out.push({ key, entries: part });
	}
	return out;
}

function splitGroup(group: BatchEntry[], limit: number): BatchEntry[][] {
	const byNumber = new Map<string, BatchEntry[]>();
	for (const entry of group) {
		const list = byNumber.get(entry.recipient);
		if (list) list.push(entry);
		else byNumber.set(entry.recipient, [entry]);
	}
	let maxRepeats = 0;
	for (const list of byNumber.values()) maxRepeats = Math.max(maxRepeats, list.length);
	if (maxRepeats <= 1) return chunk(group, limit);

	// Repeated numbers: lay the entries out number by number and deal them round-robin over
	// `count` requests. A number's repeats (at most `count`) sit next to each other, so they land in
	// different requests; every request gets at most ceil(n / count) <= limit entries.
	const count = Math.max(Math.ceil(group.length / limit), maxRepeats);
	const requests: BatchEntry[][] = Array.from({ length: count }, () => []);
	let position = 0;
	for (const list of byNumber.values()) {
		for (const entry of list) requests[position++ % count].push(entry);
	}
	for (const request of requests) request.sort((a, b) => a.itemIndex - b.itemIndex);
	return requests.filter((r) => r.length > 0);
}

/**
 * Run `worker` over `tasks` with at most `concurrency` at a time. Results keep the tasks' order.
 * Once `stop()` returns true no new task starts; tasks never started get `undefined`.
 */
export async function runPool<T, R>(
	tasks: readonly T[],
	concurrency: number,
	worker: (task: T, index: number) => Promise<R>,
	stop: () => boolean = () => false,
): Promise<Array<R | undefined>> {
	const results: Array<R | undefined> = new Array(tasks.length).fill(undefined);
	let next = 0;
	const lanes = Math.max(1, Math.min(Math.floor(concurrency) || 1, tasks.length));
	async function lane(): Promise<void> {
		while (next < tasks.length && !stop()) {
			const index = next++;
			results[index] = await worker(tasks[index], index);
		}
	}
	await Promise.all(Array.from({ length: lanes }, lane));
	return results;
}
