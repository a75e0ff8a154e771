import { decodeBytes } from '../../../../nodes/gateways/kit/charset';
import { GatewayError, InputError, TransportError, excerptOf, unexpectedResponse } from '../../../../nodes/gateways/kit/errors';
import { diagnoseCharset, flagMismatch } from '../../../../nodes/gateways/kit/charsetMismatch';
import { completeLines, salvageFetch } from '../../../../nodes/gateways/kit/salvage';

describe('GatewayError', () => {
	it('reads "<display name>: <reason> (code <code>)" and keeps the vendor text', () => {
		const error = new GatewayError('SMS10692 (sms10692.com)', 'Faild', 'wrong user name or password', '用户名或密码错误');
		expect(error.message).toBe('SMS10692 (sms10692.com): wrong user name or password (code Faild)');
		expect([error.name, error.gateway, error.code, error.reason, error.vendorMessage]).toEqual([
			'GatewayError',
			'SMS10692 (sms10692.com)',
			'Faild',
			'wrong user name or password',
			'用户名或密码错误',
		]);
		expect(error).toBeInstanceOf(Error);
	});

	it('turns a numeric code into text and a missing vendor text into null', () => {
		const error = new GatewayError('China SMS (中国短信)', 6002, 'wrong password');
		expect([error.code, error.vendorMessage, error.message]).toEqual(['6002', null, 'China SMS (中国短信): wrong password (code 6002)']);
	});
});

describe('TransportError', () => {
	it('carries the failure, the redacted URL and whether the gateway may have acted', () => {
		const error = new TransportError({ gateway: 'G', failure: 'timeout', message: 'no answer within 30 s', url: 'http://h/?pwd=***', mayHaveReached: true });
		expect([error.name, error.message, error.failure, error.url, error.httpCode, error.excerpt, error.mayHaveReached]).toEqual([
			'TransportError',
			'G: no answer within 30 s',
			'timeout',
			'http://h/?pwd=***',
			null,
			null,
			true,
		]);
	});
});

describe('InputError', () => {
	it('names the item', () => {
		expect(new InputError('Item 3: no recipients', 2).itemIndex).toBe(2);
		expect(new InputError('no recipients').itemIndex).toBeNull();
		expect(new InputError('x').name).toBe('InputError');
	});
});

describe('excerptOf', () => {
	it('makes one line of at most 200 characters', () => {
		expect(excerptOf('  a\r\n\tb   c \n')).toBe('a b c');
		expect(excerptOf('x'.repeat(200))).toBe('x'.repeat(200));
		expect(excerptOf('x'.repeat(201))).toBe(`${'x'.repeat(200)}…`);
		expect(excerptOf('abcdef', 3)).toBe('abc…');
	});
});

describe('unexpectedResponse', () => {
	it('quotes a short excerpt of the body', () => {
		const error = unexpectedResponse('18SMS (18sms.com)', 'send', '<html>\n<body>Maintenance</body>\n</html>');
		expect(error).toBeInstanceOf(TransportError);
		expect(error.message).toBe('18SMS (18sms.com): unexpected response to send: "<html> <body>Maintenance</body> </html>"');
		expect([error.failure, error.excerpt, error.mayHaveReached, error.url]).toEqual([
			'unexpected',
			'<html> <body>Maintenance</body> </html>',
			true,
			'',
		]);
	});

	it('removes secrets the body echoes, before cutting the excerpt', () => {
		// Cut first, "hunt" would remain at the end of the excerpt.
		const body = `${'y'.repeat(195)} hunter2 tail`;
		const error = unexpectedResponse('G', 'the balance query', body, ['hunter2']);
		expect(error.excerpt).toBe(`${'y'.repeat(195)} *** …`);
		const short = unexpectedResponse('G', 'the balance query', 'echo: pwd=hunter2 (hunter2)', ['hunter2']);
		expect(short.message).toBe('G: unexpected response to the balance query: "echo: pwd=*** (***)"');
		expect(short.excerpt).toBe('echo: pwd=*** (***)');
	});

	it('blanks a parameter named like a secret even without the secrets', () => {
		expect(unexpectedResponse('G', 'send', 'bad request: pwd=abc').excerpt).toBe('bad request: pwd=***');
	});

	it('says so, and what to do, when the answer looks like another charset than it was read in', () => {
		const bytes = Buffer.from('不含敏感字', 'utf8');
		const mismatch = diagnoseCharset(bytes, 'gb2312', 'gateway', []);
		const read = decodeBytes(bytes, 'gb2312');
		const error = unexpectedResponse('SMSAdmin (通用短信平台)', 'the sensitive-word check', read, [], mismatch);
		expect(error.message).toBe(
			`SMSAdmin (通用短信平台): unexpected response to the sensitive-word check: "${read}". The answer looks like UTF-8 although this gateway answers in GB2312, so it was read as GB2312 and its Chinese text may be garbled: no setting changes this gateway's charset, so tell its vendor.`,
		);
		expect([error.failure, error.excerpt, error.mayHaveReached]).toEqual(['unexpected', read, true]);
		// No mismatch: the message is the plain one.
		expect(unexpectedResponse('G', 'send', 'x', [], null).message).toBe('G: unexpected response to send: "x"');
	});
});

describe('salvageFetch of a cut-off answer in the wrong charset', () => {
	it('keeps the complete records, flagged, and names the mismatch and the rest\'s bytes in the error', () => {
		const bytes = Buffer.from('13800000001/收到\n13800000002/谢', 'utf8');
		const text = decodeBytes(bytes, 'gbk');
		const mismatch = diagnoseCharset(bytes, 'gbk', { setting: 'Charset' }, []);
		const cut = new TransportError({
			gateway: 'G',
			failure: 'reset',
			message: 'the answer was cut off before it was complete',
			url: 'http://gw/x',
			mayHaveReached: true,
			partial: { text, receivedBytes: bytes.length, expectedBytes: 99, charsetMismatch: mismatch },
		});
		const event = (line: string): { line: string; raw: Record<string, unknown>; parseError?: string } => ({ line, raw: {} });
		const page = salvageFetch(cut, 'replies', (answer, seen) => {
			const { lines, rest } = completeLines(answer);
			return { events: lines.map((line) => flagMismatch(event(line), line, seen)), rest };
		});
		expect(page.events).toHaveLength(1);
		expect(page.events[0].parseError).toBe(`${mismatch!.note}; raw.bytesBase64 holds this record's bytes as they arrived`);
		expect(Buffer.from(String(page.events[0].raw.bytesBase64), 'base64').toString('utf8')).toBe('13800000001/收到');
		const rest = text.slice(text.indexOf('\n') + 1);
		expect((page.error as Error).message).toBe(
			`G: the answer was cut off before it was complete. The answer broke off after ${bytes.length} of 99 bytes: the 1 complete replies in it are kept; ` +
				`the incomplete rest, raw: "${rest}" (its bytes, base64: ${Buffer.from('13800000002/谢', 'utf8').toString('base64')}); ${mismatch!.note}; whatever the missing part held cannot be fetched again`,
		);
	});
});
