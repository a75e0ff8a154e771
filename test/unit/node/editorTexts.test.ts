/**
 * Texts the editor shows around the parameters: no placeholder carries n8n's internal `=`
 * expression prefix (the editor shows it as typed, e.g. `={{ $json.phone }}`), and every
 * documentation link (credentials, codex files) goes to the package's page on npm, to a heading
 * its README has.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ICredentialType, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { ChinaSmsApi } from '../../../credentials/ChinaSmsApi.credentials';
import { Sms10692Api } from '../../../credentials/Sms10692Api.credentials';
import { Sms112088Api } from '../../../credentials/Sms112088Api.credentials';
import { Sms18Api } from '../../../credentials/Sms18Api.credentials';
import { SmsAdminApi } from '../../../credentials/SmsAdminApi.credentials';
import { SmsAdminMd5Api } from '../../../credentials/SmsAdminMd5Api.credentials';
import { GATEWAY_IDS } from '../../simulator';
import { POLLING_GATEWAY_IDS, PUSH_GATEWAY_IDS, actionNode, pollingTrigger, pushTrigger } from '../../support/nodes';

const REPO = path.resolve(__dirname, '../../..');
const PACKAGE_PAGE = 'https://www.npmjs.com/package/n8n-nodes-cn-sms';

const NODES = GATEWAY_IDS.flatMap((g) => [
	actionNode(g),
	...(POLLING_GATEWAY_IDS.includes(g as never) ? [pollingTrigger(g as never)] : []),
	...(PUSH_GATEWAY_IDS.includes(g as never) ? [pushTrigger(g as never)] : []),
]);
const CREDENTIALS: ICredentialType[] = [new ChinaSmsApi(), new SmsAdminApi(), new SmsAdminMd5Api(), new Sms112088Api(), new Sms18Api(), new Sms10692Api()];

/** Every placeholder of a property list, nested options of collections included, with where it is. */
function placeholders(properties: INodeProperties[], where: string): Array<[string, string]> {
	return properties.flatMap((p) => {
		const own: Array<[string, string]> = typeof p.placeholder === 'string' ? [[`${where} › ${p.name}`, p.placeholder]] : [];
		const nested = (p.options ?? []).flatMap((o) => {
			if ('type' in o) return placeholders([o as INodeProperties], `${where} › ${p.name}`);
			if ('values' in o) return placeholders((o as INodePropertyCollection).values, `${where} › ${p.name} › ${o.name}`);
			return [];
		});
		return [...own, ...nested];
	});
}

/** The anchors npm gives the README's headings (lower case, spaces to dashes, punctuation dropped). */
function readmeAnchors(): string[] {
	const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
	return [...readme.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
		m[1]
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N} -]/gu, '')
			.replace(/ /g, '-'),
	);
}

test('no placeholder shows the internal "=" of an expression', () => {
	const all = [
		...NODES.flatMap((n) => placeholders(n.description.properties, n.description.name)),
		...CREDENTIALS.flatMap((c) => placeholders(c.properties, c.name)),
	];
	expect(all.length).toBeGreaterThan(10);
	expect(all.filter(([, text]) => text.startsWith('=') || text.includes('={{'))).toEqual([]);
	// Expression examples are shown the way a user types them into an expression field.
	expect(all.filter(([, text]) => text.includes('{{')).map(([, text]) => text)).toEqual(
		expect.arrayContaining(['e.g. {{ $json.phone }}', 'e.g. {{ $json.name }},{{ $json.code }},10']),
	);
});

test('credential documentation links go to the package page on npm, to a heading of the README', () => {
	const anchors = readmeAnchors();
	for (const c of CREDENTIALS) {
		const url = new URL(c.documentationUrl!);
		expect([c.name, `${url.origin}${url.pathname}`]).toEqual([c.name, PACKAGE_PAGE]);
		if (url.hash) expect([c.name, anchors]).toEqual([c.name, expect.arrayContaining([url.hash.slice(1)])]);
	}
});

test('codex files link to the package page on npm, nowhere else', () => {
	const codexFiles = fs
		.readdirSync(path.join(REPO, 'nodes'), { withFileTypes: true })
		.filter((d) => d.isDirectory())
		.flatMap((d) => fs.readdirSync(path.join(REPO, 'nodes', d.name)).filter((f) => f.endsWith('.node.json')).map((f) => path.join(REPO, 'nodes', d.name, f)));
	expect(codexFiles).toHaveLength(NODES.length);
	for (const file of codexFiles) {
		const text = fs.readFileSync(file, 'utf8');
		const urls = [...text.matchAll(/https?:\/\/[^"\s]+/g)].map((m) => m[0]);
		expect([path.basename(file), urls.length > 0, urls.filter((u) => !u.startsWith(PACKAGE_PAGE))]).toEqual([path.basename(file), true, []]);
	}
});
