// Renders every node the package registers as the literal class n8n's scanner can read.
//
// The scanner's rules read node classes statically: they look for `class X implements INodeType`
// (or `extends Node`) whose `description` is an object literal, and skip anything else. A node whose
// description is built by a function, or whose class extends a shared base class, is therefore not
// checked at all. This module loads each built node (dist/, as n8n loads it), instantiates it and
// writes what n8n sees: the description as a literal, the webhook lifecycle methods it really has
// (names only), and the run method it really has, each at the source path of the node, next to the
// real package.json, credentials, icons and codex files. npm run scan lints that tree with the
// scanner's config, so icon, subtitle, usableAsTool, trigger naming, webhooks, credentials and
// every parameter are checked whatever shape the node file has.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Writes the rendered package into `target`; returns the rendered node files (relative paths). */
export function renderPackage(repoRoot, target) {
	const require = createRequire(path.join(repoRoot, 'package.json'));
	const { NodeConnectionTypes } = require('n8n-workflow');
	const connectionKey = new Map(Object.entries(NodeConnectionTypes).map(([key, value]) => [value, key]));
	const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

	copy(repoRoot, target, 'package.json');
	for (const dir of ['credentials', 'icons', 'nodes']) {
		for (const file of listFiles(path.join(repoRoot, dir))) {
			const rel = path.relative(repoRoot, file);
			// Credentials as they are (they are classes with literal fields already); from nodes/ only
			// what the node files point to: icons and codex files.
			if (dir === 'credentials' || /\.(svg|png)$/.test(rel) || rel.endsWith('.node.json')) copy(repoRoot, target, rel);
		}
	}

	const rendered = [];
	for (const distPath of pkg.n8n?.nodes ?? []) {
		const moduleExports = require(path.join(repoRoot, distPath));
		const classes = Object.entries(moduleExports).filter(([, value]) => typeof value === 'function');
		if (classes.length !== 1) {
			throw new Error(`${distPath} exports ${classes.length} classes; a node file exports exactly one`);
		}
		const [className, NodeClass] = classes[0];
		const node = new NodeClass();
		const sourcePath = distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts');
		const text = renderNode(className, node, connectionKey);
		fs.mkdirSync(path.dirname(path.join(target, sourcePath)), { recursive: true });
		fs.writeFileSync(path.join(target, sourcePath), text);
		rendered.push(sourcePath);
	}
	return rendered;
}

function renderNode(className, node, connectionKey) {
	if (!node.description || typeof node.description !== 'object') {
		throw new Error(`${className} has no description object`);
	}
	const members = [`\tdescription: INodeTypeDescription = ${literal(node.description, 1, [], connectionKey)};`];
	if (node.webhookMethods && typeof node.webhookMethods === 'object') {
		const groups = Object.entries(node.webhookMethods).map(([group, methods]) => {
			const names = Object.entries(methods ?? {})
				.filter(([, fn]) => typeof fn === 'function')
				.map(([name]) => `\t\t\tasync ${key(name)}(this: IHookFunctions): Promise<boolean> {\n\t\t\t\treturn this.getNode() !== undefined;\n\t\t\t},`);
			return `\t\t${key(group)}: {\n${names.join('\n')}\n\t\t},`;
		});
		members.push(`\twebhookMethods = {\n${groups.join('\n')}\n\t};`);
	}
	// The run method n8n will call, as a stub: the rules only ask whether it is there.
	for (const run of ['execute', 'poll', 'trigger', 'webhook']) {
		if (typeof node[run] === 'function') members.push(`\t${run} = rendered;`);
	}
	return [
		'// Rendered by npm run scan from the built node: what n8n sees, as a literal.',
		"import type { IHookFunctions, INodeType, INodeTypeDescription } from 'n8n-workflow';",
		"import { NodeConnectionTypes } from 'n8n-workflow';",
		'',
		'declare const rendered: never;',
		'',
		`export class ${className} implements INodeType {`,
		members.join('\n\n'),
		'}',
		'',
	].join('\n');
}

/** A TypeScript literal of `value`; inputs/outputs strings become NodeConnectionTypes members. */
function literal(value, depth, keys, connectionKey) {
	const indent = '\t'.repeat(depth);
	const inner = '\t'.repeat(depth + 1);
	if (value === null) return 'null';
	if (value === undefined) return 'undefined';
	if (typeof value === 'string') {
		// description.inputs[i] / description.outputs[i]: the rules want NodeConnectionTypes members.
		const isConnection = keys.length === 2 && (keys[0] === 'inputs' || keys[0] === 'outputs') && connectionKey.has(value);
		return isConnection ? `NodeConnectionTypes.${connectionKey.get(value)}` : quote(value);
	}
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (typeof value === 'function') {
		throw new Error(`a function at description.${keys.join('.')}: descriptions must be data`);
	}
	if (Array.isArray(value)) {
		if (value.length === 0) return '[]';
		const items = value.map((item, i) => `${inner}${literal(item, depth + 1, [...keys, i], connectionKey)},`);
		return `[\n${items.join('\n')}\n${indent}]`;
	}
	const entries = Object.entries(value).filter(([, v]) => v !== undefined);
	if (entries.length === 0) return '{}';
	const lines = entries.map(([k, v]) => `${inner}${key(k)}: ${literal(v, depth + 1, [...keys, k], connectionKey)},`);
	return `{\n${lines.join('\n')}\n${indent}}`;
}

function key(name) {
	return IDENTIFIER.test(name) ? name : quote(name);
}

function quote(text) {
	return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;
}

function copy(from, to, rel) {
	fs.mkdirSync(path.dirname(path.join(to, rel)), { recursive: true });
	fs.copyFileSync(path.join(from, rel), path.join(to, rel));
}

function listFiles(dir) {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const full = path.join(dir, entry.name);
		return entry.isDirectory() ? listFiles(full) : [full];
	});
}
