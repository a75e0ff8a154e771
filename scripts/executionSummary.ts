/**
 * A short summary of one workflow execution, for `npm run demo -- execute <id>`: instead of the
 * ~110 lines of JSON `n8n execute --rawOutput` prints, the status, each node that ran with its
 * items per output (named: Success / Error for a node with the error output, true / false for an
 * IF), and every error: the node's own and each item's `error` text with its `details.failure` /
 * `failure` where the item has one.
 */

/** What `n8n execute --rawOutput` prints (an IRun), as far as the summary reads it. */
export interface RawRun {
	status?: string;
	startedAt?: string;
	stoppedAt?: string;
	data?: {
		resultData?: {
			error?: { message?: string; description?: string | null; node?: { name?: string } };
			runData?: Record<string, RawTask[]>;
		};
	};
}

interface RawTask {
	executionStatus?: string;
	executionTime?: number;
	error?: { message?: string; description?: string | null };
	data?: { main?: Array<Array<{ json?: Record<string, unknown>; pairedItem?: unknown }> | null> };
}

/** The workflow's nodes, for naming outputs (optional: without it outputs are numbered). */
export interface WorkflowNodes {
	nodes: Array<{ name: string; type: string; onError?: string }>;
}

const MAX_ITEM_ERRORS = 5;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function outputNames(node: WorkflowNodes['nodes'][number] | undefined, count: number): string[] {
	const errorOutput = node?.onError === 'continueErrorOutput' && count >= 2;
	const regular = errorOutput ? count - 1 : count;
	let names: string[];
	if (node && /\.if$/.test(node.type)) names = ['true', 'false'];
	else if (regular === 1) names = [errorOutput ? 'Success' : ''];
	else names = Array.from({ length: regular }, (_, i) => `output ${i}`);
	return errorOutput ? [...names.slice(0, regular), 'Error'] : names;
}

function oneLine(text: string, max = 200): string {
	const flat = text.replace(/\s+/g, ' ').trim();
	return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The failure kind an item carries (error output: under details; continue on fail: top level). */
function failureOf(json: Record<string, unknown>): string | null {
	const details = json.details as Record<string, unknown> | undefined;
	const failure = details && typeof details === 'object' ? details.failure : json.failure;
	return typeof failure === 'string' ? failure : null;
}

/** The number an item was for (send operations), if it names one. */
function recipientOf(json: Record<string, unknown>): string | null {
	const details = json.details as Record<string, unknown> | undefined;
	const recipient = (details && typeof details === 'object' ? details.recipient : undefined) ?? json.recipient;
	return typeof recipient === 'string' ? recipient : null;
}

function seconds(run: RawRun): string {
	const start = run.startedAt ? Date.parse(run.startedAt) : NaN;
	const stop = run.stoppedAt ? Date.parse(run.stoppedAt) : NaN;
	return Number.isFinite(start) && Number.isFinite(stop) ? ` in ${((stop - start) / 1000).toFixed(1)} s` : '';
}

/** The summary's lines. */
export function summarizeExecution(run: RawRun, workflow?: WorkflowNodes): string[] {
	const runData = run.data?.resultData?.runData ?? {};
	const failed = run.data?.resultData?.error;
	const lines = [`status: ${run.status ?? (failed ? 'error' : 'unknown')}${seconds(run)}`];
	const names = Object.keys(runData);
	// An item that leaves a node unchanged (an IF after the error output) is reported once, where it arose.
	const reported = new Set<string>();
	const width = Math.min(44, Math.max(0, ...names.map((n) => n.length)));
	for (const name of names) {
		const tasks = runData[name] ?? [];
		const node = workflow?.nodes.find((n) => n.name === name);
		const counts: number[] = [];
		const itemErrors: Array<{ output: number; index: number; text: string }> = [];
		for (const task of tasks) {
			(task.data?.main ?? []).forEach((items, output) => {
				counts[output] = (counts[output] ?? 0) + (items?.length ?? 0);
				(items ?? []).forEach((item, index) => {
					const json = item.json ?? {};
					if (typeof json.error !== 'string') return;
					const key = JSON.stringify(json);
					if (reported.has(key)) return;
					reported.add(key);
					const failure = failureOf(json);
					const who = recipientOf(json);
					itemErrors.push({ output, index, text: `${who ? `${who}: ` : ''}${oneLine(json.error)}${failure ? ` [failure: ${failure}]` : ''}` });
				});
			});
		}
		const labels = outputNames(node, counts.length);
		const outputs = counts.length === 0 ? 'no output' : counts.map((c, i) => `${labels[i] ? `${labels[i]}: ` : ''}${plural(c ?? 0, 'item')}`).join(' · ');
		const runs = tasks.length > 1 ? ` (${tasks.length} runs)` : '';
		lines.push(`  ${name.padEnd(width)}  ${outputs}${runs}`);
		for (const task of tasks) {
			if (task.error?.message) {
				lines.push(`      error: ${oneLine(task.error.message)}`);
				// The request URL in the description is long and percent-encoded: the raw output keeps it.
				const description = (task.error.description ?? '').replace(/Request: \S+\.(\s|$)/, '');
				if (description.trim()) lines.push(`      ${oneLine(description, 400)}`);
			}
		}
		for (const e of itemErrors.slice(0, MAX_ITEM_ERRORS)) {
			const where = labels[e.output] ? `${labels[e.output]} item ${e.index}` : `item ${e.index}`;
			lines.push(`      ${where}: ${e.text}`);
		}
		if (itemErrors.length > MAX_ITEM_ERRORS) lines.push(`      … and ${itemErrors.length - MAX_ITEM_ERRORS} more items with an error`);
	}
	const idle = (workflow?.nodes ?? []).filter((n) => !runData[n.name] && n.type !== 'n8n-nodes-base.stickyNote').map((n) => n.name);
	if (idle.length > 0) lines.push(`  did not run: ${idle.join(', ')}`);
	if (failed?.message && !names.some((n) => runData[n]?.some((t) => t.error?.message === failed.message))) {
		lines.push(`error${failed.node?.name ? ` in ${failed.node.name}` : ''}: ${oneLine(failed.message)}`);
	}
	return lines;
}

/**
 * The run JSON in what `n8n execute --rawOutput` printed: the output is the JSON alone on success;
 * on failure n8n logs it after other lines. Null when there is none.
 */
export function parseRawOutput(stdout: string): RawRun | null {
	const lines = stdout.split('\n');
	for (let i = 0; i < lines.length; i++) {
		if (lines[i].trimEnd() !== '{') continue;
		for (let j = lines.length; j > i; j--) {
			if (lines[j - 1].trimEnd() !== '}') continue;
			try {
				return JSON.parse(lines.slice(i, j).join('\n')) as RawRun;
			} catch {
				// not this span
			}
		}
	}
	return null;
}
