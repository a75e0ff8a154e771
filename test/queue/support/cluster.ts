/**
 * n8n 2.41.1 in queue mode on loopback: Redis, Postgres, one main process (editor, REST API,
 * activation, polls), two workers (`n8n worker`: the executions) and a webhook processor
 * (`n8n webhook`: production webhooks; a second one on demand). Every n8n process has its own user
 * folder with this package installed the way the community-nodes panel installs it, and they share
 * one N8N_ENCRYPTION_KEY, the database and Redis. N8N_DISABLE_PRODUCTION_MAIN_PROCESS=true: the
 * main process serves no production webhook.
 *
 * Which worker ran an execution is not in Postgres; each worker logs
 * `Worker started execution <id> (job <n>)` (n8n's scaling/job-processor), parsed here.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import { N8nRestClient, createUserFolder, ensureN8n, packPackage, startN8n } from '../../../scripts/n8n-env';
import type { N8nEnv, RunningN8n } from '../../../scripts/n8n-env';
import { releaseWatchdog, trackDir, trackGroup, trackedGroups, untrackDir, untrackGroup } from './processes';
import type { Postgres, Service } from './services';
import { DATABASE, portIsFree, startPostgres, startRedis } from './services';

/** The stage's loopback ports (none shared with the other suites). */
export const PORTS = {
	main: 19678,
	mainBroker: 19679,
	workers: [
		{ health: 19680, broker: 19681 },
		{ health: 19682, broker: 19683 },
	],
	webhook: 19690,
	webhookBroker: 19684,
	/** A second webhook processor, for the long-message case. */
	webhook2: 19689,
	webhook2Broker: 19685,
	redis: 19379,
	postgres: 19432,
	simulatorBase: 19121,
} as const;

export type Role = 'main' | 'worker' | 'webhook';

export interface N8nProcess {
	name: string;
	role: Role;
	/** HTTP port: the editor/API (main), the health server (worker), webhooks (webhook). */
	port: number;
	brokerPort: number;
	userFolder: string;
	logFile: string;
	running: RunningN8n | null;
	log(): string;
	start(): Promise<number>;
	/** SIGTERM and wait; returns how long the process took to exit, in ms. */
	stop(): Promise<number>;
	/** SIGKILL of the process group (n8n and its task runner), at once. */
	kill(): void;
}

export interface Cluster {
	env: N8nEnv;
	redis: Service;
	pg: Postgres;
	main: N8nProcess;
	workers: N8nProcess[];
	webhook: N8nProcess;
	rest: N8nRestClient;
	/** Base URL of the webhook processor (production webhooks go there). */
	webhookBase: string;
	tarball: string;
	dir: string;
	/** Start-up timings, ms. */
	timings: Record<string, number>;
	/** Another webhook processor (own user folder), started now. */
	addWebhookProcessor(port: number, brokerPort: number, name: string): Promise<N8nProcess>;
	/** Execution id → worker name, from every worker's log. */
	workerOf(): Map<string, string>;
	/** Stops everything (n8n processes, Redis, Postgres) and removes the folders. */
	stop(): Promise<void>;
}

const WORKER_STARTED = /Worker started execution (\d+) \(job (\d+)\)/g;

/** Execution ids a worker's log says it started, in order. */
export function startedExecutions(log: string): string[] {
	return [...log.matchAll(WORKER_STARTED)].map((m) => m[1]);
}

function queueEnv(key: string, webhookBase: string): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(PORTS.redis),
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(PORTS.postgres),
		DB_POSTGRESDB_DATABASE: DATABASE,
		DB_POSTGRESDB_USER: 'postgres',
		DB_POSTGRESDB_PASSWORD: '',
		N8N_ENCRYPTION_KEY: key,
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		WEBHOOK_URL: `${webhookBase}/`,
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_FORMAT: 'text',
		NO_COLOR: '1',
	};
}

function n8nProcess(
	env: N8nEnv,
	role: Role,
	name: string,
	port: number,
	brokerPort: number,
	userFolder: string,
	extraEnv: Record<string, string>,
): N8nProcess {
	const logFile = path.join(userFolder, `${name}.log`);
	const command = role === 'main' ? ['start'] : role === 'worker' ? ['worker'] : ['webhook'];
	const proc: N8nProcess = {
		name,
		role,
		port,
		brokerPort,
		userFolder,
		logFile,
		running: null,
		log: () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : ''),
		start: async () => {
			const t = Date.now();
			const running = await startN8n({
				env,
				userFolder,
				port,
				brokerPort,
				command,
				logFile,
				timeoutMs: 240_000,
				extraEnv: {
					...extraEnv,
					...(role === 'worker' ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' } : {}),
				},
			});
			proc.running = running;
			const pid = running.process.pid!;
			trackGroup(pid, name);
			running.process.once('exit', () => untrackGroup(pid));
			return Date.now() - t;
		},
		stop: async () => {
			const running = proc.running;
			if (!running) return 0;
			const t = Date.now();
			await running.stop();
			proc.running = null;
			return Date.now() - t;
		},
		kill: () => {
			const pid = proc.running?.process.pid;
			if (pid === undefined) return;
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// gone
			}
			proc.running = null;
		},
	};
	return proc;
}

function userFolderWithPackage(tarball: string, dir: string, name: string): string {
	return createUserFolder({ tarball, folder: path.join(dir, name) });
}

async function assertPortsFree(ports: number[]): Promise<void> {
	for (const p of ports) {
		if (!(await portIsFree(p))) throw new Error(`port ${p} on 127.0.0.1 is in use: is an earlier queue run still going?`);
	}
}

export interface ClusterOptions {
	workers?: number;
	log?: (line: string) => void;
}

/** Starts Redis, Postgres, main, the workers and the webhook processor; logs in as the owner. */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
	const log = options.log ?? ((line: string) => process.stderr.write(`[queue] ${line}\n`));
	const workerCount = options.workers ?? 2;
	const t0 = Date.now();
	const timings: Record<string, number> = {};
	const env = ensureN8n();
	await assertPortsFree([
		PORTS.main,
		PORTS.mainBroker,
		PORTS.webhook,
		PORTS.webhookBroker,
		...PORTS.workers.slice(0, workerCount).flatMap((w) => [w.health, w.broker]),
	]);
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-queue-'));
	trackDir(dir);
	const started: Array<{ stop(): Promise<unknown> }> = [];
	const stopAll = async () => {
		for (const s of started.reverse()) await s.stop().catch(() => undefined);
	};
	try {
		const redis = await startRedis(PORTS.redis, dir);
		started.push(redis);
		const pg = await startPostgres(PORTS.postgres);
		started.push(pg);
		timings.services = Date.now() - t0;
		log(`redis and postgres ready in ${timings.services} ms (initdb ${pg.timings.initdb} ms, postgres start ${pg.timings.start} ms)`);

		const t1 = Date.now();
		const tarball = packPackage(path.join(dir));
		const webhookBase = `http://127.0.0.1:${PORTS.webhook}`;
		const key = randomBytes(24).toString('hex');
		const common = queueEnv(key, webhookBase);
		const folders = ['main', ...PORTS.workers.slice(0, workerCount).map((_, i) => `worker${i + 1}`), 'webhook'].map((name) => ({
			name,
			folder: userFolderWithPackage(tarball, dir, name),
		}));
		timings.install = Date.now() - t1;
		log(`package packed and installed into ${folders.length} user folders in ${timings.install} ms`);

		const folderOf = (name: string) => folders.find((f) => f.name === name)!.folder;
		const main = n8nProcess(env, 'main', 'main', PORTS.main, PORTS.mainBroker, folderOf('main'), common);
		const workers = PORTS.workers
			.slice(0, workerCount)
			.map((w, i) => n8nProcess(env, 'worker', `worker${i + 1}`, w.health, w.broker, folderOf(`worker${i + 1}`), common));
		const webhook = n8nProcess(env, 'webhook', 'webhook', PORTS.webhook, PORTS.webhookBroker, folderOf('webhook'), common);
		const all = [main, ...workers, webhook];
		started.push({ stop: async () => Promise.all(all.map((p) => p.stop())) });

		// Main first: it runs the database migrations the others wait for.
		timings.main = await main.start();
		log(`main ready in ${timings.main} ms`);
		const t2 = Date.now();
		await Promise.all([...workers, webhook].map(async (p) => (timings[p.name] = await p.start())));
		timings.others = Date.now() - t2;
		log(`workers and webhook processor ready in ${timings.others} ms (${workers.map((w) => `${w.name} ${timings[w.name]} ms`).join(', ')}, webhook ${timings.webhook} ms)`);

		const rest = new N8nRestClient(`http://127.0.0.1:${PORTS.main}`);
		await rest.login();
		timings.total = Date.now() - t0;

		const extra: N8nProcess[] = [];
		return {
			env,
			redis,
			pg,
			main,
			workers,
			webhook,
			rest,
			webhookBase,
			tarball,
			dir,
			timings,
			addWebhookProcessor: async (port, brokerPort, name) => {
				await assertPortsFree([port, brokerPort]);
				const p = n8nProcess(env, 'webhook', name, port, brokerPort, userFolderWithPackage(tarball, dir, name), common);
				extra.push(p);
				await p.start();
				return p;
			},
			workerOf: () => {
				const map = new Map<string, string>();
				for (const w of workers) for (const id of startedExecutions(w.log())) map.set(id, w.name);
				return map;
			},
			stop: async () => {
				await Promise.all(extra.map((p) => p.stop()));
				await stopAll();
				releaseWatchdog();
				const left = trackedGroups();
				if (left.length) log(`still running after stop: ${left.join(', ')}`);
				if (process.env.CN_SMS_KEEP) log(`folders kept: ${dir}`);
				else fs.rmSync(dir, { recursive: true, force: true });
				untrackDir(dir);
			},
		};
	} catch (error) {
		await stopAll();
		if (!process.env.CN_SMS_KEEP) fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
}
