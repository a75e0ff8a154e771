import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// scripts/renderNodes.mjs is an ES module (the scanner it serves is one); jest here runs CommonJS,
// so each case runs it in a child Node process.
const RENDER = path.resolve(__dirname, '../../scripts/renderNodes.mjs');
const NODE_MODULES = path.resolve(__dirname, '../../node_modules');

let pkg: string;
let out: string;

beforeEach(() => {
	pkg = fs.mkdtempSync(path.join(os.tmpdir(), 'render-nodes-pkg-'));
	out = fs.mkdtempSync(path.join(os.tmpdir(), 'render-nodes-out-'));
	fs.symlinkSync(NODE_MODULES, path.join(pkg, 'node_modules'));
	write('package.json', JSON.stringify({ name: 'fixture', n8n: { nodes: ['dist/nodes/Demo/DemoTrigger.node.js'] } }));
	write('credentials/DemoApi.credentials.ts', 'export class DemoApi {}\n');
	write('credentials/helper.ts', 'export const x = 1;\n');
	write('icons/demo.svg', '<svg/>');
	write('nodes/Demo/demo.svg', '<svg/>');
	write('nodes/Demo/DemoTrigger.node.json', '{}');
	write('nodes/Demo/description.ts', 'export const notCopied = 1;\n');
});

afterEach(() => {
	fs.rmSync(pkg, { recursive: true, force: true });
	fs.rmSync(out, { recursive: true, force: true });
});

function write(rel: string, text: string): void {
	fs.mkdirSync(path.dirname(path.join(pkg, rel)), { recursive: true });
	fs.writeFileSync(path.join(pkg, rel), text);
}

/** Runs renderPackage(pkg, out) in a child process: its return value, or the error it threw. */
function render(): { rendered?: string[]; error?: string } {
	const script = `
		import { renderPackage } from ${JSON.stringify(RENDER)};
		try { console.log(JSON.stringify({ rendered: renderPackage(process.argv[1], process.argv[2]) })); }
		catch (error) { console.log(JSON.stringify({ error: error.message })); }`;
	const stdout = execFileSync(process.execPath, ['--input-type=module', '-e', script, pkg, out], { encoding: 'utf8' });
	return JSON.parse(stdout) as { rendered?: string[]; error?: string };
}

const TRIGGER_NODE = `
class DemoTrigger {
	constructor() {
		this.description = {
			displayName: 'Demo Trigger',
			name: 'demoTrigger',
			group: ['trigger'],
			inputs: [],
			outputs: ['main', 'ai_tool'],
			skipped: undefined,
			properties: [
				{ displayName: "It's", name: 'a', type: 'string', default: 'x\\\\y\\nz', displayOptions: { show: { '@version': [1] } } },
			],
		};
		this.webhookMethods = { default: { checkExists() {}, create() {}, delete() {} } };
		this.webhook = () => undefined;
	}
}
exports.DemoTrigger = DemoTrigger;
`;

test('writes the built node as a literal class at its source path, beside the files the rules read', () => {
	write('dist/nodes/Demo/DemoTrigger.node.js', TRIGGER_NODE);

	expect(render()).toEqual({ rendered: ['nodes/Demo/DemoTrigger.node.ts'] });
	expect(fs.readFileSync(path.join(out, 'nodes/Demo/DemoTrigger.node.ts'), 'utf8')).toBe(
		[
			'// Rendered by npm run scan from the built node: what n8n sees, as a literal.',
			"import type { IHookFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';",
			"import { NodeConnectionTypes } from 'n8n-workflow';",
			'',
			'declare const rendered: never;',
			'',
			'export class DemoTrigger implements INodeType {',
			'\tdescription: INodeTypeDescription = {',
			"\t\tdisplayName: 'Demo Trigger',",
			"\t\tname: 'demoTrigger',",
			'\t\tgroup: [',
			"\t\t\t'trigger',",
			'\t\t],',
			'\t\tinputs: [],',
			'\t\toutputs: [',
			'\t\t\tNodeConnectionTypes.Main,',
			'\t\t\tNodeConnectionTypes.AiTool,',
			'\t\t],',
			'\t\tproperties: [',
			'\t\t\t{',
			"\t\t\t\tdisplayName: 'It\\'s',",
			"\t\t\t\tname: 'a',",
			"\t\t\t\ttype: 'string',",
			"\t\t\t\tdefault: 'x\\\\y\\nz',",
			'\t\t\t\tdisplayOptions: {',
			'\t\t\t\t\tshow: {',
			"\t\t\t\t\t\t'@version': [",
			'\t\t\t\t\t\t\t1,',
			'\t\t\t\t\t\t],',
			'\t\t\t\t\t},',
			'\t\t\t\t},',
			'\t\t\t},',
			'\t\t],',
			'\t};',
			'',
			'\twebhookMethods = {',
			'\t\tdefault: {',
			'\t\t\tasync checkExists(this: IHookFunctions): Promise<boolean> {',
			'\t\t\t\treturn this.getNode() !== undefined;',
			'\t\t\t},',
			'\t\t\tasync create(this: IHookFunctions): Promise<boolean> {',
			'\t\t\t\treturn this.getNode() !== undefined;',
			'\t\t\t},',
			'\t\t\tasync delete(this: IHookFunctions): Promise<boolean> {',
			'\t\t\t\treturn this.getNode() !== undefined;',
			'\t\t\t},',
			'\t\t},',
			'\t};',
			'',
			'\twebhook = rendered;',
			'}',
			'',
		].join('\n'),
	);
	const copied = fs.readdirSync(out, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(out, path.join(entry.parentPath, entry.name)))
		.sort();
	expect(copied).toEqual([
		'credentials/DemoApi.credentials.ts',
		'credentials/helper.ts',
		'icons/demo.svg',
		'nodes/Demo/DemoTrigger.node.json',
		'nodes/Demo/DemoTrigger.node.ts',
		'nodes/Demo/demo.svg',
		'package.json',
	]);
});

test('renders only the lifecycle methods and the run method the node really has', () => {
	write(
		'dist/nodes/Demo/DemoTrigger.node.js',
		`class DemoTrigger {
			constructor() {
				this.description = { name: 'demoTrigger' };
				this.webhookMethods = { default: { checkExists() {}, create() {} } };
			}
			async poll() { return null; }
		}
		exports.DemoTrigger = DemoTrigger;`,
	);

	expect(render()).toEqual({ rendered: ['nodes/Demo/DemoTrigger.node.ts'] });
	const text = fs.readFileSync(path.join(out, 'nodes/Demo/DemoTrigger.node.ts'), 'utf8');
	expect(text.slice(text.indexOf('\twebhookMethods'))).toBe(
		[
			'\twebhookMethods = {',
			'\t\tdefault: {',
			'\t\t\tasync checkExists(this: IHookFunctions): Promise<boolean> {',
			'\t\t\t\treturn this.getNode() !== undefined;',
			'\t\t\t},',
			'\t\t\tasync create(this: IHookFunctions): Promise<boolean> {',
			'\t\t\t\treturn this.getNode() !== undefined;',
			'\t\t\t},',
			'\t\t},',
			'\t};',
			'',
			'\tpoll = rendered;',
			'}',
			'',
		].join('\n'),
	);
});

test('refuses a description holding a function, and a node file exporting two classes', () => {
	write(
		'dist/nodes/Demo/DemoTrigger.node.js',
		`exports.DemoTrigger = class { constructor() { this.description = { name: 'd', properties: [{ default: () => 1 }] }; } };`,
	);
	expect(render()).toEqual({ error: 'a function at description.properties.0.default: descriptions must be data' });

	write('dist/nodes/Demo/DemoTrigger.node.js', `exports.A = class {}; exports.B = class {};`);
	expect(render()).toEqual({ error: 'dist/nodes/Demo/DemoTrigger.node.js exports 2 classes; a node file exports exactly one' });
});
