/**
 * Every process the queue-mode harness starts runs in its own process group, recorded here, so
 * that all of them end with the run: on a normal stop, on a failure, on Ctrl-C / SIGTERM, and even
 * when the test process itself is killed with SIGKILL (a watchdog shell notices that the test
 * process is gone, kills the recorded groups and removes the recorded folders).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const groups = new Map<number, string>();
/** Folders removed with the processes when the run is cut short (unless CN_SMS_KEEP is set). */
const dirs = new Set<string>();
let registryFile: string | null = null;
let watchdogPid: number | null = null;
let handlersInstalled = false;

/** One line per group (`g <pgid>`) and per folder (`d <path>`), read by the watchdog. */
function writeRegistry(): void {
	if (!registryFile) return;
	const keep = process.env.CN_SMS_KEEP ? [] : [...dirs].map((d) => `d ${d}`);
	fs.writeFileSync(registryFile, [...[...groups.keys()].map((g) => `g ${g}`), ...keep].join('\n') + '\n');
}

/** Kill every recorded group now (SIGKILL), synchronously: usable from an 'exit' handler. */
export function killAllGroups(): void {
	for (const pgid of groups.keys()) {
		try {
			process.kill(-pgid, 'SIGKILL');
		} catch {
			// already gone
		}
	}
	groups.clear();
	writeRegistry();
	if (!process.env.CN_SMS_KEEP) for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
	dirs.clear();
}

/** Record a folder to remove if the run is cut short; untrackDir once it was removed normally. */
export function trackDir(dir: string): void {
	dirs.add(dir);
	writeRegistry();
}

export function untrackDir(dir: string): void {
	dirs.delete(dir);
	writeRegistry();
}

function installHandlers(): void {
	if (handlersInstalled) return;
	handlersInstalled = true;
	process.on('exit', () => {
		killAllGroups();
		stopWatchdog();
	});
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
		process.once(signal, () => {
			process.stderr.write(`\n[queue] ${signal}: stopping every process the harness started\n`);
			killAllGroups();
			stopWatchdog();
			process.exit(signal === 'SIGINT' ? 130 : 143);
		});
	}
}

function startWatchdog(): void {
	if (watchdogPid !== null) return;
	registryFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-queue-groups-')), 'groups');
	writeRegistry();
	const script = [
		`while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done`,
		`while read -r kind value; do [ "$kind" = g ] && kill -KILL -- "-$value" 2>/dev/null; done < '${registryFile}'`,
		`sleep 1`,
		`while read -r kind value; do [ "$kind" = d ] && rm -rf -- "$value"; done < '${registryFile}'`,
		`rm -rf '${path.dirname(registryFile)}'`,
	].join('\n');
	const child = spawn('bash', ['-c', script], { detached: true, stdio: 'ignore' });
	child.unref();
	watchdogPid = child.pid ?? null;
}

function stopWatchdog(): void {
	if (watchdogPid === null) return;
	try {
		process.kill(watchdogPid, 'SIGKILL');
	} catch {
		// gone
	}
	watchdogPid = null;
	if (registryFile) fs.rmSync(path.dirname(registryFile), { recursive: true, force: true });
	registryFile = null;
}

/** Record a process group (the pid of a child spawned with `detached: true`). */
export function trackGroup(pgid: number, label: string): void {
	installHandlers();
	startWatchdog();
	groups.set(pgid, label);
	writeRegistry();
}

export function untrackGroup(pgid: number): void {
	groups.delete(pgid);
	writeRegistry();
}

/** Labels of the groups still recorded (for a final check that nothing was left behind). */
export function trackedGroups(): string[] {
	return [...groups.values()];
}

/** Call once everything was stopped: ends the watchdog. */
export function releaseWatchdog(): void {
	stopWatchdog();
}

export function groupAlive(pgid: number): boolean {
	try {
		process.kill(-pgid, 0);
		return true;
	} catch {
		return false;
	}
}
