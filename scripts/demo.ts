/**
 * `npm run demo`: the package in a real n8n against the gateway simulator, in one command.
 *
 * Builds the package when the build is missing or older than the sources, starts the simulator
 * (gateways on 127.0.0.1:18001–18005, its web page on :18000) and n8n 2.41.1 on port 5678 (or the
 * next free one) with the package installed as the community-nodes panel installs it. The user
 * folder is `.demo/` in the repository and is kept across runs, so edits survive; the package is
 * re-installed there whenever the packed tarball changed. It imports credentials pointing at the
 * simulator and the example workflows (examples/*.json) the first time, and again any example
 * whose file changed since (replacing that workflow), and publishes those that start by themselves.
 * It sets up an owner login, prints the URLs and the login, points the simulator's push URLs (one
 * per gateway and kind of event) at the examples' push triggers, and stops everything it started on
 * Ctrl-C.
 *
 *   npm run demo                                run the demo (Ctrl-C stops)
 *   npm run demo -- execute <workflowId> [--raw] run an imported workflow from the command line while
 *                                               the demo runs (e.g. cnsmsDemoNotify1) and print a
 *                                               summary; --raw prints n8n's whole run data instead
 *
 * Environment: CN_SMS_DEMO_DIR (default <repo>/.demo), CN_SMS_DEMO_PORT (n8n, first try 5678; the
 * task broker takes the next free port, `execute` the ones after), CN_SMS_DEMO_SIM_PORT (first of
 * the five gateway ports, 18001), CN_SMS_DEMO_UI_PORT (the simulator page, 18000).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { simulatorCredentials } from '../test/e2e/support/credentials';
import { GATEWAY_IDS, startSimulator } from '../test/simulator';
import type { Simulator } from '../test/simulator';
import { PUSH_GATEWAYS, startSimulatorUi } from '../test/simulator/ui';
import type { EventKind, PushGateway, PushUrls, SimulatorUi } from '../test/simulator/ui';
import { parseRawOutput, summarizeExecution } from './executionSummary';
import type { WorkflowNodes } from './executionSummary';
import { N8nRestClient, createUserFolder, ensureN8n, packPackage, runN8nCommand, startN8n } from './n8n-env';
import type { N8nEnv, RunningN8n } from './n8n-env';

const REPO = path.resolve(__dirname, '..');
const EXAMPLES_DIR = path.join(REPO, 'examples');
const DEMO_DIR = path.resolve(process.env.CN_SMS_DEMO_DIR || path.join(REPO, '.demo'));
const USER_FOLDER = path.join(DEMO_DIR, 'n8n');
const STATE_FILE = path.join(DEMO_DIR, 'state.json');
const N8N_PORT = Number(process.env.CN_SMS_DEMO_PORT || 5678);
const SIM_PORT_BASE = Number(process.env.CN_SMS_DEMO_SIM_PORT || 18001);
const SIM_UI_PORT = Number(process.env.CN_SMS_DEMO_UI_PORT || 18000);

/**
 * n8n 2.41 opens its AI assistant page after the login while that module is on (the frontend's
 * /assistant route); it needs n8n's cloud service, which the demo does not have. Off, the login
 * lands on the Overview with the example workflows.
 */
const DEMO_N8N_ENV = { N8N_DISABLED_MODULES: 'instance-ai' };

export const DEMO_OWNER = { email: 'demo@cn-sms.local', firstName: 'Demo', lastName: 'User', password: 'CnSms-Demo-2026' };

/** Fixed ids, so the example workflows (examples/*.json) find their credentials. */
export const DEMO_CREDENTIAL_IDS: Record<string, string> = {
	chinaSmsApi: 'cnsmsDemoChina01',
	smsAdminApi: 'cnsmsDemoAdmin01',
	smsAdminMd5Api: 'cnsmsDemoAdmMd51',
	sms112088Api: 'cnsmsDemo1120881',
	sms18Api: 'cnsmsDemoSms1801',
	sms10692Api: 'cnsmsDemo1069201',
};

/** Example workflows that start by themselves (their triggers wait for pushes or poll). */
export const PUBLISHED = ['cnsmsDemoReply01', 'cnsmsDemoReport1'];

/** The push trigger node types, by gateway (n8n-nodes-cn-sms.<type>). */
const PUSH_TRIGGER_TYPES: Record<PushGateway, string> = {
	chinaSms: 'n8n-nodes-cn-sms.chinaSmsPushTrigger',
	smsAdmin: 'n8n-nodes-cn-sms.smsAdminPushTrigger',
	sms18: 'n8n-nodes-cn-sms.sms18Trigger',
};

interface DemoState {
	packageSha256?: string;
	/** Credential ids imported. */
	credentials?: string[];
	/** Example workflow id → sha256 of its file when it was last imported. */
	examples?: Record<string, string>;
	/** Earlier demos: every credential imported. */
	credentialsImported?: boolean;
	/** Earlier demos: example ids imported, file versions unknown. */
	workflows?: string[];
}

export interface Example {
	file: string;
	id: string;
	name: string;
	sha: string;
	nodes: Array<{ name: string; type: string; webhookId?: string; onError?: string; parameters?: { events?: string[] } }>;
	connections: Record<string, unknown>;
}

export function readExamples(): Example[] {
	return fs
		.readdirSync(EXAMPLES_DIR)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((file) => {
			const text = fs.readFileSync(path.join(EXAMPLES_DIR, file), 'utf8');
			const wf = JSON.parse(text) as Omit<Example, 'file' | 'sha'>;
			return { file, id: wf.id, name: wf.name, nodes: wf.nodes, connections: wf.connections, sha: createHash('sha256').update(text).digest('hex') };
		});
}

/**
 * Where the simulator pushes: for each push trigger of a published example, its gateway's events
 * go to its production webhook (`<n8n>/webhook/<webhookId>/cn-sms`).
 */
export function pushUrlsOf(examples: Example[], n8nUrl: string): PushUrls {
	const urls: Record<string, Partial<Record<EventKind, string>>> = {};
	for (const example of examples.filter((e) => PUBLISHED.includes(e.id))) {
		for (const node of example.nodes) {
			const gateway = PUSH_GATEWAYS.find((g) => PUSH_TRIGGER_TYPES[g] === node.type);
			if (!gateway || !node.webhookId) continue;
			for (const kind of node.parameters?.events ?? []) {
				(urls[gateway] ??= {})[kind as EventKind] = `${n8nUrl}/webhook/${node.webhookId}/cn-sms`;
			}
		}
	}
	return urls as PushUrls;
}

const log = (line: string) => console.log(`[demo] ${line}`);

function readState(): DemoState {
	try {
		return JSON.parse(fs.readFileSync(STATE_FILE, 'utf8')) as DemoState;
	} catch {
		return {};
	}
}

function writeState(state: DemoState): void {
	fs.writeFileSync(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
}

function newestMtime(dir: string): number {
	if (!fs.existsSync(dir)) return 0;
	let newest = 0;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
	}
	return newest;
}

/** `npm run build` when dist/ is missing or older than the sources. */
function buildIfNeeded(): void {
	const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
	const outputs = [...pkg.n8n.nodes, ...pkg.n8n.credentials].map((f) => path.join(REPO, f));
	const built = outputs.every((f) => fs.existsSync(f)) ? Math.min(...outputs.map((f) => fs.statSync(f).mtimeMs)) : 0;
	const sources = Math.max(...['nodes', 'credentials', 'icons'].map((d) => newestMtime(path.join(REPO, d))));
	if (built > sources) return;
	log(built ? 'sources changed since the last build: npm run build' : 'no build yet: npm run build');
	const res = spawnSync('npm', ['run', 'build'], { cwd: REPO, stdio: 'inherit' });
	if (res.status !== 0) throw new Error('npm run build failed');
}

/** Install the packed package into the demo's user folder when it is missing or changed. */
function installPackage(state: DemoState): void {
	const packDir = fs.mkdtempSync(path.join(DEMO_DIR, 'pack-'));
	try {
		const tarball = packPackage(packDir);
		const sha = createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
		const installed = path.join(USER_FOLDER, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-cn-sms', 'package.json');
		if (state.packageSha256 === sha && fs.existsSync(installed)) return;
		log(state.packageSha256 ? 'the package changed: re-installing it into n8n' : 'installing the package into n8n');
		fs.rmSync(path.dirname(installed), { recursive: true, force: true });
		createUserFolder({ tarball, folder: USER_FOLDER });
		state.packageSha256 = sha;
		writeState(state);
	} finally {
		fs.rmSync(packDir, { recursive: true, force: true });
	}
}

async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function freePort(from: number, except: number[] = []): Promise<number> {
	for (let port = from; port < from + 100; port++) {
		if (!except.includes(port) && (await portIsFree(port))) return port;
	}
	throw new Error(`no free port from ${from} to ${from + 99} on 127.0.0.1`);
}

/**
 * Import what the user folder does not have yet, and the examples whose file changed since they
 * were imported (n8n must not be running). Returns the ids of the workflows imported.
 */
function importMissing(env: N8nEnv, state: DemoState, simUrls: Simulator['urls'], brokerPort: number): string[] {
	const run = (args: string[]) => {
		const res = runN8nCommand({ env, userFolder: USER_FOLDER, brokerPort, port: brokerPort + 1, extraEnv: DEMO_N8N_ENV }, args);
		if (res.status !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
	};
	if (state.credentialsImported) state.credentials = Object.values(DEMO_CREDENTIAL_IDS);
	delete state.credentialsImported;
	const credentials = simulatorCredentials(simUrls)
		.map((c) => ({ id: DEMO_CREDENTIAL_IDS[c.type], name: c.name, type: c.type, data: c.data }))
		.filter((c) => !(state.credentials ?? []).includes(c.id));
	if (credentials.length > 0) {
		log(`importing credentials that point at the simulator: ${credentials.map((c) => c.name).join(', ')}`);
		const file = path.join(DEMO_DIR, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		try {
			run(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
		state.credentials = [...(state.credentials ?? []), ...credentials.map((c) => c.id)];
		writeState(state);
	}
	const imported: Record<string, string> = { ...Object.fromEntries((state.workflows ?? []).map((id) => [id, 'unknown'])), ...state.examples };
	delete state.workflows;
	const examples = readExamples();
	const stale = examples.filter((e) => imported[e.id] !== e.sha);
	if (stale.length === 0) return [];
	for (const e of stale) {
		log(imported[e.id] ? `examples/${e.file} changed since it was imported: importing it again (the workflow "${e.name}" is replaced)` : `importing examples/${e.file}`);
	}
	// One n8n command for all of them (each start of the CLI takes a while).
	const dir = fs.mkdtempSync(path.join(DEMO_DIR, 'examples-'));
	try {
		for (const e of stale) fs.copyFileSync(path.join(EXAMPLES_DIR, e.file), path.join(dir, e.file));
		run(['import:workflow', '--separate', `--input=${dir}`]);
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
	for (const e of stale) imported[e.id] = e.sha;
	state.examples = imported;
	writeState(state);
	return stale.map((e) => e.id);
}

/** Publish the examples that start by themselves, the first time they are imported. */
async function publishFresh(rest: N8nRestClient, fresh: string[]): Promise<void> {
	for (const id of fresh.filter((f) => PUBLISHED.includes(f))) {
		const wf = await rest.json<{ versionId: string }>('GET', `/rest/workflows/${id}`);
		await rest.json('POST', `/rest/workflows/${id}/activate`, { versionId: wf.versionId });
		log(`published ${id}`);
	}
}

async function login(rest: N8nRestClient): Promise<boolean> {
	try {
		await rest.login(DEMO_OWNER);
		return true;
	} catch {
		return false;
	}
}

async function start(): Promise<void> {
	fs.mkdirSync(DEMO_DIR, { recursive: true });
	buildIfNeeded();
	const env = ensureN8n((line) => log(line));
	const state = readState();
	installPackage(state);

	const simPorts = Object.fromEntries(GATEWAY_IDS.map((id, i) => [id, SIM_PORT_BASE + i]));
	let sim: Simulator;
	try {
		sim = await startSimulator({ ports: simPorts });
	} catch (error) {
		throw new Error(`the simulator could not listen on 127.0.0.1:${SIM_PORT_BASE}–${SIM_PORT_BASE + 4} (is another demo or simulator running?): ${(error as Error).message}`);
	}
	const port = await freePort(N8N_PORT);
	const brokerPort = await freePort(port + 1, [port]);
	let ui: SimulatorUi | undefined;
	let n8n: RunningN8n | undefined;
	let stopping = false;
	const stop = async (code: number) => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the simulator …');
		await n8n?.stop();
		await ui?.close();
		await sim.close();
		process.exit(code);
	};
	process.on('SIGINT', () => void stop(0));
	process.on('SIGTERM', () => void stop(0));

	try {
		const fresh = importMissing(env, state, sim.urls, brokerPort);
		log(`starting n8n on port ${port} (log: ${path.join(USER_FOLDER, 'n8n.log')})`);
		const running = await startN8n({ env, userFolder: USER_FOLDER, port, brokerPort, extraEnv: DEMO_N8N_ENV });
		n8n = running;
		const rest = new N8nRestClient(running.url);
		const loggedIn = await login(rest);
		if (loggedIn) await publishFresh(rest, fresh);
		else if (fresh.some((id) => PUBLISHED.includes(id))) log('could not log in as the demo owner: publish the trigger examples in the editor yourself');
		ui = await startSimulatorUi(sim, { port: SIM_UI_PORT, pushUrls: pushUrlsOf(readExamples(), running.url) });
		printBanner(running.url, ui.url, loggedIn, sim);
	} catch (error) {
		console.error(`[demo] ${(error as Error).message}`);
		await stop(1);
	}
}

/** What each example shows, for the banner (examples/*.json by id). */
const EXAMPLE_NOTES: Record<string, string> = {
	cnsmsDemoNotify1: 'click "Execute workflow": one SMS through each of the five gateways',
	cnsmsDemoBulk001: 'one SMS per customer through SMSAdmin, batched by the gateway',
	cnsmsDemoFailov1: "refused by SMSAdmin → sent through SMS10692; uncertain → not sent again",
	cnsmsDemoReply01: 'published: click Reply on the simulator page (any gateway)',
	cnsmsDemoReport1: 'published: click Delivered / Failed on the simulator page',
};

function printBanner(n8nUrl: string, uiUrl: string, loggedIn: boolean, sim: Simulator): void {
	const examples = readExamples().sort((a, b) => Object.keys(EXAMPLE_NOTES).indexOf(a.id) - Object.keys(EXAMPLE_NOTES).indexOf(b.id));
	const lines = [
		'',
		'CN SMS demo is running. Ctrl-C stops n8n and the simulator.',
		'',
		`  n8n editor        ${n8nUrl}`,
		loggedIn
			? `  login             ${DEMO_OWNER.email} / ${DEMO_OWNER.password}`
			: `  login             the owner account you set up earlier (the demo's was ${DEMO_OWNER.email} / ${DEMO_OWNER.password})`,
		`  simulator page    ${uiUrl}   (messages the gateways received; reply or report as the recipient)`,
		...GATEWAY_IDS.map((id) => `  ${id.padEnd(17)} ${sim.urls[id]}`),
		'',
		'  Example workflows: after the login n8n lists them on its Overview page; each link opens one directly.',
		...examples.flatMap((e) => [`    ${e.name}`, `      ${n8nUrl}/workflow/${e.id}   ${EXAMPLE_NOTES[e.id] ?? ''}`.trimEnd()]),
		'',
		'  From the command line (while this runs):  npm run demo -- execute cnsmsDemoNotify1   (--raw: all of the run data)',
		`  Demo data is kept in ${DEMO_DIR} (delete it to start over).`,
		'',
	];
	console.log(lines.join('\n'));
}

/** `execute <id> [--raw]`: run one workflow with `n8n execute` in the demo's user folder. */
async function execute(args: string[]): Promise<void> {
	const raw = args.includes('--raw');
	const id = args.find((a) => !a.startsWith('--'));
	if (!id) throw new Error('usage: npm run demo -- execute <workflowId> [--raw]   (e.g. cnsmsDemoNotify1)');
	if (!fs.existsSync(USER_FOLDER)) throw new Error(`no demo yet in ${DEMO_DIR}: run npm run demo first`);
	if (await portIsFree(SIM_PORT_BASE)) log('warning: the simulator is not running (start npm run demo in another terminal)');
	const env = ensureN8n((line) => log(line));
	const brokerPort = await freePort(N8N_PORT + 2);
	const port = await freePort(brokerPort + 1);
	const example = readExamples().find((e) => e.id === id);
	log(`executing ${id}${example ? ` (${example.name})` : ''} …`);
	const res = runN8nCommand({ env, userFolder: USER_FOLDER, port, brokerPort, extraEnv: DEMO_N8N_ENV }, ['execute', `--id=${id}`, '--rawOutput']);
	process.exitCode = res.status ?? 1;
	if (raw) {
		process.stdout.write(res.stdout);
		if (res.status !== 0) process.stderr.write(res.stderr);
		return;
	}
	const run = parseRawOutput(res.stdout);
	if (!run) {
		// No run data: n8n could not start the workflow (unknown id, …); its own words are in the log lines.
		process.stdout.write(res.stdout);
		process.stderr.write(res.stderr);
		return;
	}
	const workflow: WorkflowNodes | undefined = example;
	console.log(summarizeExecution(run, workflow).join('\n'));
	console.log(`(n8n's whole run data: npm run demo -- execute ${id} --raw)`);
}

if (require.main === module) {
	const [command, ...rest] = process.argv.slice(2);
	(command === 'execute' ? execute(rest) : start()).catch((error: Error) => {
		console.error(`[demo] ${error.message}`);
		process.exit(1);
	});
}
