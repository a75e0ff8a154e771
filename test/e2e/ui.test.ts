/**
 * The simulator's web page in headless Chromium (Debian's `chromium`, driven by playwright-core):
 * a message sent by a gateway's node appears on the page; clicking "Reply" as its recipient queues
 * the reply, which the node's Fetch Replies then returns, pushes it where the gateway pushes, and
 * lists it beside the message; "Delivered" goes to the gateway's push URL for reports; "Drop the
 * next answer" leaves the node uncertain whether its send went out; text a workflow sent is shown
 * as text, never run as HTML; no empty notice bar before any action; no request of the page fails,
 * and favicon.ico is answered (headless Chromium does not ask for it by itself).
 *
 * Needs /usr/bin/chromium (CN_SMS_CHROMIUM to override). Ports: simulator CN_SMS_UI_SIM_PORT
 * (18121, then the next four), page CN_SMS_UI_PORT (18120).
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

const SIM_PORT = Number(process.env.CN_SMS_UI_SIM_PORT || 18121);
const UI_PORT = Number(process.env.CN_SMS_UI_PORT || 18120);

interface Pushed {
	path: string;
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
	sms112088Api: { ...SIM_ACCOUNTS.sms112088, baseUrl: sim.urls.sms112088, charset: 'gbk' },
});

async function runNode(parameters: Record<string, unknown>) {
	const { gateway, ...own } = parameters;
	// The 5 s spacing between fetch calls is not under test here.
	const nodeType = actionNode(gateway as GatewayId, { sleep: async () => undefined });
	const result = await executeNode({ nodeType, parameters: own as never, credentials: credentials(), settings: { onError: 'continueRegularOutput' } });
	if (result.error) throw result.error;
	return (result.output?.[0] ?? []).map((i) => i.json);
}

/** Every response of the page with an HTTP error status, from loading it until `done` settles. */
async function failedResponsesWhile(done: Promise<unknown>): Promise<string[]> {
	const failed: string[] = [];
	const listener = (res: { status(): number; url(): string }) => {
		if (res.status() >= 400) failed.push(`${res.status()} ${res.url()}`);
	};
	page.on('response', listener);
	try {
		await done;
	} finally {
		page.off('response', listener);
	}
	return failed;
}

beforeAll(async () => {
	sim = await startSimulator({ ports: Object.fromEntries(GATEWAY_IDS.map((id, i) => [id, SIM_PORT + i])) });
	pushReceiver = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const [path, rawQuery = ''] = (req.url ?? '').split('?');
			pushes.push({ path, method: req.method ?? '', rawQuery, body: Buffer.concat(chunks) });
			res.end('0');
		});
	});
	await new Promise<void>((resolve) => pushReceiver.listen(0, '127.0.0.1', () => resolve()));
	const receiver = `http://127.0.0.1:${(pushReceiver.address() as AddressInfo).port}`;
	ui = await startSimulatorUi(sim, {
		port: UI_PORT,
		pushUrls: { chinaSms: `${receiver}/push`, smsAdmin: { reply: `${receiver}/smsadmin-replies`, report: `${receiver}/smsadmin-reports` } },
	});
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

	const failed = await failedResponsesWhile(page.goto(ui.url, { waitUntil: 'load' }));
	const row = page.locator('#gateway-chinaSms tr', { hasText: '您的快递已到，回复1确认' });
	await row.waitFor({ timeout: 10_000 });
	expect(failed).toEqual([]);
	// No empty notice bar before anything happened.
	expect(await page.getByRole('status').isVisible()).toBe(false);
	await row.getByTestId('reply-text').fill('1 收到，谢谢');
	await row.getByTestId('reply').click();
	await page.getByRole('status').filter({ hasText: 'reply queued for the next fetch' }).waitFor({ timeout: 10_000 });
	expect(await page.getByRole('status').isVisible()).toBe(true);
	expect(await page.getByRole('status').textContent()).toContain('→ HTTP 200 "0"');
	expect(sim.pending('chinaSms').replies).toBe(1);
	// The reply's text is listed beside the message it answers, with where it went.
	const event = row.getByTestId('event');
	await event.waitFor({ timeout: 10_000 });
	expect(await event.count()).toBe(1);
	expect(await event.textContent()).toMatch(/Reply: 1 收到，谢谢reply queued for the next fetch; pushed to http:\/\/127\.0\.0\.1:\d+\/push → HTTP 200 "0"$/);

	const replies = await runNode({ gateway: 'chinaSms', operation: 'fetchReplies', options: {} });
	expect(replies).toEqual([expect.objectContaining({ gateway: 'chinaSms', type: 'reply', mobile: '13800138005', text: '1 收到，谢谢' })]);
	expect(sim.pending('chinaSms').replies).toBe(0);

	// China SMS pushes by GET with GBK parameters (seed 000 §6).
	expect(pushes).toHaveLength(1);
	expect(pushes[0].path).toBe('/push');
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

test('favicon.ico is a 16×16 icon the page links to', async () => {
	const res = await fetch(`${ui.url}favicon.ico`);
	expect(res.status).toBe(200);
	expect(res.headers.get('content-type')).toBe('image/x-icon');
	const bytes = Buffer.from(await res.arrayBuffer());
	// ICONDIR: reserved 0, type 1 (icon), one image of 16×16 at 32 bits per pixel, right after the directory.
	expect([...bytes.subarray(0, 8)]).toEqual([0, 0, 1, 0, 1, 0, 16, 16]);
	expect(bytes.readUInt16LE(12)).toBe(32);
	expect(bytes.readUInt32LE(14) + 22).toBe(bytes.length);
	expect(bytes.readUInt32LE(18)).toBe(22);
	await page.goto(ui.url);
	expect(await page.locator('link[rel=icon]').getAttribute('href')).toBe('/favicon.ico');
});

test('reports and replies of a gateway with two push addresses go to the address of their kind, listed with their message', async () => {
	pushes.length = 0;
	const [sent] = await runNode({ gateway: 'smsAdmin', operation: 'send', recipients: '13800138010', message: '验证码 1234', options: { linkId: 'uiReport01' } });
	expect(sent).toMatchObject({ success: true, messageIds: ['uiReport01'] });
	// A later message to the same number: what is done on the first row stays with the first row.
	await runNode({ gateway: 'smsAdmin', operation: 'send', recipients: '13800138010', message: '验证码 5678', options: {} });
	await page.goto(ui.url);
	const later = page.locator('#gateway-smsAdmin tr', { hasText: '验证码 5678' });
	const row = page.locator('#gateway-smsAdmin tr', { hasText: '验证码 1234' });
	await row.waitFor({ timeout: 10_000 });
	await row.getByTestId('delivered').click();
	await row.getByTestId('event').waitFor({ timeout: 10_000 });
	await row.getByTestId('reply-text').fill('好的');
	await row.getByTestId('reply').click();
	await row.getByTestId('event').nth(1).waitFor({ timeout: 10_000 });
	expect(await row.getByTestId('event').allTextContents()).toEqual([
		expect.stringMatching(/Delivered \(report DELIVRD\)report queued for the next fetch; pushed to http:\/\/127\.0\.0\.1:\d+\/smsadmin-reports → HTTP 200 "0"$/),
		expect.stringMatching(/Reply: 好的reply queued for the next fetch; pushed to http:\/\/127\.0\.0\.1:\d+\/smsadmin-replies → HTTP 200 "0"$/),
	]);
	expect(await later.getByTestId('event').count()).toBe(0);
	// SMSAdmin pushes by POST, GB2312 form fields (seed 001 §9–10): Class=rpt to the reports address, Class=mo to the replies one.
	expect(pushes.map((p) => [p.path, p.method])).toEqual([
		['/smsadmin-reports', 'POST'],
		['/smsadmin-replies', 'POST'],
	]);
	const fields = pushes.map((p) => Object.fromEntries(decodePairs(p.body.toString('latin1'), 'gb2312')));
	expect(fields[0]).toMatchObject({ Class: 'rpt', Mobile: '13800138010', LinkId: 'uiReport01', Report: 'DELIVRD' });
	expect(fields[1]).toMatchObject({ Class: 'mo', Mobile: '13800138010', Message: '好的' });
	expect(sim.pending('smsAdmin')).toEqual({ replies: 1, reports: 1 });
	// The push addresses are shown per kind.
	expect(await page.getByLabel('Reports push URL of SMSAdmin (通用短信平台)').inputValue()).toMatch(/\/smsadmin-reports$/);
	expect(await page.getByLabel('Replies push URL of SMSAdmin (通用短信平台)').inputValue()).toMatch(/\/smsadmin-replies$/);
}, 60_000);

test('"Drop the next answer": the gateway sends, the node cannot know and says so; the send after it is answered', async () => {
	await page.goto(ui.url);
	await page.locator('#gateway-sms112088').getByTestId('drop-next').click();
	await page.getByRole('status').filter({ hasText: 'the next send is carried out, then the connection breaks' }).waitFor({ timeout: 10_000 });
	const before = sim.sent('sms112088').length;
	const [dropped] = await runNode({ gateway: 'sms112088', operation: 'send', recipients: '13800138020', message: '第一条', options: {} });
	expect(dropped).toMatchObject({ success: false, failure: 'uncertain', uncertain: true, uncertainRecipients: ['13800138020'] });
	// The gateway did act on it.
	expect(sim.sent('sms112088').slice(before).map((m) => m.message)).toEqual(['第一条']);
	const [answered] = await runNode({ gateway: 'sms112088', operation: 'send', recipients: '13800138020', message: '第二条', options: {} });
	expect(answered).toMatchObject({ success: true, accepted: 1 });
	expect(sim.requests('sms112088').map((r) => r.status)).toEqual([0, 200]);
}, 60_000);
