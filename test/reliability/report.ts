/**
 * Prints the figures the reliability suite measured in its last run (one summary file per test
 * file, written by kit.ts `reportFigures`): `npx jest test/reliability && npx ts-node --transpile-only test/reliability/report.ts`.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { SUMMARY_DIR } from './kit';

if (!existsSync(SUMMARY_DIR)) {
	console.error(`No figures yet: run "npx jest test/reliability" first (${SUMMARY_DIR}).`);
	process.exit(1);
}
for (const file of readdirSync(SUMMARY_DIR).filter((f) => f.endsWith('.json')).sort()) {
	const { name, at, figures } = JSON.parse(readFileSync(join(SUMMARY_DIR, file), 'utf8')) as { name: string; at: string; figures: Record<string, unknown> };
	console.log(`\n${name} (${at})`);
	console.table(figures);
}
