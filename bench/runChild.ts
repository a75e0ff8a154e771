/** Runs one bench/child.ts task in a fresh Node process and returns its JSON result. */
import { spawn } from 'node:child_process';
import * as path from 'node:path';

export async function runChild<T>(buildDir: string, task: string, args: unknown, extraNodeArgs: string[] = []): Promise<T> {
	const script = path.join(buildDir, 'bench', 'child.js');
	return await new Promise<T>((resolve, reject) => {
		const child = spawn(process.execPath, [...extraNodeArgs, script, task, JSON.stringify(args)], {
			cwd: buildDir,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, NODE_ENV: 'production' },
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
		child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
		child.on('error', reject);
		child.on('close', (code) => {
			const last = stdout.trim().split('\n').pop() ?? '';
			if (code !== 0) return reject(new Error(`child ${task} exited with ${code}: ${stderr.trim().split('\n').slice(-8).join('\n')}`));
			try {
				resolve(JSON.parse(last) as T);
			} catch {
				reject(new Error(`child ${task} printed no result: ${stdout.slice(-500)} ${stderr.slice(-500)}`));
			}
		});
	});
}
