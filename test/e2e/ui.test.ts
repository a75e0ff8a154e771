/**
 * The simulator's web page in headless Chromium (Debian's `chromium`, driven by playwright-core):
 * a message sent by the CN SMS node appears on the page; clicking "Reply" as its recipient queues
 * the reply, which the node's Fetch Replies then returns, and pushes it where the gateway pushes;
 * text a workflow sent is shown as text, never run as HTML.
 *
 * Needs /usr/bin/chromium (CN_SMS_CHROMIUM to override). Ports: simulator 18121–18125, page 18120.
 */
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

import { decodePairs } from '../../nodes/gateways/kit/charset';
import { executeNode } from '../harness/execute';
import { GATEWAY_IDS, SIM_ACCOUNTS, startSimulator } from '../simulator';
import type { Simulator } from '../simulator';
import { startSimulatorUi } from '../simulator/ui';
import { actionNode } from '../support/nodes';
import type { GatewayId } from '../../nodes/gateways/kit/declaration';
import type { SimulatorUi } from '../simulator/ui';

const CHROMIUM = process.env.CN_SMS_CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

interface Pushed {
	method: string;
	rawQuery: string;
	body: Buffer;
}

let sim: Simulator;
let ui: SimulatorUi;
let browser: BrowserContext;
let page: Page;
let profile: string;
let pushReceiver: http.Server;
const pushes: Pushed[] = [];

const credentials = () => ({
	chinaSmsApi: { ...SIM_ACCOUNTS.chinaSms, baseUrl: sim.urls.chinaSms, charset: 'gbk' },
	smsAdminApi: { ...SIM_ACCOUNTS.smsAdmin, baseUrl: sim.urls.smsAdmin },
});

async function runNode(parameters: Record<string, unknown>) {
	const { gateway, ...own } = parameters;
	// The 5 s spacing between fetch calls is not under test here.
	const nodeType = actionNode(gateway as GatewayId, { sleep: async () => undefined });
	const result = await executeNode({ nodeType, parameters: own as never, credentials: credentials() });
	if (result.error) throw result.error;
	return (result.output?.[0] ?? []).map((i) => i.json);
}

beforeAll(async () => {
	sim = await startSimulator({ ports: Object.fromEntries(GATEWAY_IDS.map((id, i) => [id, 18121 + i])) });
	pushReceiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			pushes.push({ method: req.method ?? '', rawQuery: (req.url ?? '').split('?')[1] ?? '', body: Buffer.concat(chunks) });
			res.end('0');
		});
	});
	await new Promise<void>((resolve) => pushReceiver.listen(0, '127.0.0.1', () => resolve()));
	const pushUrl = `http://127.0.0.1:${(pushReceiver.address() as AddressInfo).port}/push`;
	ui = await startSimulatorUi(sim, { port: 18120, pushUrls: { chinaSms: pushUrl } });
	profile = fs.mkdtempSync(path.join(os.tmpdir(), 'cn-sms-chromium-'));
	browser = await chromium.launchPersistentContext(profile, { executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
	page = browser.pages()[0] ?? (await browser.newPage());
}, 120_000);

afterAll(async () => {
	await browser?.close();
	await ui?.close();
	await sim?.close();
	await new Promise<void>((resolve) => (pushReceiver ? pushReceiver.close(() => resolve()) : resolve()));
	if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

test('clicking "Reply" on the page queues the reply; Fetch Replies returns it; the push reaches the push URL', async () => {
	const sent = await runNode({ gateway: 'chinaSms', operation: 'send', recipients: '13800138005', message: '您的快递已到，回复1确认', options: {} });
	expect(sent).toEqual([expect.objectContaining({ success: true, recipients: ['13800138005'] })]);

	await page.goto(ui.url);
	const row = page.locator('#gateway-chinaSms tr', { hasText: '您的快递已到，回复1确认' });
	await row.waitFor({ timeout: 10_000 });
	await row.getByTestId('reply-text').fill('1 收到，谢谢');
	await row.getByTestId('reply').click();
	await page.getByRole('status').filter({ hasText: 'reply queued for the next fetch' }).waitFor({ timeout: 10_000 });
	expect(await page.getByRole('status').textContent()).toContain('→ HTTP 200 "0"');
	expect(sim.pending('chinaSms').replies).toBe(1);

	const replies = await runNode({ gateway: 'chinaSms', operation: 'fetchReplies', options: {} });
	expect(replies).toEqual([expect.objectContaining({ gateway: 'chinaSms', type: 'reply', mobile: '13800138005', text: '1 收到，谢谢' })]);
	expect(sim.pending('chinaSms').replies).toBe(0);

	// China SMS pushes by GET with GBK parameters (seed 000 §6).
	expect(pushes).toHaveLength(1);
	expect(pushes[0].method).toBe('GET');
	const params = Object.fromEntries(decodePairs(pushes[0].rawQuery, 'gbk'));
	expect(params).toMatchObject({ src: '13800138005', msg: '1 收到，谢谢' });
}, 60_000);

test('what a workflow sent is shown as text, never run as HTML', async () => {
	const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
	await runNode({ gateway: 'smsAdmin', operation: 'send', recipients: '13800138006', message: hostile, options: {} });
	await page.goto(ui.url);
	const cell = page.locator('#gateway-smsAdmin td.msg', { hasText: '<b>bold</b>' });
	await cell.waitFor({ timeout: 10_000 });
	expect(await cell.textContent()).toBe(hostile);
	expect(await page.locator('#gateways img, #gateways b').count()).toBe(0);
	expect(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
}, 60_000);

test('a gateway without a push URL and without a reply queue says so', async () => {
	const res = await fetch(`${ui.url}api/reply`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ gateway: 'sms18', mobile: '13800138007', text: 'hi' }),
	});
	expect(res.status).toBe(400);
	expect(((await res.json()) as { error: string }).error).toMatch(/18SMS \(18sms\.com\) has no reply queue/);
});
