/**
 * Transpiles the package, the test harness, the simulator and the bench into one temporary folder
 * (TypeScript's transpileModule, no type check), so each measuring child process starts in about a
 * second on plain JavaScript, as the published package runs, instead of compiling under ts-node.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import * as ts from 'typescript';

export const REPO_DIR = path.resolve(__dirname, '..');
const SOURCE_DIRS = ['nodes', 'credentials', 'test/harness', 'test/simulator', 'bench', 'scripts'];

function walk(dir: string, out: string[]): void {
	if (!fs.existsSync(dir)) return;
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const full = path.join(dir, entry.name);
		if (entry.isDirectory()) walk(full, out);
		else out.push(full);
	}
}

/** Returns the folder that mirrors the repository layout with .js files. */
export function buildBench(outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-bench-js-'))): string {
	const compilerOptions: ts.CompilerOptions = {
		module: ts.ModuleKind.CommonJS,
		target: ts.ScriptTarget.ES2021,
		esModuleInterop: true,
		resolveJsonModule: true,
		useUnknownInCatchVariables: false,
		sourceMap: false,
	};
	const files: string[] = [];
	for (const dir of SOURCE_DIRS) walk(path.join(REPO_DIR, dir), files);
	for (const file of files) {
		const rel = path.relative(REPO_DIR, file);
		const target = path.join(outDir, rel);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		if (file.endsWith('.ts') && !file.endsWith('.d.ts')) {
			const { outputText } = ts.transpileModule(fs.readFileSync(file, 'utf8'), { compilerOptions, fileName: file });
			fs.writeFileSync(target.replace(/\.ts$/, '.js'), outputText);
		} else if (file.endsWith('.json')) {
			fs.copyFileSync(file, target);
		}
	}
	// Packages resolve from the repository's node_modules.
	fs.symlinkSync(path.join(REPO_DIR, 'node_modules'), path.join(outDir, 'node_modules'), 'dir');
	fs.copyFileSync(path.join(REPO_DIR, 'package.json'), path.join(outDir, 'package.json'));
	return outDir;
}
