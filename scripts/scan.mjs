#!/usr/bin/env node
// npm run scan: n8n's own package scanner (@n8n/scan-community-package, pinned in devDependencies)
// on what `npm pack` would publish and on the source, the three ways the scanner looks at a package:
//
//   tarball   analyzePackage(dir)                                   its default patterns (**/*.js, **/*.ts, **/*.json)
//   registry  analyzePackage(dir, ['**/*.js', 'package.json'])      how it scans a published version's tarball
//   source    analyzePackage(repoRoot, SOURCE_FILE_PATTERNS)        how it scans the attested source checkout
//
// analyzePackage only answers pass/fail, fails on errors alone and shows warnings only beside an
// error, so each leg is also linted here with the scanner's own config (buildScanConfig), the same
// ESLint options and the same file list, to print every finding, warnings included. Where the
// scanner printed details, they must equal this run's output formatted the same way; where it
// passed, this run must have no error; otherwise the script says they disagree and fails.
//
// Last, `npm run lint` must report exactly what the source leg reports (same files, same findings).
// Exit code 0 only when all three legs have zero findings (errors and warnings) and lint agrees.
// Usage: npm run scan [-- --no-build]   (--no-build: scan the dist/ an earlier `npm run build` left)
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { ESLint } from 'eslint';
import glob from 'fast-glob';
import tmp from 'tmp';
import {
	analyzePackage,
	buildScanConfig,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

// The scanner makes a temporary directory when it is imported and leaves it behind unless asked.
tmp.setGracefulCleanup();

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const noBuild = process.argv.includes('--no-build');

const run = (command, args, cwd) =>
	execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

// The same ESLint run as analyzePackage (scanner.mjs): options, glob and ignores copied from it.
const IGNORE = ['node_modules/**', '**/package-lock.json'];
async function lintLikeTheScanner(dir, patterns) {
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: IGNORE });
	const results = files.length === 0 ? [] : await eslint.lintFiles(files);
	const formatter = await eslint.loadFormatter('stylish');
	return { files, results, stylish: await formatter.format(results) };
}

async function scanLeg(name, dir, dirLabel, patterns) {
	console.log(`\n=== ${name}: analyzePackage(${dirLabel}${patterns ? `, ${JSON.stringify(patterns)}` : ''}) ===`);
	const verdict = patterns ? await analyzePackage(dir, patterns) : await analyzePackage(dir);
	const { files, results, stylish } = await lintLikeTheScanner(dir, patterns ?? ['**/*.js', '**/*.ts', '**/*.json']);

	const findings = [];
	for (const result of results) {
		for (const m of result.messages) {
			findings.push({
				file: path.relative(dir, result.filePath),
				line: m.line ?? 0,
				column: m.column ?? 0,
				severity: m.severity === 2 ? 'error' : 'warning',
				rule: m.ruleId ?? '(eslint)',
				message: m.message.replace(/\s+/g, ' '),
			});
		}
	}
	for (const f of findings) {
		console.log(`${f.file}:${f.line}:${f.column}  ${f.severity}  ${f.rule}  ${f.message}`);
	}
	const errors = findings.filter((f) => f.severity === 'error').length;

	const problems = [];
	if (files.length === 0) problems.push('no files to analyze');
	if (verdict.error) problems.push(`the scanner could not run: ${verdict.message}`);
	else if (verdict.passed !== (errors === 0)) {
		problems.push(`the scanner says ${verdict.passed ? 'passed' : 'failed'}, this run found ${errors} error(s)`);
	} else if (verdict.details !== undefined && verdict.details !== stylish) {
		problems.push("the scanner's details differ from this run's findings");
	}
	for (const p of problems) console.log(`DISAGREEMENT: ${p}`);

	const count = `${findings.length} findings (${errors} errors, ${findings.length - errors} warnings) in ${files.length} files`;
	console.log(`${name}: ${count}; scanner verdict: ${verdict.passed ? 'passed' : `failed (${verdict.message})`}`);
	return { name, count, files, results, ok: findings.length === 0 && problems.length === 0 };
}

// `npm run lint` (eslint.config.mjs, the arguments of the lint script) must lint the same files and
// report the same findings as the scanner's source leg, so a developer sees a finding before CI does.
async function lintParity(source) {
	console.log('\n=== lint parity: npm run lint against the source leg ===');
	const lintScript = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts.lint;
	const [command, ...targets] = lintScript.split(/\s+/);
	const problems = [];
	let lintFiles = [];
	let lintFindings = [];
	if (command !== 'eslint' || targets.some((t) => t.startsWith('-'))) {
		problems.push(`the lint script is not a plain "eslint <paths>": ${lintScript}`);
	} else {
		const eslint = new ESLint({ cwd: repoRoot });
		const results = await eslint.lintFiles(targets);
		lintFiles = results.map((r) => r.filePath);
		lintFindings = results.flatMap((r) => r.messages.map((m) => key(r.filePath, m)));
	}
	const scanFiles = source.files;
	const scanFindings = source.results.flatMap((r) => r.messages.map((m) => key(r.filePath, m)));
	for (const f of difference(scanFiles, lintFiles)) problems.push(`scanned but not linted: ${path.relative(repoRoot, f)}`);
	for (const f of difference(lintFiles, scanFiles)) problems.push(`linted but not scanned: ${path.relative(repoRoot, f)}`);
	for (const f of difference(scanFindings, lintFindings)) problems.push(`the scanner reports, lint does not: ${f}`);
	for (const f of difference(lintFindings, scanFindings)) problems.push(`lint reports, the scanner does not: ${f}`);
	for (const p of problems) console.log(`DISAGREEMENT: ${p}`);
	const count = `${lintFiles.length} files and ${lintFindings.length} findings, ${problems.length} differences from the source leg`;
	console.log(`lint parity: ${count}`);
	return { name: 'lint', count, ok: problems.length === 0 };
}

function key(filePath, m) {
	const severity = m.severity === 2 ? 'error' : 'warning';
	return `${path.relative(repoRoot, filePath)}:${m.line ?? 0}:${m.column ?? 0} ${severity} ${m.ruleId ?? '(eslint)'} ${m.message}`;
}

function difference(a, b) {
	const inB = new Set(b);
	return [...new Set(a)].filter((x) => !inB.has(x)).sort();
}

if (!noBuild) execFileSync('npm', ['run', 'build'], { cwd: repoRoot, stdio: 'inherit' });

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-scan-'));
let legs;
try {
	// Pack exactly what npm would publish (the `files` list of package.json), then unpack it the way
	// the scanner does (tar --strip-components=1).
	const [packed] = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], repoRoot));
	const packageDir = path.join(work, 'package');
	fs.mkdirSync(packageDir);
	run('tar', ['-xzf', path.join(work, packed.filename), '-C', packageDir, '--strip-components=1'], work);
	console.log(`packed ${packed.filename}: ${packed.files.length} files, ${packed.size} bytes`);

	legs = [
		await scanLeg('tarball', packageDir, '<unpacked tarball>'),
		await scanLeg('registry', packageDir, '<unpacked tarball>', ['**/*.js', 'package.json']),
	];
	const source = await scanLeg('source', repoRoot, '<repository>', SOURCE_FILE_PATTERNS);
	legs.push(source, await lintParity(source));
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

console.log('\n=== scan summary ===');
for (const leg of legs) console.log(`${leg.ok ? 'PASS' : 'FAIL'}  ${leg.name.padEnd(8)} ${leg.count}`);
process.exitCode = legs.every((leg) => leg.ok) ? 0 : 1;
