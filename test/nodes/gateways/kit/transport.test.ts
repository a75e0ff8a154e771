/**
 * The transport against small HTTP/TCP servers on loopback: exact bytes on the wire, decoding,
 * every failure family, what may be retried, and secrets kept out of everything it reports.
 */
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import * as tls from 'node:tls';
// The module object itself (not an import namespace), so https's own tls.connect can be spied on.
import tlsModule = require('node:tls');

import { md5Hex } from '../../../../nodes/gateways/kit/auth';
import { decodeBytes, encodeText } from '../../../../nodes/gateways/kit/charset';
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { DEFAULT_MAX_BODY_BYTES, DEFAULT_TIMEOUT_MS, createTransport, type TransportRequest } from '../../../../nodes/gateways/kit/transport';
import { type HttpClient, type HttpRequest } from '../../../../nodes/gateways/kit/http';
import { n8nCredentialTestHttpClient, n8nHttpClient } from '../../../harness/http';

const GATEWAY = 'Test Gateway (测试网关)';
/** n8n's real request helper (an n8n-core execution context's helpers.httpRequest). */
const client = n8nHttpClient();

interface Received {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: Buffer;
}

interface TestServer {
	baseUrl: string;
	port: number;
	received: Received[];
	/** TCP connections accepted. */
	connections: () => number;
	close: () => Promise<void>;
}

/** An HTTP server on 127.0.0.1 that records every request byte for byte. */
async function httpServer(answer: (req: Received, res: http.ServerResponse) => void): Promise<TestServer> {
	const received: Received[] = [];
	let connections = 0;
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const r = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks) };
			received.push(r);
			answer(r, res);
		});
	});
	server.on('connection', () => connections++);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		port,
		received,
		connections: () => connections,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

/** A raw TCP server: `onRequest` gets the socket once the request head has arrived. */
async function tcpServer(onRequest: (socket: net.Socket) => void): Promise<TestServer> {
	let connections = 0;
	const sockets = new Set<net.Socket>();
	const received: Received[] = [];
	const server = net.createServer((socket) => {
		connections++;
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
		socket.on('error', () => undefined);
		let head = '';
		socket.on('data', (d: Buffer) => {
			const before = head.includes('\r\n\r\n');
			head += d.toString('latin1');
			if (!before && head.includes('\r\n\r\n')) {
				received.push({ method: head.split(' ')[0], url: head.split(' ')[1], headers: {}, body: Buffer.alloc(0) });
				onRequest(socket);
			}
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		baseUrl: `http://127.0.0.1:${port}`,
		port,
		received,
		connections: () => connections,
		close: () =>
			new Promise<void>((resolve) => {
				for (const s of sockets) s.destroy();
				server.close(() => resolve());
			}),
	};
}

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

async function failure(promise: Promise<unknown>): Promise<TransportError> {
	const error = await promise.then(
		() => null,
		(e: unknown) => e,
	);
	expect(error).toBeInstanceOf(TransportError);
	return error as TransportError;
}

const servers: TestServer[] = [];
async function track(s: Promise<TestServer>): Promise<TestServer> {
	const server = await s;
	servers.push(server);
	return server;
}
afterEach(async () => {
	await Promise.all(servers.splice(0).map((s) => s.close()));
	jest.restoreAllMocks();
});

const ok = (body: string | Buffer, contentType = 'text/plain') => (_: Received, res: http.ServerResponse) => {
	res.writeHead(200, { 'content-type': contentType });
	res.end(body);
};

describe('requests on the wire', () => {
	const query: Array<[string, string]> = [
		['name', 'company'],
		['dst', '13800138000,13900139000'],
		['msg', '你好【公司】 a&b=c+d%'],
	];

	it.each([
		['gbk', '/send/ssend.asp?name=company&dst=13800138000%2C13900139000&msg=%C4%E3%BA%C3%A1%BE%B9%AB%CB%BE%A1%BF%20a%26b%3Dc%2Bd%25'],
		['gb2312', '/send/ssend.asp?name=company&dst=13800138000%2C13900139000&msg=%C4%E3%BA%C3%A1%BE%B9%AB%CB%BE%A1%BF%20a%26b%3Dc%2Bd%25'],
		[
			'utf8',
			'/send/ssend.asp?name=company&dst=13800138000%2C13900139000&msg=%E4%BD%A0%E5%A5%BD%E3%80%90%E5%85%AC%E5%8F%B8%E3%80%91%20a%26b%3Dc%2Bd%25',
		],
	] as const)('GET: exact query string in %s, no body, no content type', async (charset, url) => {
		const server = await track(httpServer(ok('0')));
		const res = await createTransport(GATEWAY, { http: client }).request({ method: 'GET', baseUrl: server.baseUrl, path: '/send/ssend.asp', query, charset, secrets: [] });
		expect(server.received).toHaveLength(1);
		const [r] = server.received;
		expect([r.method, r.url, r.body.length]).toEqual(['GET', url, 0]);
		expect(r.headers['content-type']).toBeUndefined();
		expect(r.headers['user-agent']).toBe('n8n-nodes-cn-sms');
		expect(res.url).toBe(server.baseUrl + url);
	});

	it.each([
		['gbk', 'GBK', 'uid=u1&msg=%C4%E3%BA%C3%A3%AC%CA%C0%BD%E7%20%26%3D%2B%25%0A%A1%BE%C7%A9%C3%FB%A1%BF'],
		['gb2312', 'GB2312', 'uid=u1&msg=%C4%E3%BA%C3%A3%AC%CA%C0%BD%E7%20%26%3D%2B%25%0A%A1%BE%C7%A9%C3%FB%A1%BF'],
		['utf8', 'UTF-8', 'uid=u1&msg=%E4%BD%A0%E5%A5%BD%EF%BC%8C%E4%B8%96%E7%95%8C%20%26%3D%2B%25%0A%E3%80%90%E7%AD%BE%E5%90%8D%E3%80%91'],
	] as const)('POST: exact form body bytes and Content-Type in %s', async (charset, label, body) => {
		const server = await track(httpServer(ok('0')));
		await createTransport(GATEWAY, { http: client }).request({
			method: 'POST',
			baseUrl: server.baseUrl,
			path: 'api/post_send/',
			form: [
				['uid', 'u1'],
				['msg', '你好，世界 &=+%\n【签名】'],
			],
			charset,
			secrets: [],
		});
		const [r] = server.received;
		expect([r.method, r.url]).toEqual(['POST', '/api/post_send/']);
		expect(r.body.toString('latin1')).toBe(body);
		expect(r.headers['content-type']).toBe(`application/x-www-form-urlencoded; charset=${label}`);
		expect(r.headers['content-length']).toBe(String(body.length));
	});

	it('sends a query and a form together, and no "?" without a query', async () => {
		const server = await track(httpServer(ok('0')));
		const t = createTransport(GATEWAY, { http: client });
		await t.request({ method: 'POST', baseUrl: server.baseUrl, path: '/v2sms.aspx', query: [['action', 'send']], form: [['content', '内容']], charset: 'utf8', secrets: [] });
		await t.request({ method: 'GET', baseUrl: server.baseUrl, path: '/getfee.asp', query: [], charset: 'utf8', secrets: [] });
		expect(server.received.map((r) => [r.url, r.body.toString('latin1')])).toEqual([
			['/v2sms.aspx?action=send', 'content=%E5%86%85%E5%AE%B9'],
			['/getfee.asp', ''],
		]);
	});

	it('joins base URL and path with exactly one slash, keeping a path prefix of the base URL', async () => {
		const server = await track(httpServer(ok('0')));
		const t = createTransport(GATEWAY, { http: client });
		await t.request({ method: 'GET', baseUrl: `${server.baseUrl}/`, path: '/a.asp', charset: 'utf8', secrets: [] });
		await t.request({ method: 'GET', baseUrl: `${server.baseUrl}/proxy//`, path: 'msg/HttpBatchSendSM', charset: 'utf8', secrets: [] });
		expect(server.received.map((r) => r.url)).toEqual(['/a.asp', '/proxy/msg/HttpBatchSendSM']);
	});

	it('opens a connection per request (no keep-alive pool) and counts each request with onRequest', async () => {
		const server = await track(httpServer(ok('0')));
		let count = 0;
		const t = createTransport(GATEWAY, { http: client, onRequest: () => count++ });
		for (let i = 0; i < 3; i++) await t.request({ method: 'GET', baseUrl: server.baseUrl, path: '/x', charset: 'utf8', secrets: [] });
		expect(count).toBe(3);
		expect(server.received).toHaveLength(3);
		expect(server.connections()).toBe(3);
		expect(server.received.map((r) => r.headers.connection)).toEqual(['close', 'close', 'close']);
	});
});

describe('answers', () => {
	const get = (baseUrl: string, charset: TransportRequest['charset']) =>
		createTransport(GATEWAY, { http: client }).request({ method: 'GET', baseUrl, path: '/q', charset, secrets: [] });

	it('decodes with the request charset when the answer declares none', async () => {
		const server = await track(httpServer(ok(encodeText('余额：100', 'gbk'))));
		const res = await get(server.baseUrl, 'gbk');
		expect(res).toMatchObject({ status: 200, charset: 'gbk', text: '余额：100' });
		expect(res.bytes.toString('hex')).toBe('d3e0b6eea3ba313030');
		expect(res.headers['content-type']).toBe('text/plain');
	});

	it('decodes with the charset the answer declares, over the request charset', async () => {
		const gbkServer = await track(httpServer(ok(encodeText('你好', 'gbk'), 'text/html; charset=GBK')));
		expect(await get(gbkServer.baseUrl, 'utf8')).toMatchObject({ charset: 'gbk', text: '你好' });
		const gb2312Server = await track(httpServer(ok(encodeText('你好', 'gbk'), 'text/html;charset="gb2312"')));
		expect(await get(gb2312Server.baseUrl, 'utf8')).toMatchObject({ charset: 'gb2312', text: '你好' });
		const utf8Server = await track(httpServer(ok(Buffer.from('<?xml version="1.0" encoding="utf-8" ?><a>你好</a>'), 'text/xml; charset=utf-8')));
		expect(await get(utf8Server.baseUrl, 'gbk')).toMatchObject({ charset: 'utf8', text: '<?xml version="1.0" encoding="utf-8" ?><a>你好</a>' });
	});

	it('falls back to the request charset for a label it does not know', async () => {
		const server = await track(httpServer(ok(encodeText('你好', 'gbk'), 'text/plain; charset=iso-8859-1')));
		expect(await get(server.baseUrl, 'gbk')).toMatchObject({ charset: 'gbk', text: '你好' });
	});

	it('accepts any 2xx and an empty body', async () => {
		const server = await track(
			httpServer((_, res) => {
				res.writeHead(204);
				res.end();
			}),
		);
		expect(await get(server.baseUrl, 'utf8')).toMatchObject({ status: 204, text: '', charset: 'utf8' });
	});

	it('uses the documented defaults', () => {
		expect([DEFAULT_TIMEOUT_MS, DEFAULT_MAX_BODY_BYTES]).toEqual([30_000, 16 * 1024 * 1024]);
	});
});

describe('answers in another charset than they are read in: read strictly, diagnosed', () => {
	const utf8Answer = Buffer.from('id=1&msg=收到，谢谢', 'utf8');
	const get = (baseUrl: string, charset: TransportRequest['charset'], extra: Partial<TransportRequest> = {}) =>
		createTransport(GATEWAY, { http: client }).request({ method: 'GET', baseUrl, path: '/q', charset, secrets: [], ...extra });

	it('an answer that fits its charset: no mismatch', async () => {
		const server = await track(httpServer(ok(encodeText('余额：100', 'gbk'))));
		expect((await get(server.baseUrl, 'gbk', { charsetSetting: 'Charset' })).charsetMismatch).toBeNull();
	});

	it('UTF-8 bytes from a gateway set to GBK: read as GBK, never switched, the setting named', async () => {
		const server = await track(httpServer(ok(utf8Answer)));
		const res = await get(server.baseUrl, 'gbk', { charsetSetting: 'Charset' });
		expect(res).toMatchObject({ charset: 'gbk', text: decodeBytes(utf8Answer, 'gbk') });
		expect(res.text).not.toContain('收到');
		expect(res.charsetMismatch).toMatchObject({
			readAs: 'gbk',
			looksLike: 'utf8',
			note: "the answer looks like UTF-8 although the credential's Charset is GBK, so it was read as GBK and its Chinese text may be garbled: change the Charset setting to UTF-8",
		});
		expect(Buffer.from(res.charsetMismatch!.bytesOf(res.text) as string, 'base64')).toEqual(utf8Answer);
	});

	it('GBK bytes from a gateway whose charset is fixed at UTF-8: read as UTF-8, no setting to change', async () => {
		const bytes = encodeText('1,0\n余额', 'gbk');
		const server = await track(httpServer(ok(bytes)));
		const res = await get(server.baseUrl, 'utf8');
		expect(res).toMatchObject({ charset: 'utf8', text: decodeBytes(bytes, 'utf8') });
		expect(res.charsetMismatch?.note).toBe(
			"the answer looks like GBK although this gateway answers in UTF-8, so it was read as UTF-8 and its Chinese text may be garbled: no setting changes this gateway's charset, so tell its vendor",
		);
	});

	it('an answer whose bytes contradict its declared charset: read as declared, the declaration named', async () => {
		const server = await track(httpServer(ok(utf8Answer, 'text/plain; charset=GBK')));
		const res = await get(server.baseUrl, 'utf8', { charsetSetting: 'Charset' });
		expect(res).toMatchObject({ charset: 'gbk', text: decodeBytes(utf8Answer, 'gbk') });
		expect(res.charsetMismatch).toMatchObject({ readAs: 'gbk', looksLike: 'utf8' });
		expect(res.charsetMismatch?.note).toContain('although its Content-Type header declares GBK');
	});

	it('the part of a cut-off answer that arrived is read strictly and diagnosed too', async () => {
		const server = await track(
			tcpServer((socket) => {
				socket.write(`HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: ${utf8Answer.length + 10}\r\n\r\n`);
				socket.write(utf8Answer);
				setTimeout(() => socket.destroy(), 20);
			}),
		);
		const error = await failure(get(server.baseUrl, 'gbk', { charsetSetting: 'Charset' }));
		expect(error.partial).toMatchObject({ text: decodeBytes(utf8Answer, 'gbk'), receivedBytes: utf8Answer.length, expectedBytes: utf8Answer.length + 10 });
		expect(error.partial?.charsetMismatch).toMatchObject({ readAs: 'gbk', looksLike: 'utf8' });
	});
});

describe('failures', () => {
	const request = (baseUrl: string, extra: Partial<TransportRequest> = {}): TransportRequest => ({
		method: 'GET',
		baseUrl,
		path: '/send',
		query: [['msg', 'hi']],
		charset: 'utf8',
		secrets: [],
		...extra,
	});

	it('HTTP 500 → "http" with the status and a one-line excerpt', async () => {
		const server = await track(
			httpServer((_, res) => {
				res.writeHead(500, { 'content-type': 'text/html; charset=gbk' });
				res.end(encodeText('<h1>服务器错误</h1>\r\n  <p>Server   busy</p>', 'gbk'));
			}),
		);
		const error = await failure(createTransport(GATEWAY, { http: client }).request(request(server.baseUrl)));
		expect(error.failure).toBe('http');
		expect(error.httpCode).toBe(500);
		expect(error.mayHaveReached).toBe(true);
		expect(error.excerpt).toBe('<h1>服务器错误</h1> <p>Server busy</p>');
		expect(error.message).toBe(`${GATEWAY}: HTTP 500 from the gateway: "<h1>服务器错误</h1> <p>Server busy</p>"`);
		expect(error.url).toBe(`${server.baseUrl}/send?msg=hi`);
		expect(error.gateway).toBe(GATEWAY);
	});

	it('cuts a long error page to 200 characters', async () => {
		const server = await track(
			httpServer((_, res) => {
				res.writeHead(502);
				res.end('x'.repeat(500));
			}),
		);
		const error = await failure(createTransport(GATEWAY, { http: client }).request(request(server.baseUrl)));
		expect(error.excerpt).toBe(`${'x'.repeat(200)}…`);
		expect(error.httpCode).toBe(502);
	});

	it('redirects are not followed: a 302 is an "http" failure', async () => {
		const server = await track(
			httpServer((_, res) => {
				res.writeHead(302, { location: 'http://127.0.0.1:1/elsewhere' });
				res.end();
			}),
		);
		const error = await failure(createTransport(GATEWAY, { http: client }).request(request(server.baseUrl)));
		expect([error.failure, error.httpCode]).toEqual(['http', 302]);
		expect(server.received).toHaveLength(1);
	});

	it('no answer in time → "timeout", may have reached, the limit in the message', async () => {
		const server = await track(httpServer(() => undefined));
		const started = Date.now();
		const error = await failure(createTransport(GATEWAY, { http: client }).request(request(server.baseUrl, { timeoutMs: 150 })));
		expect(Date.now() - started).toBeLessThan(5000);
		expect(error.failure).toBe('timeout');
		expect(error.mayHaveReached).toBe(true);
		expect(error.message).toBe(`${GATEWAY}: no answer within 150 ms`);
		expect(server.received).toHaveLength(1);
	});

	it('the transport-wide timeoutMs applies when the request sets none, and a timeout is never retried', async () => {
		const server = await track(httpServer(() => undefined));
		const error = await failure(createTransport(GATEWAY, { http: client, timeoutMs: 200 }).request(request(server.baseUrl, { retryOnConnectError: true })));
		expect(error.failure).toBe('timeout');
		expect(error.message).toBe(`${GATEWAY}: no answer within 200 ms`);
		expect(server.received).toHaveLength(1);
	});

	it('an answer that stalls half-way → "timeout"', async () => {
		const server = await track(
			tcpServer((socket) => {
				socket.write('HTTP/1.1 200 OK\r\nContent-Length: 20\r\n\r\nhalf');
			}),
		);
		const error = await failure(createTransport(GATEWAY, { http: client }).request(request(server.baseUrl, { timeoutMs: 150 })));
		expect([error.failure, error.mayHaveReached]).toEqual(['timeout', true]);
		expect(error.partial).toMatchObject({ text: 'half', receivedBytes: 4, expectedBytes: 20 });
	});

	it('the time limit covers the whole answer: one that keeps trickling in is stopped at the limit', async () => {
		const trickle: NodeJS.Timeout[] = [];
		const server = await track(
			tcpServer((socket) => {
				socket.write('HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n');
				// A byte every 40 ms: never idle for long, never done in time.
				for (let i = 0; i < 50; i++) trickle.push(setTimeout(() => socket.writable && socket.write('x'), 40 * (i + 1)));
			}),
		);
		const started = Date.now();
		const error = await failure(createTransport(GATEWAY, { http: client }).request(request(server.baseUrl, { timeoutMs: 300 })));
		trickle.forEach(clearTimeout);
		// An idle timer alone would wait for the 50 bytes (2 s) and then 300 ms more.
		expect(Date.now() - started).toBeLessThan(1500);
		expect([error.failure, error.mayHaveReached, error.message]).toEqual(['timeout', true, `${GATEWAY}: no answer within 300 ms`]);
		expect(error.partial?.text).toMatch(/^x+$/);
		expect(error.partial?.receivedBytes).toBeLessThanOrEqual(8);
	});

	it('a host name that does not resolve → "connect", retried once when allowed', async () => {
		let count = 0;
		const error = await failure(
			createTransport(GATEWAY, { http: client, onRequest: () => count++ }).request(request('http://no-such-host.invalid', { retryOnConnectError: true })),
		);
		expect([error.failure, error.mayHaveReached, count]).toEqual(['connect', false, 2]);
		expect(error.message).toBe(`${GATEWAY}: could not connect to no-such-host.invalid (host name not found)`);
	});

	describe('connection refused', () => {
		it('→ "connect", certainly not reached, one attempt without retryOnConnectError', async () => {
			const port = await closedPort();
			const connect = jest.spyOn(net.Socket.prototype, 'connect');
			let count = 0;
			const error = await failure(createTransport(GATEWAY, { http: client, onRequest: () => count++ }).request(request(`http://127.0.0.1:${port}`)));
			expect(error.failure).toBe('connect');
			expect(error.mayHaveReached).toBe(false);
			expect(error.httpCode).toBeNull();
			expect(error.message).toBe(`${GATEWAY}: could not connect to 127.0.0.1:${port} (connection refused)`);
			expect(connect).toHaveBeenCalledTimes(1);
			expect(count).toBe(1);
		});

		it('→ exactly one retry with retryOnConnectError', async () => {
			const port = await closedPort();
			const connect = jest.spyOn(net.Socket.prototype, 'connect');
			let count = 0;
			const error = await failure(
				createTransport(GATEWAY, { http: client, onRequest: () => count++ }).request(request(`http://127.0.0.1:${port}`, { retryOnConnectError: true })),
			);
			expect([error.failure, error.mayHaveReached]).toEqual(['connect', false]);
			expect(connect).toHaveBeenCalledTimes(2);
			expect(count).toBe(2);
		});
	});

	it('a failed TLS handshake → "connect" (the request was never written), retried once when allowed', async () => {
		// An https request to a plain-HTTP server: TCP connects, the TLS handshake fails.
		const server = await track(httpServer(ok('0')));
		const error = await failure(
			createTransport(GATEWAY, { http: client }).request(request(`https://127.0.0.1:${server.port}`, { retryOnConnectError: true })),
		);
		expect([error.failure, error.mayHaveReached]).toEqual(['connect', false]);
		expect(server.received).toHaveLength(0);
		expect(server.connections()).toBe(2);
	});

	it('connection dropped before answering → "reset", may have reached, NO retry even with retryOnConnectError', async () => {
		const server = await track(tcpServer((socket) => socket.destroy()));
		let count = 0;
		const error = await failure(
			createTransport(GATEWAY, { http: client, onRequest: () => count++ }).request(request(server.baseUrl, { retryOnConnectError: true })),
		);
		expect(error.failure).toBe('reset');
		expect(error.mayHaveReached).toBe(true);
		expect(error.message).toBe(`${GATEWAY}: the connection broke before an answer arrived (connection reset by the other side)`);
		expect(server.received).toHaveLength(1);
		expect(server.connections()).toBe(1);
		expect(count).toBe(1);
	});

	it('a POST dropped before answering is not repeated either', async () => {
		const server = await track(tcpServer((socket) => setTimeout(() => socket.destroy(), 10)));
		const error = await failure(
			createTransport(GATEWAY, { http: client }).request({ ...request(server.baseUrl, { retryOnConnectError: true }), method: 'POST', form: [['msg', '你好']] }),
		);
		expect([error.failure, error.mayHaveReached]).toEqual(['reset', true]);
		expect(server.connections()).toBe(1);
	});

	it.each([
		['Content-Length larger than sent', 'HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\n0|1|0|64'],
		['chunked body without its last chunk', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n4\r\n0|1|\r\n'],
	])('truncated answer (%s) → "reset", may have reached, not returned as text', async (_, raw) => {
		const server = await track(
			tcpServer((socket) => {
				socket.write(raw);
				setTimeout(() => socket.destroy(), 20);
			}),
		);
		const error = await failure(createTransport(GATEWAY, { http: client }).request(request(server.baseUrl, { retryOnConnectError: true })));
		expect(error.failure).toBe('reset');
		expect(error.mayHaveReached).toBe(true);
		expect(error.httpCode).toBe(200);
		expect(error.message).toMatch(/^Test Gateway \(测试网关\): the (connection broke while the answer was arriving|answer was cut off)/);
		expect(server.connections()).toBe(1);
	});

	it('an answer without length that ends with the connection is complete', async () => {
		const server = await track(
			tcpServer((socket) => {
				socket.end('HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\n0|1|0|6408676');
			}),
		);
		const res = await createTransport(GATEWAY, { http: client }).request(request(server.baseUrl));
		expect(res.text).toBe('0|1|0|6408676');
	});

	it.each([
		['declared by Content-Length', (res: http.ServerResponse) => res.end('x'.repeat(65))],
		[
			'streamed in chunks',
			(res: http.ServerResponse) => {
				res.write('x'.repeat(40));
				setTimeout(() => res.end('x'.repeat(40)), 10);
			},
		],
	])('answer over maxBodyBytes (%s) → "tooLarge"', async (_, send) => {
		const server = await track(
			httpServer((__, res) => {
				res.writeHead(200, { 'content-type': 'text/plain' });
				send(res);
			}),
		);
		const t = createTransport(GATEWAY, { http: client, maxBodyBytes: 64 });
		const error = await failure(t.request(request(server.baseUrl)));
		expect(error.failure).toBe('tooLarge');
		expect(error.mayHaveReached).toBe(true);
		expect(error.message).toBe(`${GATEWAY}: answer larger than 64 bytes`);
		// Exactly the limit is fine.
		const exact = await track(httpServer(ok('y'.repeat(64))));
		expect((await t.request(request(exact.baseUrl))).text).toBe('y'.repeat(64));
	});

	it.each([['not a url'], ['ftp://127.0.0.1:21'], ['']])('invalid base URL %j → "connect" before anything is sent', async (baseUrl) => {
		let count = 0;
		const error = await failure(createTransport(GATEWAY, { http: client, onRequest: () => count++ }).request(request(baseUrl)));
		expect([error.failure, error.mayHaveReached]).toEqual(['connect', false]);
		expect(error.message).toContain('invalid base URL');
		expect(count).toBe(0);
	});
});

describe('https', () => {
	// A throw-away self-signed certificate for 127.0.0.1 (test fixture only).
	const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgBlupvPxvOSDhBI+r
XvqCBc/eBjqnVFmCoJ+CQONOrgShRANCAASj+4hWoReQPGV0zanuq1S3qknTnwHC
QTYg0Pai2C+AQWiLm7O9+GfBo+CreQPqbxdC+GUxFMFhxI1EWuj0NicZ
-----END PRIVATE KEY-----`;
	const CERT = `-----BEGIN CERTIFICATE-----
MIIBkDCCATagAwIBAgIUXja534NB5S936AvBzyqfh0v7ZM4wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJMTI3LjAuMC4xMCAXDTI2MTEyMzE5MzAxNloYDzIxMjYxMDMw
MTkzMDE2WjAUMRIwEAYDVQQDDAkxMjcuMC4wLjEwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAASj+4hWoReQPGV0zanuq1S3qknTnwHCQTYg0Pai2C+AQWiLm7O9+GfB
o+CreQPqbxdC+GUxFMFhxI1EWuj0NicZo2QwYjAdBgNVHQ4EFgQU0T8foWBz5pa7
X/7ykQ3VRqZccOQwHwYDVR0jBBgwFoAU0T8foWBz5pa7X/7ykQ3VRqZccOQwDwYD
VR0TAQH/BAUwAwEB/zAPBgNVHREECDAGhwR/AAABMAoGCCqGSM49BAMCA0gAMEUC
IBXDhabK1CuNuCiJDt2zh+ZiWaIpSmvbabnnmaNdflC6AiEA2eLzE8xO6x7f8Wp/
9NiWZzegPVoF75wavrC4i7hAATs=
-----END CERTIFICATE-----`;

	/** A TLS server; `onRequest` gets the socket once the request head has arrived. */
	async function tlsServer(onRequest: (socket: tls.TLSSocket) => void): Promise<TestServer> {
		let connections = 0;
		const received: Received[] = [];
		const sockets = new Set<net.Socket>();
		const server = tls.createServer({ key: KEY, cert: CERT }, (socket) => {
			socket.on('error', () => undefined);
			let head = '';
			socket.on('data', (d: Buffer) => {
				const before = head.includes('\r\n\r\n');
				head += d.toString('latin1');
				if (!before && head.includes('\r\n\r\n')) {
					received.push({ method: head.split(' ')[0], url: head.split(' ')[1], headers: {}, body: Buffer.alloc(0) });
					onRequest(socket);
				}
			});
		});
		server.on('connection', (s: net.Socket) => {
			connections++;
			sockets.add(s);
			s.on('close', () => sockets.delete(s));
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.address() as AddressInfo).port;
		return {
			baseUrl: `https://127.0.0.1:${port}`,
			port,
			received,
			connections: () => connections,
			close: () =>
				new Promise<void>((resolve) => {
					for (const s of sockets) s.destroy();
					server.close(() => resolve());
				}),
		};
	}

	/** Let the client accept the self-signed certificate (the transport itself has no TLS options). */
	function trustTestCertificate(): void {
		const connect = tlsModule.connect.bind(tlsModule) as (options: tls.ConnectionOptions) => tls.TLSSocket;
		jest.spyOn(tlsModule, 'connect').mockImplementation(((options: tls.ConnectionOptions) => connect({ ...options, rejectUnauthorized: false })) as typeof tls.connect);
	}

	const get = (baseUrl: string, extra: Partial<TransportRequest> = {}): TransportRequest => ({
		method: 'GET',
		baseUrl,
		path: '/q',
		query: [['a', '你']],
		charset: 'gbk',
		secrets: [],
		...extra,
	});

	it('sends and reads an answer over TLS', async () => {
		trustTestCertificate();
		const server = await track(tlsServer((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok')));
		const res = await createTransport(GATEWAY, { http: client }).request(get(server.baseUrl));
		expect(res.text).toBe('ok');
		expect(server.received[0].url).toBe('/q?a=%C4%E3');
	});

	it('a reset after the handshake → "reset", may have reached, not retried', async () => {
		trustTestCertificate();
		const server = await track(tlsServer((s) => s.destroy()));
		const error = await failure(createTransport(GATEWAY, { http: client }).request(get(server.baseUrl, { retryOnConnectError: true })));
		expect([error.failure, error.mayHaveReached]).toEqual(['reset', true]);
		expect(server.received).toHaveLength(1);
		expect(server.connections()).toBe(1);
	});

	it('an untrusted certificate → "connect" (nothing was written)', async () => {
		const server = await track(tlsServer((s) => s.end('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok')));
		const error = await failure(createTransport(GATEWAY, { http: client }).request(get(server.baseUrl)));
		expect([error.failure, error.mayHaveReached]).toEqual(['connect', false]);
		expect(server.received).toHaveLength(0);
	});

	it('a handshake that never finishes times out as "connect", and is retried once when allowed', async () => {
		// TCP accepts, but nobody answers the TLS hello.
		const server = await track(tcpServer(() => undefined));
		const error = await failure(createTransport(GATEWAY, { http: client }).request(get(`https://127.0.0.1:${server.port}`, { timeoutMs: 150, retryOnConnectError: true })));
		expect(error.failure).toBe('connect');
		expect(error.mayHaveReached).toBe(false);
		expect(error.message).toBe(`${GATEWAY}: could not connect to 127.0.0.1:${server.port} within 150 ms`);
		expect(server.connections()).toBe(2);
	});
});

describe('secrets', () => {
	const password = 'Pa ss&wd中文1';
	const md5 = md5Hex(password);
	const sign = md5Hex(`test${password}20120701231212`);
	const secrets = [password, md5, sign];
	const forms = [
		password,
		'Pa%20ss%26wd%D6%D0%CE%C41', // GBK
		'Pa%20ss%26wd%E4%B8%AD%E6%96%871', // UTF-8
		'pa%20ss%26wd%d6%d0%ce%c41', // lower-case hex
		'Pa+ss%26wd%D6%D0%CE%C41', // + for space
		'Pa%20ss%26wd%E4%B8%AD%E6%96%871'.toLowerCase(),
		md5,
		md5.toUpperCase(),
		sign,
		'ss&wd', // a fragment long enough to betray the password
	];
	const expectClean = (text: string | null) => {
		for (const form of forms) expect(text ?? '').not.toContain(form);
	};

	const loginQuery: Array<[string, string]> = [
		['name', 'company'],
		['pwd', password],
		['md5', md5],
		['sign', sign],
	];

	it('are removed from the URL of a response and of every failure', async () => {
		const server = await track(httpServer(ok('0')));
		const t = createTransport(GATEWAY, { http: client });
		for (const charset of ['gbk', 'utf8'] as const) {
			const res = await t.request({ method: 'GET', baseUrl: server.baseUrl, path: '/send', query: loginQuery, charset, secrets });
			expect(res.url).toBe(`${server.baseUrl}/send?name=company&pwd=***&md5=***&sign=***`);
			expectClean(res.url);
		}
		// The secrets did go out on the wire.
		expect(server.received[0].url).toBe(`/send?name=company&pwd=Pa%20ss%26wd%D6%D0%CE%C41&md5=${md5}&sign=${sign}`);
		const port = await closedPort();
		const error = await failure(t.request({ method: 'GET', baseUrl: `http://127.0.0.1:${port}`, path: '/send', query: loginQuery, charset: 'gbk', secrets }));
		expect(error.url).toBe(`http://127.0.0.1:${port}/send?name=company&pwd=***&md5=***&sign=***`);
		expectClean(JSON.stringify({ ...error, message: error.message }));
	});

	it.each(['gbk', 'utf8'] as const)('are removed from a %s error page that echoes them in every spelling', async (charset) => {
		const echo = `login failed for ${password} / Pa%20ss%26wd%D6%D0%CE%C41 / ${'Pa%20ss%26wd%E4%B8%AD%E6%96%871'.toLowerCase()} / ${md5.toUpperCase()} / sign=${sign}`;
		const server = await track(
			httpServer((_, res) => {
				res.writeHead(500, { 'content-type': `text/plain; charset=${charset}` });
				res.end(encodeText(echo, charset));
			}),
		);
		const error = await failure(
			createTransport(GATEWAY, { http: client }).request({ method: 'POST', baseUrl: server.baseUrl, path: '/send', form: loginQuery, charset, secrets }),
		);
		expect(error.excerpt).toBe('login failed for *** / *** / *** / *** / sign=***');
		expect(error.message).toBe(`${GATEWAY}: HTTP 500 from the gateway: "login failed for *** / *** / *** / *** / sign=***"`);
		expectClean(error.message);
		expectClean(error.excerpt);
		expectClean(error.url);
		expectClean(error.stack ?? '');
	});

	it('a secret that straddles the 200-character excerpt cut is still removed', async () => {
		const body = `${'x'.repeat(195)}${md5}`;
		const server = await track(
			httpServer((_, res) => {
				res.writeHead(500);
				res.end(body);
			}),
		);
		const error = await failure(createTransport(GATEWAY, { http: client }).request({ method: 'GET', baseUrl: server.baseUrl, path: '/', charset: 'utf8', secrets }));
		expect(error.excerpt).toBe(`${'x'.repeat(195)}***`);
		expect(error.excerpt).not.toContain(md5.slice(0, 5));
	});

	it('are removed from timeout and reset messages', async () => {
		const hang = await track(httpServer(() => undefined));
		const drop = await track(tcpServer((s) => s.destroy()));
		const t = createTransport(GATEWAY, { http: client });
		for (const baseUrl of [hang.baseUrl, drop.baseUrl]) {
			const error = await failure(t.request({ method: 'GET', baseUrl, path: '/send', query: loginQuery, charset: 'gbk', secrets, timeoutMs: 150 }));
			expectClean(error.message);
			expectClean(error.url);
		}
	});

	it('an invalid base URL that holds the password is redacted too', async () => {
		const error = await failure(
			createTransport(GATEWAY, { http: client }).request({ method: 'GET', baseUrl: `not a url ${password}`, path: '/x', charset: 'utf8', secrets }),
		);
		expect(error.message).toBe(`${GATEWAY}: invalid base URL "not a url ***"`);
	});
});

describe('the HttpClient seam', () => {
	it('hands the client the exact URL, headers and body bytes, the time limit and the size cap', async () => {
		const seen: HttpRequest[] = [];
		const recording: HttpClient = async (req) => {
			seen.push(req);
			return { status: 200, headers: { 'content-type': 'text/plain' }, body: Buffer.from('0') };
		};
		await createTransport(GATEWAY, { http: recording, timeoutMs: 1234, maxBodyBytes: 99 }).request({
			method: 'POST',
			baseUrl: 'http://gw.example:8088/',
			path: '/api/send',
			query: [['a', '你 +&%']],
			form: [['msg', '中文 a+b']],
			charset: 'gbk',
			secrets: [],
		});
		expect(seen).toEqual([
			{
				method: 'POST',
				url: 'http://gw.example:8088/api/send?a=%C4%E3%20%2B%26%25',
				headers: {
					'user-agent': 'n8n-nodes-cn-sms',
					accept: '*/*',
					connection: 'close',
					'content-type': 'application/x-www-form-urlencoded; charset=GBK',
					'content-length': '24',
				},
				body: Buffer.from('msg=%D6%D0%CE%C4%20a%2Bb', 'latin1'),
				timeoutMs: 1234,
				maxBodyBytes: 99,
			},
		]);
		expect(seen[0].body!.length).toBe(24);
	});

	it('a client failure that is no HttpFailure counts as possibly sent and is never retried', async () => {
		let calls = 0;
		const broken: HttpClient = async () => {
			calls++;
			throw new Error('socket exploded');
		};
		const error = await failure(createTransport(GATEWAY, { http: broken }).request({ method: 'GET', baseUrl: 'http://gw.example', path: '/q', charset: 'utf8', secrets: [], retryOnConnectError: true }));
		expect([error.failure, error.mayHaveReached, calls, error.message]).toEqual(['reset', true, 1, `${GATEWAY}: the request failed (socket exploded)`]);
	});

	it('an answer longer than the cap from a client that ignores it is still refused', async () => {
		const careless: HttpClient = async () => ({ status: 200, headers: {}, body: Buffer.from('x'.repeat(10)) });
		const error = await failure(createTransport(GATEWAY, { http: careless, maxBodyBytes: 4 }).request({ method: 'GET', baseUrl: 'http://gw.example', path: '/q', charset: 'utf8', secrets: [] }));
		expect([error.failure, error.partial?.text]).toEqual(['tooLarge', 'xxxx']);
	});

	it('n8n adds no header of its own: exactly the transport\'s headers arrive', async () => {
		const server = await track(httpServer(ok('0')));
		const t = createTransport(GATEWAY, { http: client });
		await t.request({ method: 'GET', baseUrl: server.baseUrl, path: '/g', query: [['a', '1']], charset: 'utf8', secrets: [] });
		await t.request({ method: 'POST', baseUrl: server.baseUrl, path: '/p', form: [['a', '1']], charset: 'gb2312', secrets: [] });
		const host = `127.0.0.1:${server.port}`;
		expect(server.received.map((r) => r.headers)).toEqual([
			{ 'user-agent': 'n8n-nodes-cn-sms', accept: '*/*', connection: 'close', host },
			{
				'user-agent': 'n8n-nodes-cn-sms',
				accept: '*/*',
				connection: 'close',
				'content-type': 'application/x-www-form-urlencoded; charset=GB2312',
				'content-length': '3',
				host,
			},
		]);
	});

	it('n8n\'s proxy settings apply: with HTTP_PROXY set the request goes through the proxy, query bytes intact', async () => {
		const proxied: string[] = [];
		const proxy = await track(
			httpServer((r, res) => {
				proxied.push(`${r.method} ${r.url}`);
				res.writeHead(200, { 'content-type': 'text/plain; charset=GBK' });
				res.end(encodeText('余额：1', 'gbk'));
			}),
		);
		const saved = { HTTP_PROXY: process.env.HTTP_PROXY, NO_PROXY: process.env.NO_PROXY };
		process.env.HTTP_PROXY = proxy.baseUrl;
		delete process.env.NO_PROXY;
		try {
			const res = await createTransport(GATEWAY, { http: client }).request({
				method: 'GET',
				baseUrl: 'http://gateway.example:8088',
				path: '/getfee.asp',
				query: [['name', '公司 a+b']],
				charset: 'gbk',
				secrets: [],
			});
			expect(res.text).toBe('余额：1');
		} finally {
			for (const [k, v] of Object.entries(saved)) {
				if (v === undefined) delete process.env[k];
				else process.env[k] = v;
			}
		}
		expect(proxied).toEqual(['GET http://gateway.example:8088/getfee.asp?name=%B9%AB%CB%BE%20a%2Bb']);
	});
});

describe("the credential test's client (n8n's helpers.request of a CredentialTestContext)", () => {
	const legacy = n8nCredentialTestHttpClient();
	const balance = (baseUrl: string, extra: Partial<TransportRequest> = {}): TransportRequest => ({
		method: 'GET',
		baseUrl,
		path: '/getfee.asp',
		query: [['name', '公司']],
		charset: 'gbk',
		secrets: [],
		...extra,
	});

	it('sends the same bytes and reads the answer as bytes', async () => {
		const server = await track(httpServer(ok(encodeText('余额：100', 'gbk'))));
		const res = await createTransport(GATEWAY, { http: legacy }).request(balance(server.baseUrl));
		expect(res.text).toBe('余额：100');
		expect(server.received[0].url).toBe('/getfee.asp?name=%B9%AB%CB%BE');
		expect(server.received[0].headers).toEqual({ 'user-agent': 'n8n-nodes-cn-sms', accept: '*/*', connection: 'close', host: `127.0.0.1:${server.port}` });
	});

	it('refused → "connect", retried once; an HTTP 500 is an answer; a dropped connection may have reached', async () => {
		const port = await closedPort();
		let count = 0;
		const refused = await failure(createTransport(GATEWAY, { http: legacy, onRequest: () => count++ }).request(balance(`http://127.0.0.1:${port}`, { retryOnConnectError: true })));
		expect([refused.failure, refused.mayHaveReached, count]).toEqual(['connect', false, 2]);
		const failing = await track(
			httpServer((_, res) => {
				res.writeHead(500);
				res.end('busy');
			}),
		);
		const http500 = await failure(createTransport(GATEWAY, { http: legacy }).request(balance(failing.baseUrl)));
		expect([http500.failure, http500.httpCode, http500.excerpt]).toEqual(['http', 500, 'busy']);
		const drop = await track(tcpServer((socket) => socket.destroy()));
		const dropped = await failure(createTransport(GATEWAY, { http: legacy }).request(balance(drop.baseUrl, { retryOnConnectError: true })));
		expect([dropped.failure, dropped.mayHaveReached, drop.connections()]).toEqual(['reset', true, 1]);
	});
});
