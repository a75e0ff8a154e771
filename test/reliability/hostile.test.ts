/**
 * Hostile answers: XML entity expansion (billion laughs), DOCTYPE, enormous nesting, bodies beyond
 * the transport's cap, and reply texts that try to inject fields or events. Each is handled with
 * bounded memory and time, and parsed correctly: the reply text comes out intact, nothing invented.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { INodeParameters } from 'n8n-workflow';

import { DEFAULT_MAX_BODY_BYTES } from '../../nodes/gateways/kit/transport';
import { decodeBytes, encodeText } from '../../nodes/gateways/kit/charset';
import { suspectedCharset } from '../../nodes/gateways/kit/charsetMismatch';
import type { GatewayId } from '../../nodes/gateways/kit/declaration';
import { executeNode } from '../harness/execute';
import { startSimulator } from '../simulator';
import { actionNode } from '../support/nodes';
import type { Simulator } from '../simulator';
import { SecretScanner, reportFigures } from './kit';

const CREDENTIAL_TYPE: Record<GatewayId, string> = {
	chinaSms: 'chinaSmsApi',
	smsAdmin: 'smsAdminApi',
	sms112088: 'sms112088Api',
	sms18: 'sms18Api',
	sms10692: 'sms10692Api',
};

/** A gateway that answers every request with what the test says; counts bytes it got out. */
interface HostileServer {
	url: string;
	answer: (res: http.ServerResponse) => void;
	written: number;
	closed: boolean;
	close(): Promise<void>;
}

async function hostileServer(): Promise<HostileServer> {
	const state: HostileServer = {
		url: '',
		answer: (res) => res.end(''),
		written: 0,
		closed: false,
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((r) => server.close(() => r()));
		},
	};
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			state.written = 0;
			state.closed = false;
			res.on('close', () => (state.closed = true));
			state.answer(res);
		});
	});
	await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
	state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	return state;
}

let sim: Simulator;
let hostile: HostileServer;
const scanner = new SecretScanner();
const figures = { hostileAnswersTried: 0, eventsInventedOrGarbled: 0, maxHeapGrowthMB: 0 };

beforeAll(async () => {
	sim = await startSimulator();
	hostile = await hostileServer();
});
afterAll(async () => {
	await sim.close();
	await hostile.close();
	reportFigures('hostile', { ...figures, secretsScannedValues: scanner.scannedValues, secretsScannedChars: scanner.scannedChars, secretsChecked: scanner.secretCount, secretHits: scanner.hits.length });
});
beforeEach(() => sim.reset());

async function run(gateway: GatewayId, parameters: INodeParameters, baseUrl?: string) {
	const result = await executeNode(
		{
			nodeType: actionNode(gateway, { sleep: async () => undefined }),
			parameters,
			credentials: { [CREDENTIAL_TYPE[gateway]]: { ...sim.accounts[gateway], baseUrl: baseUrl ?? sim.urls[gateway] } },
			settings: { onError: 'continueRegularOutput' },
		},
		[{}],
	);
	scanner.scan(`${gateway} ${String(parameters.operation)}`, [result.output, result.error]);
	expect(scanner.hits).toEqual([]);
	figures.hostileAnswersTried++;
	return (result.output?.[0] ?? []).map((i) => i.json);
}

function xml(res: http.ServerResponse, body: string): void {
	res.writeHead(200, { 'content-type': 'text/xml' });
	res.end(body);
}

const LAUGHS =
	'<?xml version="1.0"?>\n<!DOCTYPE returnsms [\n<!ENTITY lol "lol">\n' +
	Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n') +
	'\n]>\n';

describe('XML (sms10692)', () => {
	test('billion laughs before <returnsms>: refused as unexpected, quickly, nothing expanded', async () => {
		hostile.answer = (res) => xml(res, `${LAUGHS}<returnsms><returnstatus>Sucess</returnstatus><overage>&lol9;</overage></returnsms>`);
		const before = process.memoryUsage().heapUsed;
		const started = Date.now();
		const [item] = await run('sms10692', { operation: 'getBalance' }, hostile.url);
		expect(Date.now() - started).toBeLessThan(2000);
		figures.maxHeapGrowthMB = Math.max(figures.maxHeapGrowthMB, Math.round((process.memoryUsage().heapUsed - before) / 1e6));
		expect(item.balance).toBeNull();
		expect(String(item.error)).toMatch(/^SMS10692 \(sms10692\.com\): unexpected response to the balance query: "<\?xml/);
		expect(String(item.error).length).toBeLessThan(600);
		expect(String(item.error)).not.toContain('lollollol');
	});

	test('an entity reference inside a reply is kept literally, never expanded', async () => {
		hostile.answer = (res) =>
			xml(res, '<?xml version="1.0" encoding="utf-8" ?>\n<returnsms>\n<callbox>\n<mobile>13800000001</mobile>\n<taskid>1</taskid>\n<content>&lol9;&amp;&#x4F60;</content>\n<receivetime>2026-11-20 10:00:00</receivetime>\n</callbox>\n</returnsms>');
		const items = await run('sms10692', { operation: 'fetchReplies', options: { maxCalls: 1 } }, hostile.url);
		expect(items.map((i) => [i.mobile, i.text, i.parseError])).toEqual([['13800000001', '&lol9;&你', undefined]]);
	});

	test('DOCTYPE inside the answer: the box is unreadable and kept raw, no entity defined by it is used', async () => {
		hostile.answer = (res) =>
			xml(res, '<returnsms><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><callbox><mobile>13800000002</mobile><content>&e;</content></callbox></returnsms>');
		const items = await run('sms10692', { operation: 'fetchReplies', options: { maxCalls: 1 } }, hostile.url);
		const replies = items.filter((i) => i.type === 'reply');
		// Whatever is made of it, no file content, and the text (if read) is the literal reference.
		expect(JSON.stringify(items)).not.toContain('root:');
		for (const r of replies) if (r.text !== null) expect(r.text).toBe('&e;');
		expect(replies.length).toBeGreaterThanOrEqual(1);
	});

	test('100,000 levels of nesting: no stack overflow, kept raw as one unreadable event', async () => {
		const depth = 100_000;
		hostile.answer = (res) => xml(res, `<returnsms><callbox>${'<a>'.repeat(depth)}${'</a>'.repeat(depth)}</callbox></returnsms>`);
		const started = Date.now();
		const items = await run('sms10692', { operation: 'fetchReplies', options: { maxCalls: 1 } }, hostile.url);
		expect(Date.now() - started).toBeLessThan(5000);
		const replies = items.filter((i) => i.type === 'reply');
		expect(replies).toHaveLength(1);
		expect(replies[0]).toMatchObject({ mobile: null, text: null, parseError: expect.any(String) });
	});
});

describe('bodies beyond the transport cap', () => {
	test(`an endless answer is cut at ${DEFAULT_MAX_BODY_BYTES} bytes: memory bounded, clear error`, async () => {
		const chunk = Buffer.alloc(256 * 1024, 0x61);
		const limit = DEFAULT_MAX_BODY_BYTES * 4;
		hostile.answer = (res) => {
			res.writeHead(200, { 'content-type': 'text/plain' });
			const pump = () => {
				while (!hostile.closed && hostile.written < limit) {
					hostile.written += chunk.length;
					if (!res.write(chunk)) return void res.once('drain', pump);
				}
				if (!hostile.closed) res.end();
			};
			pump();
		};
		const before = process.memoryUsage().heapUsed;
		const [item] = await run('sms112088', { operation: 'getBalance' }, hostile.url);
		figures.maxHeapGrowthMB = Math.max(figures.maxHeapGrowthMB, Math.round((process.memoryUsage().heapUsed - before) / 1e6));
		expect(item.error).toBe(`112088 Enterprise SMS (企业短信通): answer larger than ${DEFAULT_MAX_BODY_BYTES} bytes. The request may have reached the gateway, so it was not sent again: check before resending.`);
		for (let i = 0; i < 100 && !hostile.closed; i++) await new Promise((r) => setTimeout(r, 20));
		// The client hung up: the server could not push anywhere near the whole 64 MB.
		expect(hostile.closed).toBe(true);
		expect(hostile.written).toBeLessThan(limit);
	});

	test('a fetch answer beyond the cap keeps the complete records that fit and names the rest', async () => {
		const line = (i: number) => `1380000${String(i).padStart(4, '0')}/2026-11-20 10:00:00/L${i}/DELIVRD/\n`;
		const body = Array.from({ length: 10 }, (_, i) => line(i)).join('');
		hostile.answer = (res) => {
			res.writeHead(200, { 'content-type': 'text/plain' });
			res.write(body);
			res.end(Buffer.alloc(DEFAULT_MAX_BODY_BYTES, 0x78));
		};
		const items = await run('smsAdmin', { operation: 'fetchReports', options: { maxCalls: 1 } }, hostile.url);
		const reports = items.filter((i) => i.type === 'report');
		expect(reports.map((r) => r.linkId)).toEqual(Array.from({ length: 10 }, (_, i) => `L${i}`));
		const [error] = items.filter((i) => i.type === 'error');
		expect(String(error.error)).toMatch(/^SMSAdmin \(通用短信平台\): answer larger than \d+ bytes\. The answer broke off after \d+ bytes: the 10 complete reports in it are kept; the incomplete rest, raw: "x{2000}…"/);
	});
});

describe('reply texts that try to inject fields or events', () => {
	const HOSTILE_TEXTS = [
		'好&id=99&src=13900000000',
		'a|b;c',
		'路径/a/b/',
		'第一行\n第二行',
		'</content><mobile>13900000000</mobile>',
		'1|2;3,4&x=1/5',
	];

	test.each([
		['chinaSms', 'fetchReplies'],
		['smsAdmin', 'fetchReplies'],
		['sms112088', 'fetchReplies'],
		['sms10692', 'fetchReplies'],
	] as const)('%s %s: every text comes out intact, one event per reply', async (gateway, operation) => {
		const texts = gateway === 'sms112088' ? HOSTILE_TEXTS.filter((t) => !t.includes('\n')) : HOSTILE_TEXTS;
		texts.forEach((text, i) => sim.queueReply(gateway, { mobile: `1380000${String(i).padStart(4, '0')}`, text, id: String(500 + i) }));
		const items = await run(gateway, { operation, options: { maxCalls: 20 } });
		const replies = items.filter((i) => i.type === 'reply');
		const garbled = replies.filter((r, i) => r.text !== texts[i] || r.parseError !== undefined).length + Math.abs(replies.length - texts.length);
		figures.eventsInventedOrGarbled += garbled;
		expect(replies.map((r) => [r.mobile, r.text])).toEqual(texts.map((t, i) => [`1380000${String(i).padStart(4, '0')}`, t]));
		expect(replies.every((r) => r.parseError === undefined)).toBe(true);
		expect(items.filter((i) => i.type === 'error')).toEqual([]);
	});
});

describe('answers in the wrong charset: read strictly, never guessed, diagnosed', () => {
	test('GBK texts of 1 to 8 characters from a real sample are never suspected of being UTF-8', () => {
		const sample = '您好收到谢谢验证码是请在分钟内输入退订回复已确认明天见好的没问题感谢支持中国短信平台发送成功余额不足';
		let tried = 0;
		for (let len = 1; len <= 8; len++) {
			for (let start = 0; start + len <= sample.length; start++) {
				const text = `msg=${sample.slice(start, start + len)}`;
				expect(suspectedCharset(encodeText(text, 'gbk'), 'gbk')).toBeNull();
				tried++;
			}
		}
		expect(tried).toBeGreaterThan(300);
	});

	test('UTF-8 answers to a GBK gateway and GBK answers to a UTF-8 gateway are suspected', () => {
		expect(suspectedCharset(Buffer.from('id=1&msg=收到，谢谢【公司】', 'utf8'), 'gbk')).toBe('utf8');
		expect(suspectedCharset(encodeText('<content>收到</content>', 'gbk'), 'utf8')).toBe('gbk');
		// Cut mid-character: still UTF-8, nothing suspected.
		const cut = Buffer.from('<content>收到', 'utf8').subarray(0, -1);
		expect(suspectedCharset(cut, 'utf8')).toBeNull();
	});

	test('a UTF-8 answer to a GBK gateway that swallows a separator: read as GBK, nothing lost, the bytes kept', async () => {
		// `好|` in UTF-8 (E5 A5 BD 7C) reads in GBK as two characters: the `|` between the replies is gone.
		const body = Buffer.from('2|1;13800000001;好|2;13800000002;hi', 'utf8');
		hostile.answer = (res) => {
			res.writeHead(200, { 'content-type': 'text/plain' });
			res.end(body);
		};
		const items = await run('sms112088', { operation: 'fetchReplies', options: { maxCalls: 1 } }, hostile.url);
		const read = decodeBytes(body, 'gbk');
		expect(read).toBe('2|1;13800000001;濂絴2;13800000002;hi');
		expect(items.filter((i) => i.type === 'error')).toEqual([]);
		expect(items).toHaveLength(1);
		const [reply] = items;
		expect(reply).toMatchObject({ type: 'reply', id: '1', mobile: '13800000001', text: '濂絴2;13800000002;hi' });
		expect(reply.parseError).toBe(
			"the answer looks like UTF-8 although the credential's Charset is GBK, so it was read as GBK and its Chinese text may be garbled: change the Charset setting to UTF-8; raw.bytesBase64 holds this record's bytes as they arrived",
		);
		// Both replies are in the bytes kept: read as UTF-8 they are whole again.
		const bytes = Buffer.from(String((reply.raw as Record<string, unknown>).bytesBase64), 'base64');
		expect(bytes.toString('utf8')).toBe('1;13800000001;好|2;13800000002;hi');
	});
});

test('figures', () => {
	expect(figures.eventsInventedOrGarbled).toBe(0);
	expect(figures.hostileAnswersTried).toBeGreaterThanOrEqual(10);
});
