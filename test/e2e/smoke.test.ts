/**
 * Smoke test against a real n8n 2.41.1 (run with `npm run smoke`; needs `npm run build` first).
 *
 * Packs this package, installs it into a fresh user folder the way the community-nodes panel does,
 * starts n8n on Node 24, and proves through n8n's own REST API that every node and credential of
 * the package is loaded and that each credential test passes with good and fails with bad
 * credentials against the gateway simulator.
 *
 * Ports: n8n on CN_SMS_SMOKE_PORT (15688), task broker on CN_SMS_SMOKE_BROKER_PORT (15689), the
 * simulator on free loopback ports. CN_SMS_KEEP=1 keeps the user folder for inspection.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

import {
	N8nRestClient,
	createUserFolder,
	ensureN8n,
	packPackage,
	startN8n,
} from '../../scripts/n8n-env';
import type { RunningN8n } from '../../scripts/n8n-env';
import { SIM_ACCOUNTS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';

type GatewayId = 'chinaSms' | 'smsAdmin' | 'sms112088' | 'sms18' | 'sms10692';

/** Not n8n-env's defaults (15678/15679), so the smoke test can run beside other suites and demos. */
const SMOKE_PORT = Number(process.env.CN_SMS_SMOKE_PORT || 15688);
const SMOKE_BROKER_PORT = Number(process.env.CN_SMS_SMOKE_BROKER_PORT || 15689);

const PKG = 'n8n-nodes-cn-sms';
/** Every node type of the package (one node per gateway), with the credentials it lists. */
const NODES: Array<[string, string[]]> = [
	['chinaSms', ['chinaSmsApi']],
	['chinaSmsTrigger', ['chinaSmsApi']],
	['chinaSmsPushTrigger', []],
	['smsAdmin', ['smsAdminApi', 'smsAdminMd5Api']],
	['smsAdminTrigger', ['smsAdminApi', 'smsAdminMd5Api']],
	['smsAdminPushTrigger', []],
	['sms112088', ['sms112088Api']],
	['sms112088Trigger', ['sms112088Api']],
	['sms18', ['sms18Api']],
	['sms18Trigger', []],
	['sms10692', ['sms10692Api']],
	['sms10692Trigger', ['sms10692Api']],
];
const NODE_TYPES = NODES.map(([name]) => `${PKG}.${name}`);
const ACTION_NODES = ['chinaSms', 'smsAdmin', 'sms112088', 'sms18', 'sms10692'];

const DISPLAY_NAMES: Record<GatewayId, string> = {
	chinaSms: 'China SMS (中国短信)',
	smsAdmin: 'SMSAdmin (通用短信平台)',
	sms112088: '112088 Enterprise SMS (企业短信通)',
	sms18: '18SMS (18sms.com)',
	sms10692: 'SMS10692 (sms10692.com)',
};

const md5 = (text: string) => createHash('md5').update(text).digest('hex');
const BAD_PASSWORD = 'Wrong-Password-9';

interface CredentialCase {
	type: string;
	gateway: GatewayId;
	/** The credential fields (README "Credentials"), in order. */
	fields: string[];
	good: (baseUrl: string) => Record<string, string>;
	bad: (baseUrl: string) => Record<string, string>;
	/** The secret that must not appear in any answer. */
	secret: string;
}

const acc = SIM_ACCOUNTS as unknown as Record<GatewayId, Record<string, string>>;

const CREDENTIALS: CredentialCase[] = [
	{
		type: 'chinaSmsApi',
		gateway: 'chinaSms',
		fields: ['username', 'password', 'baseUrl', 'charset'],
		good: (baseUrl) => ({ ...acc.chinaSms, baseUrl, charset: 'gbk' }),
		bad: (baseUrl) => ({ ...acc.chinaSms, password: BAD_PASSWORD, baseUrl, charset: 'gbk' }),
		secret: acc.chinaSms.password,
	},
	{
		type: 'smsAdminApi',
		gateway: 'smsAdmin',
		fields: ['userId', 'password', 'baseUrl'],
		good: (baseUrl) => ({ ...acc.smsAdmin, baseUrl }),
		bad: (baseUrl) => ({ ...acc.smsAdmin, password: BAD_PASSWORD, baseUrl }),
		secret: acc.smsAdmin.password,
	},
	{
		type: 'smsAdminMd5Api',
		gateway: 'smsAdmin',
		fields: ['userId', 'passwordMd5', 'baseUrl'],
		good: (baseUrl) => ({ userId: acc.smsAdmin.userId, passwordMd5: md5(acc.smsAdmin.password), baseUrl }),
		bad: (baseUrl) => ({ userId: acc.smsAdmin.userId, passwordMd5: md5(BAD_PASSWORD), baseUrl }),
		secret: md5(acc.smsAdmin.password),
	},
	{
		type: 'sms112088Api',
		gateway: 'sms112088',
		fields: ['username', 'password', 'baseUrl', 'charset'],
		good: (baseUrl) => ({ ...acc.sms112088, baseUrl, charset: 'gbk' }),
		bad: (baseUrl) => ({ ...acc.sms112088, password: BAD_PASSWORD, baseUrl, charset: 'gbk' }),
		secret: acc.sms112088.password,
	},
	{
		type: 'sms18Api',
		gateway: 'sms18',
		fields: ['account', 'password', 'baseUrl', 'product'],
		good: (baseUrl) => ({ ...acc.sms18, baseUrl, product: '' }),
		bad: (baseUrl) => ({ ...acc.sms18, password: BAD_PASSWORD, baseUrl, product: '' }),
		secret: acc.sms18.password,
	},
	{
		type: 'sms10692Api',
		gateway: 'sms10692',
		fields: ['userId', 'account', 'password', 'baseUrl', 'charset'],
		good: (baseUrl) => ({ ...acc.sms10692, baseUrl, charset: 'utf8' }),
		bad: (baseUrl) => ({ ...acc.sms10692, password: BAD_PASSWORD, baseUrl, charset: 'utf8' }),
		secret: acc.sms10692.password,
	},
];

interface NodeTypeInfo {
	name: string;
	credentials?: Array<{ name: string; testedBy?: string }>;
	iconUrl?: string | { light: string; dark: string };
}
interface CredentialTypeInfo {
	name: string;
	displayName: string;
	properties: Array<{ name: string; type: string; typeOptions?: { password?: boolean } }>;
	iconUrl?: string | { light: string; dark: string };
}
interface TestResult {
	status: 'OK' | 'Error';
	message: string;
}

let sim: Simulator;
let n8n: RunningN8n | undefined;
let rest: N8nRestClient;
let userFolder = '';
let packDir = '';
let nodeTypes: NodeTypeInfo[] = [];
let credentialTypes: CredentialTypeInfo[] = [];

beforeAll(async () => {
	const env = ensureN8n();
	packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-pack-'));
	userFolder = createUserFolder({ tarball: packPackage(packDir) });
	sim = await startSimulator({ host: '127.0.0.1' });
	n8n = await startN8n({
		env,
		userFolder,
		port: Number(process.env.CN_SMS_SMOKE_PORT || SMOKE_PORT),
		brokerPort: Number(process.env.CN_SMS_SMOKE_BROKER_PORT || SMOKE_BROKER_PORT),
	});
	rest = new N8nRestClient(n8n.url);
	await rest.login();
	nodeTypes = await rest.json<NodeTypeInfo[]>('GET', '/types/nodes.json');
	credentialTypes = await rest.json<CredentialTypeInfo[]>('GET', '/types/credentials.json');
}, 20 * 60_000);

afterAll(async () => {
	await n8n?.stop();
	await sim?.close();
	if (packDir) fs.rmSync(packDir, { recursive: true, force: true });
	if (userFolder && !process.env.CN_SMS_KEEP) fs.rmSync(userFolder, { recursive: true, force: true });
	else if (userFolder) console.log(`user folder kept: ${userFolder}`);
}, 60_000);

describe('n8n loads the package', () => {
	test('the n8n log shows no failure to load it', () => {
		const log = n8n?.log() ?? '';
		expect(log).not.toMatch(/Failed to load package|Cannot find module|error.*n8n-nodes-cn-sms/i);
	});

	test.each(NODES)('node %s lists its gateway\'s credentials, each tested by the node', (name, credentials) => {
		const node = nodeTypes.find((n) => n.name === `${PKG}.${name}`);
		expect(node).toBeDefined();
		expect((node?.credentials ?? []).map((c) => [c.name, c.testedBy])).toEqual(credentials.map((c) => [c, 'gatewayCredentialTest']));
	});

	test('only the package\'s node types are loaded: the old single-node types are gone', () => {
		const ours = nodeTypes.map((n) => n.name).filter((n) => n.startsWith(`${PKG}.`) && !n.endsWith('Tool'));
		expect([...new Set(ours)].sort()).toEqual([...NODE_TYPES].sort());
	});

	test.each(ACTION_NODES)('%s is usable as an AI tool (n8n derives %sTool)', (name) => {
		expect(nodeTypes.map((n) => n.name)).toContain(`${PKG}.${name}Tool`);
	});

	test('every credential is listed by a node that tests it', () => {
		const tested = nodeTypes.flatMap((n) => (n.credentials ?? []).map((c) => c.name));
		for (const c of CREDENTIALS) expect(tested).toContain(c.type);
	});

	test.each(CREDENTIALS.map((c) => [c.type, c] as const))('credential %s has the contract fields', (_type, c) => {
		const cred = credentialTypes.find((t) => t.name === c.type);
		expect(cred).toBeDefined();
		expect(cred?.properties.map((p) => p.name)).toEqual(c.fields);
		const secrets = cred?.properties.filter((p) => /password/i.test(p.name)) ?? [];
		for (const p of secrets) expect(p.typeOptions?.password).toBe(true);
	});

	test('n8n serves the light and dark icons of every node and credential', async () => {
		const ours = [
			...nodeTypes.filter((n) => n.name.startsWith(`${PKG}.`)),
			...credentialTypes.filter((c) => CREDENTIALS.some((k) => k.type === c.name)),
		];
		expect(ours.length).toBeGreaterThanOrEqual(NODE_TYPES.length + CREDENTIALS.length);
		const urls = new Set<string>();
		for (const t of ours) {
			expect(typeof t.iconUrl).toBe('object');
			const icon = t.iconUrl as { light: string; dark: string };
			expect(icon.light).not.toEqual(icon.dark);
			urls.add(icon.light);
			urls.add(icon.dark);
		}
		for (const url of urls) {
			const res = await rest.raw('GET', `/${url}`);
			expect({ url, status: res.status }).toEqual({ url, status: 200 });
			expect(await res.text()).toContain('<svg');
		}
	});
});

describe('credential tests through n8n against the simulator', () => {
	async function createAndTest(c: CredentialCase, data: Record<string, string>, label: string): Promise<TestResult> {
		const name = `${c.type} ${label}`;
		const created = await rest.json<{ id: string }>('POST', '/rest/credentials', { name, type: c.type, data });
		return await rest.json<TestResult>('POST', '/rest/credentials/test', {
			credentials: { id: created.id, name, type: c.type, data },
		});
	}

	test.each(CREDENTIALS.map((c) => [c.type, c] as const))('%s: good credentials pass', async (_type, c) => {
		const before = sim.requests(c.gateway).length;
		const result = await createAndTest(c, c.good(sim.urls[c.gateway]), 'good');
		// toEqual so that a failure shows n8n's message, the reason the test failed.
		expect(result).toEqual({ status: 'OK', message: expect.any(String) });
		expect(sim.requests(c.gateway).length).toBeGreaterThan(before);
		expect(JSON.stringify(result)).not.toContain(c.secret);
	});

	test.each(CREDENTIALS.map((c) => [c.type, c] as const))('%s: bad credentials fail with the gateway reason', async (_type, c) => {
		const before = sim.requests(c.gateway).length;
		const result = await createAndTest(c, c.bad(sim.urls[c.gateway]), 'bad');
		expect(result.status).toBe('Error');
		const name = DISPLAY_NAMES[c.gateway].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		expect(result.message).toMatch(new RegExp(`^${name}: .+\\(code [^)]+\\)`));
		expect(sim.requests(c.gateway).length).toBeGreaterThan(before);
		expect(result.message).not.toContain(BAD_PASSWORD);
		if (c.type === 'smsAdminMd5Api') expect(result.message).not.toContain(md5(BAD_PASSWORD));
	});

	test('a gateway that cannot be reached fails the test with a transport error', async () => {
		const c = CREDENTIALS[0];
		const result = await createAndTest(c, c.good(sim.closedUrl), 'unreachable');
		expect(result.status).toBe('Error');
		expect(result.message).toContain(DISPLAY_NAMES.chinaSms);
	});
});
