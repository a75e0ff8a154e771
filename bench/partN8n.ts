/**
 * Part 3: a real n8n 2.41.1 (scripts/n8n-env.ts: cached Node 24 + n8n, this package packed and
 * installed into a fresh user folder as the community-nodes panel does) runs three workflows of
 * Manual Trigger → Code (10,000 items) → a sender, through `n8n import:*` and `n8n execute --id`:
 * cnSms sendBulk, cnSms send per item, and n8n's own HTTP Request node set up by hand (one POST
 * per item to /msg/HttpBatchSendSM with account, pswd, mobile, msg, needstatus as form fields).
 * The simulator runs as its own process (`test/simulator/cli.ts` with SIM_STATS_PORT), so n8n
 * reaches it on loopback; requests are counted from its stats endpoint.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';

import { createUserFolder, ensureN8n, n8nProcessEnv, packPackage, runN8nCommand } from '../scripts/n8n-env';
import type { N8nRunOptions } from '../scripts/n8n-env';
import { SIM_ACCOUNTS } from '../test/simulator/vendors';
import { REPO_DIR } from './build';
import { fmt, table } from './table';
import { messageText } from './workload';

export const N8N_ITEMS = 10_000;
const SIM_PORT_BASE = Number(process.env.BENCH_SIM_PORT_BASE || 18_401);
const STATS_PORT = SIM_PORT_BASE + 9;
const SMS18_URL = `http://127.0.0.1:${SIM_PORT_BASE + 3}`;

export interface N8nRun {
	label: string;
	workflowId: string;
	/** Wall time of `n8n execute` (process start to exit). */
	processMs: number;
	/** n8n's own executionTime of the sending node. */
	nodeMs: number | null;
	requests: number;
	outputItems: number | null;
	error: string | null;
}

function node(name: string, type: string, typeVersion: number, position: [number, number], parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) {
	return { id: name.toLowerCase().replace(/\W+/g, '-'), name, type, typeVersion, position, parameters, ...extra };
}

function workflow(id: string, name: string, sender: ReturnType<typeof node>) {
	const code = `return Array.from({ length: ${N8N_ITEMS} }, (_, i) => ({ json: { phone: String(15000000000 + i) } }));`;
	return {
		id,
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			node('Start', 'n8n-nodes-base.manualTrigger', 1, [0, 0], {}),
			node('Make Items', 'n8n-nodes-base.code', 2, [220, 0], { jsCode: code }),
			sender,
		],
		connections: {
			Start: { main: [[{ node: 'Make Items', type: 'main', index: 0 }]] },
			'Make Items': { main: [[{ node: sender.name, type: 'main', index: 0 }]] },
		},
	};
}

export const SENDER = 'Send';
const CREDENTIAL = { id: 'benchSms18Credential', name: 'Bench 18SMS (simulator)' };

function workflows() {
	const message = messageText(0);
	const cnSms = (operation: 'sendBulk' | 'send', options: Record<string, unknown> = {}) =>
		node(SENDER, 'n8n-nodes-cn-sms.sms18', 1, [440, 0], {
			operation,
			...(operation === 'sendBulk' ? { recipient: '={{ $json.phone }}' } : { recipients: '={{ $json.phone }}' }),
			message,
			options,
		}, { credentials: { sms18Api: CREDENTIAL } });
	const account = SIM_ACCOUNTS.sms18;
	const httpRequest = node(SENDER, 'n8n-nodes-base.httpRequest', 4.2, [440, 0], {
		method: 'POST',
		url: `${SMS18_URL}/msg/HttpBatchSendSM`,
		sendBody: true,
		contentType: 'form-urlencoded',
		bodyParameters: {
			parameters: [
				{ name: 'account', value: account.account },
				{ name: 'pswd', value: account.password },
				{ name: 'mobile', value: '={{ $json.phone }}' },
				{ name: 'msg', value: message },
				{ name: 'needstatus', value: 'true' },
			],
		},
		options: {},
	});
	return [
		{ label: 'cnSms sendBulk', wf: workflow('benchCnSmsSendBulk', 'Bench: cnSms sendBulk', cnSms('sendBulk')) },
		{ label: 'cnSms send (one per item)', wf: workflow('benchCnSmsSendPerItem', 'Bench: cnSms send per item', cnSms('send')) },
		{
			label: 'cnSms send (one per item), Concurrency 5',
			wf: workflow('benchCnSmsSendConcurrency5', 'Bench: cnSms send per item, concurrency 5', cnSms('send', { concurrency: 5 })),
		},
		{ label: 'HTTP Request node (one POST per item)', wf: workflow('benchHttpRequest', 'Bench: HTTP Request per item', httpRequest) },
	];
}

/**
 * Requests the simulator saw at the sms18 send endpoint. A new connection each time: n8n commands
 * run with spawnSync, which blocks this event loop, so a pooled connection could be stale.
 */
async function statsRequests(): Promise<number> {
	const body = await new Promise<string>((resolve, reject) => {
		http.get({ host: '127.0.0.1', port: STATS_PORT, path: '/stats', agent: false }, (res) => {
			let text = '';
			res.on('data', (c: Buffer) => (text += c.toString()));
			res.on('end', () => resolve(text));
			res.on('error', reject);
		}).on('error', reject);
	});
	const stats = JSON.parse(body) as Record<string, { byPath: Record<string, number> }>;
	return stats.sms18.byPath['/msg/HttpBatchSendSM'] ?? 0;
}

async function startSimulatorProcess(buildDir: string): Promise<() => void> {
	const child = spawn(process.execPath, [path.join(buildDir, 'test', 'simulator', 'cli.js')], {
		cwd: buildDir,
		env: { ...process.env, SIM_PORT_BASE: String(SIM_PORT_BASE), SIM_STATS_PORT: String(STATS_PORT) },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	await new Promise<void>((resolve, reject) => {
		let out = '';
		child.stdout.on('data', (c: Buffer) => {
			out += c.toString();
			if (out.includes('/stats')) resolve();
		});
		child.once('exit', (code) => reject(new Error(`simulator exited with ${code}: ${out}`)));
	});
	return () => child.kill('SIGTERM');
}

/** n8n's run data for the sending node, from `n8n execute --rawOutput`. */
function senderRun(stdout: string): { nodeMs: number | null; items: number | null; error: string | null } {
	const start = stdout.search(/^\{/m);
	if (start < 0) return { nodeMs: null, items: null, error: `no JSON in n8n's output: ${stdout.slice(0, 300)}` };
	// n8n prints the run data as indented JSON (a "{" line to a "}" line), then maybe error text.
	const rest = stdout.slice(start);
	const end = /^\}[ \t]*$/m.exec(rest);
	try {
		const data = JSON.parse(end ? rest.slice(0, end.index + 1) : rest) as {
			data?: { resultData?: { runData?: Record<string, Array<{ executionTime: number; data?: { main?: unknown[][] }; error?: { message: string } }>> } };
			resultData?: { runData?: Record<string, Array<{ executionTime: number; data?: { main?: unknown[][] }; error?: { message: string } }>> };
		};
		const runData = (data.resultData ?? data.data?.resultData)?.runData ?? {};
		const task = runData[SENDER]?.[0];
		if (!task) return { nodeMs: null, items: null, error: 'the sending node did not run' };
		return { nodeMs: task.executionTime, items: task.data?.main?.[0]?.length ?? null, error: task.error?.message ?? null };
	} catch (error) {
		return { nodeMs: null, items: null, error: `unreadable n8n output: ${(error as Error).message}` };
	}
}

/**
 * `n8n execute --id --rawOutput` with its output in a file: through a pipe, n8n's exit cuts
 * off a large output (observed at 10 MB).
 */
function executeToFile(opts: N8nRunOptions, id: string, file: string): { status: number | null; stdout: string; stderr: string } {
	const fd = fs.openSync(file, 'w');
	try {
		const res = spawnSync(opts.env.node24, [opts.env.n8nBin, 'execute', `--id=${id}`, '--rawOutput'], {
			cwd: opts.userFolder,
			env: n8nProcessEnv(opts),
			stdio: ['ignore', fd, 'pipe'],
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
		});
		return { status: res.status, stdout: fs.readFileSync(file, 'utf8'), stderr: res.stderr ?? '' };
	} finally {
		fs.closeSync(fd);
	}
}

export async function measureN8n(buildDir: string, log: (line: string) => void): Promise<N8nRun[]> {
	const started = Date.now();
	const env = ensureN8n((line) => log(`  [n8n-env] ${line}`));
	log(`  n8n ${path.basename(env.n8nDir)} ready (${Math.round((Date.now() - started) / 1000)} s); building and packing the package`);
	const build = spawnSync('npm', ['run', 'build'], { cwd: REPO_DIR, encoding: 'utf8' });
	if (build.status !== 0) throw new Error(`npm run build failed: ${(build.stdout + build.stderr).slice(-1500)}`);
	const tarball = packPackage(fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-bench-pack-')), REPO_DIR);
	const userFolder = createUserFolder({ tarball });
	const opts: N8nRunOptions = {
		env,
		userFolder,
		port: Number(process.env.BENCH_N8N_PORT || 15_778),
		brokerPort: Number(process.env.BENCH_N8N_BROKER_PORT || 15_779),
	};
	const stopSimulator = await startSimulatorProcess(buildDir);
	try {
		const credentialsFile = path.join(userFolder, 'bench-credentials.json');
		fs.writeFileSync(credentialsFile, JSON.stringify([{ ...CREDENTIAL, type: 'sms18Api', data: { ...SIM_ACCOUNTS.sms18, baseUrl: SMS18_URL, product: '' } }]));
		const imported = runN8nCommand(opts, ['import:credentials', `--input=${credentialsFile}`]);
		if (imported.status !== 0) throw new Error(`import:credentials failed: ${imported.stderr.slice(-800)}`);
		const list = workflows();
		const workflowsFile = path.join(userFolder, 'bench-workflows.json');
		fs.writeFileSync(workflowsFile, JSON.stringify(list.map((w) => w.wf)));
		const importedWf = runN8nCommand(opts, ['import:workflow', `--input=${workflowsFile}`]);
		if (importedWf.status !== 0) throw new Error(`import:workflow failed: ${importedWf.stderr.slice(-800)}`);
		log(`  user folder ${userFolder}; package installed, credential and ${list.length} workflows imported (${Math.round((Date.now() - started) / 1000)} s so far)`);
		const results: N8nRun[] = [];
		for (const { label, wf } of list) {
			const before = await statsRequests();
			const t = performance.now();
			const res = executeToFile(opts, wf.id, path.join(userFolder, `${wf.id}.out.json`));
			const processMs = performance.now() - t;
			const requests = (await statsRequests()) - before;
			const run = senderRun(res.stdout);
			const error = res.status !== 0 ? `exit ${res.status}: ${(run.error ?? res.stderr.slice(-300)).trim()}` : run.error;
			results.push({ label, workflowId: wf.id, processMs, nodeMs: run.nodeMs, requests, outputItems: run.items, error });
			log(`  ${label}: node ${run.nodeMs === null ? '?' : fmt.ms(run.nodeMs)}, n8n execute ${fmt.ms(processMs)}, ${requests} requests${error ? `, ERROR ${error}` : ''}`);
		}
		return results;
	} finally {
		stopSimulator();
		if (process.env.BENCH_KEEP !== '1') {
			fs.rmSync(userFolder, { recursive: true, force: true });
			fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
		}
	}
}

export function n8nTable(results: N8nRun[]): string {
	const http = results.find((r) => r.workflowId === 'benchHttpRequest');
	const rows = results.map((r) => [
		r.label,
		r.nodeMs === null ? '—' : fmt.ms(r.nodeMs),
		fmt.ms(r.processMs),
		fmt.int(r.requests),
		r.outputItems === null ? '—' : fmt.int(r.outputItems),
		http?.nodeMs && r.nodeMs ? `${fmt.ratio(http.nodeMs / r.nodeMs)}×` : '—',
		r.error ?? '',
	]);
	return table(
		`3. Real n8n 2.41.1: ${fmt.int(N8N_ITEMS)} items through sms18 on the simulator (targets: sendBulk ≥ 10× faster than HTTP Request; send no slower)`,
		['workflow', 'sending node (n8n executionTime)', '`n8n execute` wall', 'requests', 'output items', 'HTTP Request time ÷ this', 'error'],
		rows,
		[
			'Manual Trigger → Code (10,000 items) → sender; imported with `n8n import:workflow`, run with `n8n execute --id=… --rawOutput` on Node 24. The sending node\'s time is n8n\'s own executionTime from the run data; the `n8n execute` wall includes n8n\'s start-up (~10 s) and the Code node.',
			'HTTP Request node 4.2 with its defaults (all items\' requests under way at once); cnSms with its defaults (Concurrency 1) and, for send, also with Concurrency 5 (its maximum).',
			'A failed run still shows n8n\'s executionTime of the node and the requests the simulator saw (an error here is the node\'s own error, e.g. connections reset when 10,000 requests start at once).',
		],
	);
}
