/**
 * Every adapter call, in every charset a gateway speaks, with text that needs escaping (Chinese,
 * spaces, +, &, %), against the simulator: the requests on the wire must stay byte for byte the
 * ones recorded in test/fixtures/wireRequests.json (method, path, raw query, body, headers), and
 * each call must end the same way. Characters a charset cannot carry (emoji in GBK) are refused
 * before anything is sent.
 *
 * The fixture was recorded with the transport that spoke node:http itself, before requests went
 * through n8n's request helper. To record it again: WIRE_GOLDEN=record npx jest wireGolden
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { md5Hex } from '../../../../nodes/gateways/kit/auth';
import { getAdapter } from '../../../../nodes/gateways/registry';
import { createTransport } from '../../../../nodes/gateways/kit/transport';
import type { GatewayAdapter, GatewayContext } from '../../../../nodes/gateways/kit/adapter';
import type { GatewayId } from '../../../../nodes/gateways/kit/declaration';
import type { Charset, GatewayCredentials } from '../../../../nodes/gateways/kit/model';
import { messageProblems } from '../../../../nodes/gateways/send/checks';
import { REAL_EXCEPT_DATE } from '../../../harness/clock';
import { n8nHttpClient } from '../../../harness/http';
import { SIM_ACCOUNTS, type Simulator, startSimulator } from '../../../simulator';

const FIXTURE = join(__dirname, '../../../fixtures/wireRequests.json');
const RECORD = process.env.WIRE_GOLDEN === 'record';
/** n8n's real request helper (an n8n-core execution context's helpers.httpRequest). */
const http = n8nHttpClient();

interface WireRequest {
	method: string;
	path: string;
	/** The raw query string, bytes as latin1 (all ASCII: every other byte is percent-encoded). */
	rawQuery: string;
	/** The body, bytes as latin1. */
	body: string;
	/** Every header as the simulator's Node parser saw it (names lower case), the port in Host masked. */
	headers: Record<string, string>;
}

interface WireCase {
	id: string;
	/** `ok`, or the error's class and message (ports masked); `refused: …` when nothing was sent. */
	outcome: string;
	requests: WireRequest[];
}

/** Texts that need escaping in every charset; the emoji only fits UTF-8. */
const TEXTS: Record<string, string> = {
	chinese: '你好，世界【公司】',
	spaces: 'a b  c',
	plus: '1+1=2',
	amp: 'A&B=C',
	percent: '100% 完成',
	mixed: '验证码 123456，5分钟内有效。 a+b&c=d%e~_-.',
	emoji: '你好😀',
};

const NOW = new Date('2030-01-02T03:04:05Z');
const SEND_AT = new Date('2030-02-03T04:05:00Z');

interface Variant {
	id: string;
	gateway: GatewayId;
	credentials: GatewayCredentials;
}

function variants(sim: Simulator): Variant[] {
	const { urls } = sim;
	const { userId, password } = SIM_ACCOUNTS.smsAdmin;
	return [
		{ id: 'chinaSms/gbk', gateway: 'chinaSms', credentials: { ...SIM_ACCOUNTS.chinaSms, baseUrl: urls.chinaSms, charset: 'gbk' } },
		{ id: 'chinaSms/utf8', gateway: 'chinaSms', credentials: { ...SIM_ACCOUNTS.chinaSms, baseUrl: urls.chinaSms, charset: 'utf8' } },
		{ id: 'smsAdmin/password', gateway: 'smsAdmin', credentials: { userId, password, baseUrl: urls.smsAdmin } },
		{ id: 'smsAdmin/md5', gateway: 'smsAdmin', credentials: { userId, passwordMd5: md5Hex(password), baseUrl: urls.smsAdmin } },
		{ id: 'sms112088/gbk', gateway: 'sms112088', credentials: { ...SIM_ACCOUNTS.sms112088, baseUrl: urls.sms112088, charset: 'gbk' } },
		{ id: 'sms112088/utf8', gateway: 'sms112088', credentials: { ...SIM_ACCOUNTS.sms112088, baseUrl: urls.sms112088, charset: 'utf8' } },
		{ id: 'sms18/utf8', gateway: 'sms18', credentials: { ...SIM_ACCOUNTS.sms18, baseUrl: urls.sms18 } },
		{ id: 'sms10692/utf8', gateway: 'sms10692', credentials: { ...SIM_ACCOUNTS.sms10692, baseUrl: urls.sms10692, charset: 'utf8' } },
		{ id: 'sms10692/gbk', gateway: 'sms10692', credentials: { ...SIM_ACCOUNTS.sms10692, baseUrl: urls.sms10692, charset: 'gbk' } },
	];
}

type Call = (ctx: GatewayContext) => Promise<unknown>;

/** The calls of one credential variant: every operation, each text, the options the gateway has. */
function calls(adapter: GatewayAdapter, charset: Charset): Array<{ id: string; call: Call | null; refused?: string[] }> {
	const out: Array<{ id: string; call: Call | null; refused?: string[] }> = [];
	const check = { adapter, charset, now: NOW, timeZone: 'Asia/Shanghai' };
	for (const [name, text] of Object.entries(TEXTS)) {
		const refused = messageProblems(check, text);
		if (refused.length > 0) {
			out.push({ id: `send/${name}`, call: null, refused });
			continue;
		}
		out.push({ id: `send/${name}`, call: (ctx) => adapter.send!(ctx, { recipients: ['13800000001'], message: text }) });
	}
	out.push({
		id: 'send/two-recipients',
		call: (ctx) => adapter.send!(ctx, { recipients: ['13800000001', '13800000003'], message: TEXTS.mixed }),
	});
	const options = {
		chinaSms: { sendAt: SEND_AT, extno: '01' },
		smsAdmin: { sendAt: SEND_AT, linkId: 'link1' },
		sms112088: { sendAt: SEND_AT },
		sms18: { extno: '02', product: '1234531', statusReport: false },
		sms10692: { sendAt: SEND_AT, extno: '03' },
	}[adapter.id];
	out.push({ id: 'send/options', call: (ctx) => adapter.send!(ctx, { recipients: ['13800000001'], message: TEXTS.chinese, ...options }) });
	if (adapter.sendTemplate) {
		out.push({
			id: 'sendTemplate',
			call: (ctx) =>
				adapter.sendTemplate!(ctx, {
					template: '{value0}，您的验证码是{value1} a+b&c%',
					rows: [
						{ recipient: '13800000001', values: ['张三', '1234'] },
						{ recipient: '13800000003', values: ['李 四', '5&6'] },
					],
					linkId: 'link2',
				}),
		});
	}
	if (adapter.getBalance) out.push({ id: 'getBalance', call: (ctx) => adapter.getBalance!(ctx) });
	if (adapter.fetchReports) out.push({ id: 'fetchReports', call: (ctx) => adapter.fetchReports!(ctx) });
	if (adapter.fetchReplies) out.push({ id: 'fetchReplies', call: (ctx) => adapter.fetchReplies!(ctx) });
	if (adapter.checkContent) out.push({ id: 'checkContent', call: (ctx) => adapter.checkContent!(ctx, TEXTS.mixed) });
	if (adapter.changePassword) out.push({ id: 'changePassword', call: (ctx) => adapter.changePassword!(ctx, 'new pw&中+%') });
	return out;
}

const maskPort = (text: string) => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:<port>');

function outcomeOf(result: PromiseSettledResult<unknown>): string {
	if (result.status === 'fulfilled') return 'ok';
	const error = result.reason as Error;
	return maskPort(`${error.name}: ${error.message}`);
}

let sim: Simulator;
beforeAll(async () => {
	// The clock is fixed so time-signed requests (sms10692) are the same on every run; the simulator
	// reads the same clock when it checks the signature's time.
	jest.useFakeTimers({ doNotFake: [...REAL_EXCEPT_DATE], now: NOW });
	sim = await startSimulator();
});
afterAll(async () => {
	jest.useRealTimers();
	await sim.close();
});

async function runMatrix(): Promise<WireCase[]> {
	const cases: WireCase[] = [];
	for (const variant of variants(sim)) {
		const adapter = getAdapter(variant.gateway);
		for (const { id, call, refused } of calls(adapter, adapter.charset(variant.credentials))) {
			sim.reset();
			if (!call) {
				cases.push({ id: `${variant.id}/${id}`, outcome: `refused: ${refused!.join('; ')}`, requests: [] });
				continue;
			}
			const ctx: GatewayContext = { credentials: variant.credentials, transport: createTransport(adapter.displayName, { http }), now: () => NOW };
			const [result] = await Promise.allSettled([call(ctx)]);
			cases.push({
				id: `${variant.id}/${id}`,
				outcome: outcomeOf(result),
				requests: sim.requests().map((r) => ({
					method: r.method,
					path: r.path,
					rawQuery: r.rawQuery,
					body: r.body.toString('latin1'),
					headers: Object.fromEntries(
						Object.entries(r.headers).map(([k, v]) => [k, k === 'host' ? maskPort(String(v)) : String(v)]),
					),
				})),
			});
		}
	}
	return cases;
}

describe('requests on the wire, byte for byte as recorded', () => {
	let recorded: WireCase[];
	let now: WireCase[];
	beforeAll(async () => {
		now = await runMatrix();
		if (RECORD) writeFileSync(FIXTURE, `${JSON.stringify(now, null, '\t')}\n`);
		recorded = JSON.parse(readFileSync(FIXTURE, 'utf8')) as WireCase[];
	});

	it('covers every adapter call of every gateway, GET and POST, in GBK, GB2312 and UTF-8', () => {
		expect(now.map((c) => c.id)).toEqual(recorded.map((c) => c.id));
		const requests = recorded.flatMap((c) => c.requests);
		expect(new Set(requests.map((r) => r.method))).toEqual(new Set(['GET', 'POST']));
		const labels = new Set(requests.map((r) => r.headers['content-type']).filter((t) => t !== undefined));
		expect(labels).toEqual(
			new Set(['application/x-www-form-urlencoded; charset=GBK', 'application/x-www-form-urlencoded; charset=GB2312', 'application/x-www-form-urlencoded; charset=UTF-8']),
		);
		// Only the emoji is refused, and only where the charset cannot carry it.
		expect(recorded.filter((c) => c.outcome.startsWith('refused')).map((c) => c.id)).toEqual(
			recorded.filter((c) => c.id.endsWith('/send/emoji') && !/utf8|sms18/.test(c.id)).map((c) => c.id),
		);
	});

	const listed = existsSync(FIXTURE) ? (JSON.parse(readFileSync(FIXTURE, 'utf8')) as WireCase[]).map((c) => [c.id]) : [];
	it.each(listed)('%s', (id) => {
		const before = recorded.find((c) => c.id === id)!;
		const after = now.find((c) => c.id === id)!;
		expect(after.requests.map((r) => [r.method, r.path, r.rawQuery, r.body])).toEqual(before.requests.map((r) => [r.method, r.path, r.rawQuery, r.body]));
		expect(after.requests.map((r) => r.headers)).toEqual(before.requests.map((r) => r.headers));
		expect(after.outcome).toBe(before.outcome);
	});
});
