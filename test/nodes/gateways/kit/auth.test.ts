import { execFile } from 'node:child_process';
import * as path from 'node:path';

import { md5Hex, passwordMd5, signTimestamp } from '../../../../nodes/gateways/kit/auth';

// seed 004 §1.2: account test, password mima, timestamp 20120701231212 (China time).
const DOC_INSTANT = new Date(Date.UTC(2012, 6, 1, 15, 12, 12)); // 2012-07-01 23:12:12 +08:00
const DOC_SIGN = '5cc68982f55ac74348e3d819f868fbe1';

describe('md5Hex', () => {
	it.each([
		['', 'd41d8cd98f00b204e9800998ecf8427e'],
		['abc', '900150983cd24fb0d6963f7d28e17f72'],
		['testmima20120701231212', DOC_SIGN],
		// UTF-8 bytes of the text, not UTF-16 or GBK.
		['密码', 'a8105204604a0b11e916f3879aae3b0b'], // GBK bytes would give d2293e30f0c964c5f6242486aa8a483c
	])('md5(%j) = %s', (text, digest) => {
		expect(md5Hex(text)).toBe(digest);
	});
});

describe('passwordMd5', () => {
	it('hashes a plain password', () => {
		expect(passwordMd5('abc')).toBe('900150983cd24fb0d6963f7d28e17f72');
		expect(passwordMd5('mima')).toBe(md5Hex('mima'));
	});

	it('takes 32 hex characters as an MD5 already, lower-cased', () => {
		expect(passwordMd5('900150983cd24fb0d6963f7d28e17f72')).toBe('900150983cd24fb0d6963f7d28e17f72');
		expect(passwordMd5('900150983CD24FB0D6963F7D28E17F72')).toBe('900150983cd24fb0d6963f7d28e17f72');
	});

	it('hashes anything that is not exactly 32 hex characters', () => {
		for (const value of ['900150983cd24fb0d6963f7d28e17f7', '900150983cd24fb0d6963f7d28e17f72a', '900150983cd24fb0d6963f7d28e17f7g', ' 900150983cd24fb0d6963f7d28e17f72']) {
			expect(passwordMd5(value)).toBe(md5Hex(value));
			expect(passwordMd5(value)).toMatch(/^[0-9a-f]{32}$/);
		}
		expect(passwordMd5('')).toBe('d41d8cd98f00b204e9800998ecf8427e');
	});
});

describe('signTimestamp (sms10692)', () => {
	it("reproduces the document's example", () => {
		expect(signTimestamp('test', 'mima', DOC_INSTANT)).toEqual({ timestamp: '20120701231212', sign: DOC_SIGN });
	});

	it('uses China time across the UTC day boundary', () => {
		// 2012-06-30 16:30:05 UTC is already 1 July 00:30:05 in China.
		const signed = signTimestamp('test', 'mima', new Date(Date.UTC(2012, 5, 30, 16, 30, 5)));
		expect(signed.timestamp).toBe('20120701003005');
		expect(signed.sign).toBe(md5Hex('testmima20120701003005'));
	});

	it('gives the same timestamp and sign whatever the process time zone', async () => {
		// A separate Node process per zone: the zone is fixed at start-up, as on a real server.
		const script = [
			"const { signTimestamp } = require('./nodes/gateways/kit/auth');",
			'const now = new Date(Date.UTC(2012, 6, 1, 15, 12, 12));',
			'process.stdout.write(JSON.stringify({ zone: Intl.DateTimeFormat().resolvedOptions().timeZone, offset: now.getTimezoneOffset(), ...signTimestamp("test", "mima", now) }));',
		].join('\n');
		const run = (tz: string) =>
			new Promise<{ zone: string; offset: number; timestamp: string; sign: string }>((resolve, reject) => {
				execFile(
					process.execPath,
					['-r', 'ts-node/register/transpile-only', '-e', script],
					{ cwd: path.resolve(__dirname, '../../../..'), env: { ...process.env, TZ: tz }, timeout: 30_000 },
					(error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout))),
				);
			});
		const [newYork, shanghai] = await Promise.all([run('America/New_York'), run('Asia/Shanghai')]);
		// The zones really differ (New York is on EDT, UTC-4, that day; Shanghai UTC+8)…
		expect([newYork.zone, newYork.offset, shanghai.zone, shanghai.offset]).toEqual(['America/New_York', 240, 'Asia/Shanghai', -480]);
		// …and the signature does not.
		for (const r of [newYork, shanghai]) {
			expect(r.timestamp).toBe('20120701231212');
			expect(r.sign).toBe(DOC_SIGN);
		}
	});
});
