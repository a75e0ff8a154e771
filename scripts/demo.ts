/**
 * `npm run demo`: the package in a real n8n against the gateway simulator, in one command.
 *
 * Builds the package when the build is missing or older than the sources, starts the simulator
 * (gateways on 127.0.0.1:18001–18005, its web page on :18000) and n8n 2.41.1 on port 5678 (or the
 * next free one) with the package installed as the community-nodes panel installs it. The user
 * folder is `.demo/` in the repository and is kept across runs, so edits survive; the package is
 * re-installed there whenever the packed tarball changed. On the first run it imports credentials
 * pointing at the simulator and the example workflows (examples/*.json) and publishes those that
 * start by themselves; each later run only imports what is missing. It sets up an owner login,
 * prints the URLs and the login, points the simulator's push URLs at the examples' webhooks, and
 * stops everything it started on Ctrl-C.
 *
 *   npm run demo                         start (Ctrl-C stops)
 *   npm run demo -- execute <workflowId> run an imported workflow from the command line while
 *                                        the demo runs (e.g. cnsmsDemoNotify1)
 *
 * Environment: CN_SMS_DEMO_DIR (default <repo>/.demo), CN_SMS_DEMO_PORT (first try, 5678).
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

import { simulatorCredentials } from '../test/e2e/support/credentials';
import { GATEWAY_IDS, startSimulator } from '../test/simulator';
import type { Simulator } from '../test/simulator';
import { startSimulatorUi } from '../test/simulator/ui';
import type { PushGateway, SimulatorUi } from '../test/simulator/ui';
import { N8nRestClient, createUserFolder, ensureN8n, packPackage, runN8nCommand, startN8n } from './n8n-env';
import type { N8nEnv, RunningN8n } from './n8n-env';

const REPO = path.resolve(__dirname, '..');
const DEMO_DIR = path.resolve(process.env.CN_SMS_DEMO_DIR || path.join(REPO, '.demo'));
const USER_FOLDER = path.join(DEMO_DIR, 'n8n');
const STATE_FILE = path.join(DEMO_DIR, 'state.json');
const SIM_PORT_BASE = 18001;
const SIM_UI_PORT = 18000;

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

/** Example workflows that start by themselves, and the push webhook each gateway's pushes go to. */
const PUBLISHED = ['cnsmsDemoReply01', 'cnsmsDemoReport1'];
const PUSH_WEBHOOKS: Record<PushGateway, string> = {
	chinaSms: 'cn-sms-demo-auto-reply',
	smsAdmin: 'cn-sms-demo-smsadmin-reports',
	sms18: 'cn-sms-demo-sms18-reports',
};

interface DemoState {
	packageSha256?: string;
	credentialsImported?: boolean;
	/** Example workflow ids imported (and, for PUBLISHED ones, published) once. */
	workflows?: string[];
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

/** Import what the user folder does not have yet (n8n must not be running). */
function importMissing(env: N8nEnv, state: DemoState, simUrls: Simulator['urls'], brokerPort: number): string[] {
	const run = (args: string[]) => {
		const res = runN8nCommand({ env, userFolder: USER_FOLDER, brokerPort, port: brokerPort + 1 }, args);
		if (res.status !== 0) throw new Error(`n8n ${args.join(' ')} failed:\n${res.stdout}\n${res.stderr}`);
	};
	if (!state.credentialsImported) {
		log('importing credentials that point at the simulator');
		const credentials = simulatorCredentials(simUrls).map((c) => ({ id: DEMO_CREDENTIAL_IDS[c.type], name: c.name, type: c.type, data: c.data }));
		const file = path.join(DEMO_DIR, 'credentials.json');
		fs.writeFileSync(file, JSON.stringify(credentials, null, 2));
		try {
			run(['import:credentials', `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
		state.credentialsImported = true;
		writeState(state);
	}
	const imported = new Set(state.workflows ?? []);
	const examplesDir = path.join(REPO, 'examples');
	const missing = fs
		.readdirSync(examplesDir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((name) => ({ name, id: (JSON.parse(fs.readFileSync(path.join(examplesDir, name), 'utf8')) as { id: string }).id }))
		.filter((e) => !imported.has(e.id));
	if (missing.length === 0) return [];
	log(`importing the example workflows ${missing.map((e) => e.name).join(', ')}`);
	if (imported.size === 0) run(['import:workflow', '--separate', `--input=${examplesDir}`]);
	else for (const e of missing) run(['import:workflow', `--input=${path.join(examplesDir, e.name)}`]);
	return missing.map((e) => e.id);
}

/** Publish the examples that start by themselves, the first time they are imported. */
async function publishFresh(rest: N8nRestClient, fresh: string[], state: DemoState): Promise<void> {
	for (const id of fresh) {
		if (PUBLISHED.includes(id)) {
			const wf = await rest.json<{ versionId: string }>('GET', `/rest/workflows/${id}`);
			await rest.json('POST', `/rest/workflows/${id}/activate`, { versionId: wf.versionId });
			log(`published ${id}`);
		}
		state.workflows = [...(state.workflows ?? []), id];
		writeState(state);
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
	const port = await freePort(Number(process.env.CN_SMS_DEMO_PORT || 5678));
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
		const running = await startN8n({ env, userFolder: USER_FOLDER, port, brokerPort });
		n8n = running;
		const rest = new N8nRestClient(running.url);
		const loggedIn = await login(rest);
		if (loggedIn) await publishFresh(rest, fresh, state);
		else if (fresh.length) log('could not log in as the demo owner: publish the trigger examples in the editor yourself');
		const pushUrls = Object.fromEntries(
			Object.entries(PUSH_WEBHOOKS).map(([g, id]) => [g, `${running.url}/webhook/${id}/cn-sms`]),
		) as Record<PushGateway, string>;
		ui = await startSimulatorUi(sim, { port: SIM_UI_PORT, pushUrls });
		printBanner(running.url, ui.url, loggedIn, sim);
	} catch (error) {
		console.error(`[demo] ${(error as Error).message}`);
		await stop(1);
	}
}

function printBanner(n8nUrl: string, uiUrl: string, loggedIn: boolean, sim: Simulator): void {
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
		'  Example workflows (Overview in the editor):',
		'    CN SMS demo: send a notification          open it and click "Execute workflow"',
		'    CN SMS demo: bulk send from a list        one SMS per customer, batched by the gateway',
		'    CN SMS demo: auto-reply to replies        published: reply on the simulator page to a China SMS message',
		'    CN SMS demo: collect delivery reports     published: click Delivered/Failed on an SMSAdmin, 18SMS or SMS10692 message',
		'',
		`  From the command line (while this runs):  npm run demo -- execute cnsmsDemoNotify1`,
		`  Demo data is kept in ${DEMO_DIR} (delete it to start over).`,
		'',
	];
	console.log(lines.join('\n'));
}

/** `execute <id>`: run one workflow with `n8n execute` in the demo's user folder. */
async function execute(id: string | undefined): Promise<void> {
	if (!id) throw new Error('usage: npm run demo -- execute <workflowId>   (e.g. cnsmsDemoNotify1)');
	if (!fs.existsSync(USER_FOLDER)) throw new Error(`no demo yet in ${DEMO_DIR}: run npm run demo first`);
	if (await portIsFree(SIM_PORT_BASE)) log('warning: the simulator is not running (start npm run demo in another terminal)');
	const env = ensureN8n((line) => log(line));
	const brokerPort = await freePort(15800);
	const port = await freePort(brokerPort + 1);
	const res = runN8nCommand({ env, userFolder: USER_FOLDER, port, brokerPort }, ['execute', `--id=${id}`, '--rawOutput']);
	process.stdout.write(res.stdout);
	if (res.status !== 0) process.stderr.write(res.stderr);
	process.exitCode = res.status ?? 1;
}

const [command, ...rest] = process.argv.slice(2);
(command === 'execute' ? execute(rest[0]) : start()).catch((error: Error) => {
	console.error(`[demo] ${error.message}`);
	process.exit(1);
});
