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
import { actionNodeDescription } from '../nodes/n8n/action/description';
import { actionNodeName, pollingTriggerName, pushTriggerName } from '../nodes/n8n/nodeNames';
import { pollingTriggerDescription } from '../nodes/n8n/pollingTrigger/description';
import { pushTriggerDescription } from '../nodes/n8n/pushTrigger/description';
import type { NodeName } from '../nodes/n8n/nodeNames';

const REPO = path.resolve(__dirname, '..');
const PACKAGE = 'n8n-nodes-cn-sms';
const README_URL = 'https://www.npmjs.com/package/n8n-nodes-cn-sms';

type Kind = 'action' | 'polling' | 'push';

const pascal = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

export interface ShellFile {
	path: string;
	content: string;
}

/** A value as a TypeScript literal, tab-indented at `depth`. */
function literal(value: unknown, depth: number): string {
	const pad = '\t'.repeat(depth);
	if (Array.isArray(value)) {
		if (value.every((v) => typeof v !== 'object')) return `[${value.map((v) => literal(v, depth)).join(', ')}]`;
		return `[\n${value.map((v) => `${pad}\t${literal(v, depth + 1)},`).join('\n')}\n${pad}]`;
	}
	if (typeof value === 'object' && value !== null) {
		const entries = Object.entries(value).map(([k, v]) => `${/^[A-Za-z_$][\w$]*$/.test(k) ? k : `'${k}'`}: ${literal(v, depth + 1)}`);
		const flat = `{ ${entries.join(', ')} }`;
		return flat.length <= 100 ? flat : `{\n${entries.map((e) => `${pad}\t${e},`).join('\n')}\n${pad}}`;
	}
	return typeof value === 'string' ? `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'` : String(value);
}

/**
 * A node shell: n8n's scanner reads a node's icon, subtitle, usableAsTool, credentials and webhook
 * methods only where they are written out in the class, so those are spelled out here (from the
 * same builders the rest of the description comes from; a test keeps them equal).
 */
function shell(gateway: GatewayDeclaration, kind: Kind, name: NodeName): ShellFile[] {
	const folder = pascal(gateway.id);
	const className = pascal(name.type);
	const description = { action: actionNodeDescription, polling: pollingTriggerDescription, push: pushTriggerDescription }[kind](gateway);
	const builder = { action: 'actionNodeDescription', polling: 'pollingTriggerDescription', push: 'pushTriggerDescription' }[kind];
	const builderFrom = { action: '../n8n/action/description', polling: '../n8n/pollingTrigger/description', push: '../n8n/pushTrigger/description' }[kind];
	const fields = [
		`\t\ticon: ${literal(description.icon, 2)},`,
		`\t\tsubtitle: ${literal(description.subtitle, 2)},`,
		...(kind === 'action' ? ['\t\tusableAsTool: true,'] : []),
		...(description.credentials ? [`\t\tcredentials: ${literal(description.credentials, 2)},`] : []),
	];
	const types = { action: 'IExecuteFunctions, INodeExecutionData', polling: 'INodeExecutionData, IPollFunctions', push: 'IHookFunctions, IWebhookFunctions, IWebhookResponseData' }[kind];
	const imports = [
		`import type { ${types}, INodeType, INodeTypeDescription } from 'n8n-workflow';`,
		'',
		`import { ${gateway.id} } from '../gateways/${gateway.id}';`,
		`import { ${builder} } from '${builderFrom}';`,
		...(kind === 'action' ? [`import { actionExecute } from '../n8n/action/execute';`] : []),
		...(kind === 'polling' ? [`import { pollFor } from '../n8n/pollingTrigger/pollFor';`] : []),
		...(kind === 'push' ? [`import { pushHooks } from '../n8n/pushTrigger/hooks';`, `import { webhookFor } from '../n8n/pushTrigger/webhook';`] : []),
		...(kind !== 'push' ? [`import { testGatewayCredentials } from '../n8n/session';`] : []),
		`import type { NodeSeams } from '../n8n/session';`,
	];
	const body =
		kind === 'push'
			? [
					'\twebhookMethods = {',
					'\t\tdefault: {',
					...(['checkExists', 'create', 'delete'] as const).flatMap((m) => [
						`\t\t\tasync ${m}(this: IHookFunctions): Promise<boolean> {`,
						`\t\t\t\treturn await pushHooks.${m}.call(this, ${gateway.id});`,
						'\t\t\t},',
					]),
					'\t\t},',
					'\t};',
					'',
					'\twebhook: (this: IWebhookFunctions) => Promise<IWebhookResponseData>;',
					'',
					'\t/** `seams`: the clock the node reads (tests hand their own). */',
					'\tconstructor(seams: NodeSeams = {}) {',
					`\t\tthis.webhook = webhookFor(${gateway.id}, seams);`,
					'\t}',
				]
			: [
					'\tmethods = { credentialTest: { gatewayCredentialTest: testGatewayCredentials } };',
					'',
					kind === 'action'
						? '\texecute: (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;'
						: '\tpoll: (this: IPollFunctions) => Promise<INodeExecutionData[][] | null>;',
					'',
					'\t/** `seams`: the clock and sleep the node hands the gateway layer (tests hand their own). */',
					'\tconstructor(seams: NodeSeams = {}) {',
					kind === 'action' ? `\t\tthis.execute = actionExecute(${gateway.id}, seams);` : `\t\tthis.poll = pollFor(${gateway.id}, seams);`,
					'\t}',
				];
	const ts = [
		`// Generated from nodes/gateways/${gateway.id}/declaration.ts by \`npm run generate:nodes\`: do not edit.`,
		...imports,
		'',
		`export class ${className} implements INodeType {`,
		'\tdescription: INodeTypeDescription = {',
		`\t\t...${builder}(${gateway.id}.declaration),`,
		...fields,
		'\t};',
		'',
		...body,
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
