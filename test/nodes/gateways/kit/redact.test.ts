import { REDACTED, redact, secretForms } from '../../../../nodes/gateways/kit/redact';
import { createTransport, redact as transportRedact } from '../../../../nodes/gateways/kit/transport';
import { n8nHttpClient } from '../../../harness/http';

/** n8n's real request helper (an n8n-core execution context's helpers.httpRequest). */
const http = n8nHttpClient();

describe('redact', () => {
	it('is the same function on the transport and its module', () => {
		expect(transportRedact).toBe(redact);
		expect(createTransport('X', { http }).redact).toBe(redact);
		expect(REDACTED).toBe('***');
	});

	it('removes the secret in every spelling, case-insensitively', () => {
		const secret = 'Ab c+d/中';
		const text = [
			'Ab c+d/中',
			'Ab%20c%2Bd%2F%E4%B8%AD', // UTF-8
			'Ab%20c%2Bd%2F%D6%D0', // GBK
			'ab%20c%2bd%2f%d6%d0', // lower-case hex
			'Ab+c%2Bd%2F%D6%D0', // + for space
			'Ab%20c%2Bd%2F%E4%B8%AD'.toLowerCase(),
		].join(' | ');
		expect(redact(text, [secret])).toBe('*** | *** | *** | *** | *** | ***');
	});

	it('removes MD5 hashes in upper case too', () => {
		const md5 = '5cc68982f55ac74348e3d819f868fbe1';
		expect(redact(`sig ${md5.toUpperCase()} and ${md5}`, [md5])).toBe('sig *** and ***');
	});

	it('removes the longest secret whole when one secret contains another', () => {
		expect(redact('x secret123456 y secret z', ['secret', 'secret123456'])).toBe('x *** y *** z');
	});

	it('removes XML- and JSON-escaped spellings', () => {
		expect(redact('<pw>a&amp;b&lt;c</pw> {"p":"a\\"q"}', ['a&b<c', 'a"q'])).toBe('<pw>***</pw> {"p":"***"}');
	});

	it('treats regular-expression characters in secrets literally', () => {
		expect(redact('pass: a.*b(c)[d]$ and aXXb', ['a.*b(c)[d]$'])).toBe('pass: *** and aXXb');
	});

	it('ignores empty and very short secrets (they would blank ordinary text)', () => {
		expect(secretForms(['', 'ab'])).toEqual([]);
		expect(redact('ab cd', ['', 'ab'])).toBe('ab cd');
	});

	it('blanks the value of any parameter named like a secret, even one not listed', () => {
		expect(redact('http://h/send.asp?name=co&pwd=x1&us_pwd=x2&pswd=x3&password=x4&PWD=x5&newpwd=x6&msg=hi', [])).toBe(
			'http://h/send.asp?name=co&pwd=***&us_pwd=***&pswd=***&password=***&PWD=***&newpwd=***&msg=hi',
		);
		// seed 004's example writes "sign =…" with a space.
		expect(redact('action=send&userid=12&timestamp=20120701231212&sign =5cc68982f55ac74348e3d819f868fbe1&mobile=1', [])).toBe(
			'action=send&userid=12&timestamp=20120701231212&sign =***&mobile=1',
		);
		// At the start of each line of a form body, and after whitespace.
		expect(redact('uid=1\npwd=abc\nmsg=x pwd=def', [])).toBe('uid=1\npwd=***\nmsg=x pwd=***');
	});

	it('keeps quotes and brackets around a blanked value', () => {
		expect(redact('url "http://h/?pwd=abc" <a href=\'x?sign=def\'>', [])).toBe('url "http://h/?pwd=***" <a href=\'x?sign=***\'>');
	});

	it('blanks XML elements and JSON fields named like a secret', () => {
		expect(redact('<r><pwd>abc</pwd><uid>7</uid></r>', [])).toBe('<r><pwd>***</pwd><uid>7</uid></r>');
		expect(redact('{"account":"a","password":"p\\"w","sign": "s"}', [])).toBe('{"account":"a","password":"***","sign": "***"}');
	});

	it('leaves other parameters and text alone', () => {
		const text = 'name=company&dst=13800138000&msg=%C4%E3&passport=1&signature=公司 ok';
		expect(redact(text, ['not-there'])).toBe(text);
	});
});
