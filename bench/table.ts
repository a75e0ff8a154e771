/** Plain-text tables and the small statistics the bench reports. */

export function table(title: string, head: string[], rows: Array<Array<string | number>>, notes: string[] = []): string {
	const cells = [head, ...rows.map((r) => r.map(String))];
	const widths = head.map((_, c) => Math.max(...cells.map((r) => (r[c] ?? '').length)));
	const line = (r: string[]) => `| ${r.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
	return [
		`\n### ${title}\n`,
		line(head),
		`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
		...cells.slice(1).map(line),
		...(notes.length ? ['', ...notes.map((n) => `- ${n}`)] : []),
		'',
	].join('\n');
}

export function median(values: number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const mid = Math.floor(s.length / 2);
	return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

export const fmt = {
	ms: (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`),
	mb: (mb: number) => `${Math.round(mb)} MB`,
	ratio: (r: number) => r.toFixed(2),
	int: (n: number) => n.toLocaleString('en-US'),
};

/** Runs `tasks` with at most `parallel` at a time, results in order. */
export async function pool<T>(tasks: Array<() => Promise<T>>, parallel: number): Promise<T[]> {
	const out: T[] = new Array(tasks.length);
	let next = 0;
	const lane = async () => {
		while (next < tasks.length) {
			const i = next++;
			out[i] = await tasks[i]();
		}
	};
	await Promise.all(Array.from({ length: Math.min(parallel, tasks.length) }, lane));
	return out;
}
