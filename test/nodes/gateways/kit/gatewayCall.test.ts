/** The calling kit every adapter shares: required credentials, base URL, answers, refusals, unexpected answers. */
import type { GatewayContext } from '../../../../nodes/gateways/kit/adapter';
import type { CharsetMismatch } from '../../../../nodes/gateways/kit/model';
import { GatewayError, InputError, TransportError } from '../../../../nodes/gateways/kit/errors';
import { GatewayCall, codeIn } from '../../../../nodes/gateways/kit/gatewayCall';
import type { CodeTable } from '../../../../nodes/gateways/kit/gatewayCall';
import type { Transport, TransportRequest } from '../../../../nodes/gateways/kit/transport';
import { redact } from '../../../../nodes/gateways/kit/transport';

const call = new GatewayCall('Example (示例)', 'http://example.invalid:8088');
const TABLE: CodeTable = { '-7': { reason: 'the password is wrong', vendorText: '密码错误' } };

function recordingContext(credentials: Record<string, string>): { ctx: GatewayContext; seen: TransportRequest[] } {
	const seen: TransportRequest[] = [];
	const transport: Transport = {
		gateway: call.name,
		redact,
		request: async (req) => {
			seen.push(req);
			return { status: 200, headers: {}, bytes: Buffer.from('ok'), text: 'ok', charset: 'utf8', charsetMismatch: null, url: '' };
		},
	};
	return { ctx: { credentials, transport, now: () => new Date(0) }, seen };
}

describe('credentials', () => {
	test('the first empty field is named', () => {
		expect(() => call.requireCredentials([['user name', 'me'], ['password', 'pw']])).not.toThrow();
		expect(() => call.requireCredentials([['user name', ''], ['password', '']])).toThrow(new InputError('Example (示例): the credential has no user name'));
		expect(() => call.requireCredentials([['user name', 'me'], ['password', '']])).toThrow(new InputError('Example (示例): the credential has no password'));
	});

	test("the credential's base URL, trimmed, else the gateway's", async () => {
		const { ctx, seen } = recordingContext({ baseUrl: ' http://127.0.0.1:9 ' });
		await call.request(ctx, { method: 'GET', path: '/a', charset: 'utf8', secrets: [] });
		await call.request({ ...ctx, credentials: { baseUrl: '  ' } }, { method: 'POST', path: '/b', form: [['x', '1']], charset: 'gbk', secrets: ['s3cret'] });
		expect(seen).toEqual([
			{ method: 'GET', path: '/a', charset: 'utf8', secrets: [], baseUrl: 'http://127.0.0.1:9' },
			{ method: 'POST', path: '/b', form: [['x', '1']], charset: 'gbk', secrets: ['s3cret'], baseUrl: 'http://example.invalid:8088' },
		]);
	});
});

describe('answers', () => {
	const mismatch: CharsetMismatch = { readAs: 'utf8', looksLike: 'gbk', note: 'the answer looks like GBK', bytesOf: () => null };

	test('a leading byte order mark goes; trimming only where asked', () => {
		expect(call.answer({ text: '\uFEFF 0|1 \n', charsetMismatch: null }, { trim: true })).toEqual({ body: '0|1', mismatch: null });
		expect(call.answer({ text: '\uFEFF a/b \n', charsetMismatch: mismatch }, { trim: false })).toEqual({ body: ' a/b \n', mismatch });
	});

	test('an unexpected answer is quoted without secrets, with the charset advice', () => {
		const error = call.unexpected('the balance query', { body: 'pwd=s3cret <html>', mismatch }, ['s3cret']);
		expect(error).toBeInstanceOf(TransportError);
		expect([error.message, error.failure, error.mayHaveReached]).toEqual([
			'Example (示例): unexpected response to the balance query: "pwd=*** <html>". The answer looks like GBK.',
			'unexpected',
			true,
		]);
	});
});

describe('refusals', () => {
	test('a code of the table: its reason, the table text unless the answer has its own', () => {
		const documented = call.refusal('-7', TABLE);
		expect(documented).toBeInstanceOf(GatewayError);
		expect([documented.message, documented.code, documented.vendorMessage]).toEqual(['Example (示例): the password is wrong (code -7)', '-7', '密码错误']);
		const own = call.refusal('-7', TABLE, { unknownReason: 'undocumented', vendorText: (known) => `-7 (${known?.vendorText})`, detail: ' ("x")' });
		expect([own.message, own.vendorMessage]).toEqual(['Example (示例): the password is wrong ("x") (code -7)', '-7 (密码错误)']);
	});

	test('a code the table lacks, inherited names included, gets the unknown reason', () => {
		for (const code of ['-12', 'constructor', '__proto__', 'toString']) {
			expect(codeIn(TABLE, code)).toBeUndefined();
			const error = call.refusal(code, TABLE);
			expect([error.message, error.vendorMessage]).toEqual([`Example (示例): the gateway refused the request with an undocumented code (code ${code})`, null]);
			expect(call.refusal(code, TABLE, { unknownReason: 'the gateway refused the query' }).message).toBe(`Example (示例): the gateway refused the query (code ${code})`);
		}
	});
});
