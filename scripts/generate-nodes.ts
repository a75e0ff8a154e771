/**
 * Writes every gateway's node shells from the registry: per gateway `nodes/<Name>/<Name>.node.ts`
 * (action), `<Name>Trigger.node.ts` (polling, where the gateway has fetch-once endpoints) and the
 * push trigger (where it pushes), each with its codex `.node.json`, and the `n8n` lists of
 * package.json. n8n needs one file per node type; everything in them comes from the declaration.
 *
 *   npm run generate:nodes            write the files
 *   npm run generate:nodes -- --check  exit 1 and list the files that are not up to date
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import { ADAPTERS } from '../nodes/gateways/registry';
import type { GatewayDeclaration } from '../nodes/gateways/kit/declaration';
import { actionNodeName, pollingTriggerName, pushTriggerName } from '../nodes/n8n/nodeNames';
import type { NodeName } from '../nodes/n8n/nodeNames';

const REPO = path.resolve(__dirname, '..');
const PACKAGE = 'n8n-nodes-cn-sms';
const README_URL = 'https://www.npmjs.com/package/n8n-nodes-cn-sms';

type Kind = 'action' | 'polling' | 'push';

const BASES: Record<Kind, { base: string; from: string; seams: boolean }> = {
	action: { base: 'ActionNode', from: '../n8n/action/ActionNode', seams: true },
	polling: { base: 'PollingTriggerNode', from: '../n8n/pollingTrigger/PollingTriggerNode', seams: true },
	push: { base: 'PushTriggerNode', from: '../n8n/pushTrigger/PushTriggerNode', seams: false },
};

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export interface ShellFile {
	path: string;
	content: string;
}

function shell(gateway: GatewayDeclaration, kind: Kind, name: NodeName): ShellFile[] {
	const folder = pascal(gateway.id);
	const className = pascal(name.type);
	const { base, from, seams } = BASES[kind];
	const ts = [
		`// Generated from nodes/gateways/${gateway.id}/declaration.ts by \`npm run generate:nodes\`: do not edit.`,
		`import { ${gateway.id} } from '../gateways/${gateway.id}';`,
		`import { ${base} } from '${from}';`,
		...(seams ? [`import type { NodeSeams } from '../n8n/session';`] : []),
		'',
		`export class ${className} extends ${base} {`,
		seams ? '\tconstructor(seams?: NodeSeams) {' : '\tconstructor() {',
		seams ? `\t\tsuper(${gateway.id}, seams);` : `\t\tsuper(${gateway.id});`,
		'\t}',
		'}',
		'',
	].join('\n');
	const alias = [gateway.name, gateway.chineseName, gateway.site, 'SMS', '短信', '短信平台', ...(kind === 'action' ? [] : ['上行短信', '状态报告'])];
	const codex = {
		node: `${PACKAGE}.${name.type}`,
		nodeVersion: '1.0',
		codexVersion: '1.0',
		categories: ['Communication'],
		subcategories: { Communication: ['SMS'] },
		alias: alias.filter((a): a is string => Boolean(a)),
		resources: {
			primaryDocumentation: [{ url: README_URL }],
			credentialDocumentation: [{ url: README_URL }],
		},
	};
	const dir = path.join('nodes', folder);
	return [
		{ path: path.join(dir, `${className}.node.ts`), content: ts },
		{ path: path.join(dir, `${className}.node.json`), content: `${JSON.stringify(codex, null, '\t')}\n` },
	];
}

export function shellFiles(): ShellFile[] {
	return Object.values(ADAPTERS).flatMap(({ declaration: d }) => [
		...shell(d, 'action', actionNodeName(d)),
		...(d.polling ? shell(d, 'polling', pollingTriggerName(d)) : []),
		...(d.push ? shell(d, 'push', pushTriggerName(d)) : []),
	]);
}

/** package.json with its `n8n` lists as the registry makes them. */
export function packageJson(current: string): string {
	const pkg = JSON.parse(current) as { n8n: { nodes: string[]; credentials: string[] } };
	pkg.n8n.nodes = shellFiles()
		.filter((f) => f.path.endsWith('.node.ts'))
		.map((f) => `dist/${f.path.replace(/\.ts$/, '.js')}`);
	const types = [...new Set(Object.values(ADAPTERS).flatMap((a) => a.declaration.credentials.map((c) => c.type)))];
	pkg.n8n.credentials = types.map((t) => `dist/credentials/${pascal(t)}.credentials.js`);
	return `${JSON.stringify(pkg, null, 2)}\n`;
}

function main(): void {
	const check = process.argv.includes('--check');
	const files = [...shellFiles(), { path: 'package.json', content: packageJson(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8')) }];
	const stale = files.filter((f) => !fs.existsSync(path.join(REPO, f.path)) || fs.readFileSync(path.join(REPO, f.path), 'utf8') !== f.content);
	if (check) {
		if (stale.length > 0) {
			console.error(`Not up to date (run npm run generate:nodes): ${stale.map((f) => f.path).join(', ')}`);
			process.exit(1);
		}
		return;
	}
	for (const file of stale) {
		fs.mkdirSync(path.dirname(path.join(REPO, file.path)), { recursive: true });
		fs.writeFileSync(path.join(REPO, file.path), file.content);
		console.log(`wrote ${file.path}`);
	}
}

if (require.main === module) main();
