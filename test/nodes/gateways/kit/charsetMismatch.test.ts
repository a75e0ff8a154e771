/**
 * The charset mismatch diagnosis: which bytes are suspected of being in the other charset, the
 * advice given for each source of the charset, the bytes of each record of a misread answer, and
 * the flag put on events read from one. Nothing here changes how an answer is decoded.
 */
import { decodeBytes, encodeText } from '../../../../nodes/gateways/kit/charset';
import { diagnoseCharset, flagMismatch, suspectedCharset } from '../../../../nodes/gateways/kit/charsetMismatch';
import type { CharsetMismatch } from '../../../../nodes/gateways/kit/model';
import type { InboundReply } from '../../../../nodes/gateways/kit/model';

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const gbk = (text: string) => encodeText(text, 'gbk');
const base64Text = (base64: string | null, charset: 'utf8' | 'gbk') => (base64 === null ? null : decodeBytes(Buffer.from(base64, 'base64'), charset));

describe('suspectedCharset', () => {
	it('suspects nothing of bytes that fit the charset they are read in', () => {
		expect(suspectedCharset(utf8('id=1&msg=收到，谢谢'), 'utf8')).toBeNull();
		expect(suspectedCharset(gbk('id=1&msg=收到，谢谢'), 'gbk')).toBeNull();
		expect(suspectedCharset(gbk('用户 ID=smsuser 剩余资费=1000'), 'gb2312')).toBeNull();
	});

	it('suspects nothing of plain ASCII or an empty answer, which every charset reads alike', () => {
		for (const charset of ['utf8', 'gbk', 'gb2312'] as const) {
			expect(suspectedCharset(Buffer.from('0|3|0|1001,1002'), charset)).toBeNull();
			expect(suspectedCharset(Buffer.alloc(0), charset)).toBeNull();
		}
	});

	it('Chinese UTF-8 read as GBK or GB2312: UTF-8', () => {
		expect(suspectedCharset(utf8('msg=收到'), 'gbk')).toBe('utf8');
		expect(suspectedCharset(utf8('不含敏感字'), 'gb2312')).toBe('utf8');
	});

	it('GBK read as UTF-8: GBK', () => {
		expect(suspectedCharset(gbk('<content>收到</content>'), 'utf8')).toBe('gbk');
		expect(suspectedCharset(gbk('预付费'), 'utf8')).toBe('gbk');
	});

	it('an answer cut mid-character is still recognised', () => {
		expect(suspectedCharset(utf8('msg=收到').subarray(0, -1), 'gbk')).toBe('utf8');
		expect(suspectedCharset(gbk('msg=收到').subarray(0, -1), 'utf8')).toBe('gbk');
		// UTF-8 cut mid-character, read as UTF-8: nothing wrong with it.
		expect(suspectedCharset(utf8('msg=收到').subarray(0, -1), 'utf8')).toBeNull();
	});

	it('accuses no bytes that are not plainly the other charset', () => {
		// UTF-8 with two-byte characters is no Chinese text; bytes that are neither charset are no GBK.
		expect(suspectedCharset(utf8('café'), 'gbk')).toBeNull();
		expect(suspectedCharset(Buffer.from([0x41, 0xff, 0xff, 0x42]), 'utf8')).toBeNull();
		// GBK pairs that are no valid UTF-8 sequence.
		expect(suspectedCharset(gbk('中文'), 'gbk')).toBeNull();
	});
});

describe('diagnoseCharset', () => {
	const bytes = utf8('msg=收到');

	it('null when the bytes fit', () => {
		expect(diagnoseCharset(gbk('msg=收到'), 'gbk', { setting: 'Charset' }, [])).toBeNull();
	});

	it('advice by what chose the charset: a credential setting, a declaration, the gateway', () => {
		expect(diagnoseCharset(bytes, 'gbk', { setting: 'Charset' }, [])).toMatchObject({
			readAs: 'gbk',
			looksLike: 'utf8',
			note: "the answer looks like UTF-8 although the credential's Charset is GBK, so it was read as GBK and its Chinese text may be garbled: change the Charset setting to UTF-8",
		});
		expect(diagnoseCharset(gbk('<a>收到</a>'), 'utf8', { setting: 'Endpoint Charset' }, [])?.note).toBe(
			"the answer looks like GBK although the credential's Endpoint Charset is UTF-8, so it was read as UTF-8 and its Chinese text may be garbled: change the Endpoint Charset setting to GBK",
		);
		expect(diagnoseCharset(bytes, 'gbk', { declaredBy: 'Content-Type header' }, [])?.note).toBe(
			'the answer looks like UTF-8 although its Content-Type header declares GBK, so it was read as GBK and its Chinese text may be garbled: the gateway mislabels its answers, so tell its vendor',
		);
		expect(diagnoseCharset(gbk('<a>收到</a>'), 'utf8', { declaredBy: 'XML prolog' }, [])?.note).toBe(
			'the answer looks like GBK although its XML prolog declares UTF-8, so it was read as UTF-8 and its Chinese text may be garbled: the gateway mislabels its answers, so tell its vendor',
		);
		expect(diagnoseCharset(bytes, 'gb2312', 'gateway', [])?.note).toBe(
			"the answer looks like UTF-8 although this gateway answers in GB2312, so it was read as GB2312 and its Chinese text may be garbled: no setting changes this gateway's charset, so tell its vendor",
		);
	});
});

describe('bytesOf: the bytes of each record of a misread answer', () => {
	const mismatchOf = (answer: Buffer, readAs: 'utf8' | 'gbk', secrets: string[] = []) => {
		const mismatch = diagnoseCharset(answer, readAs, 'gateway', secrets);
		expect(mismatch).not.toBeNull();
		return { mismatch: mismatch as CharsetMismatch, read: decodeBytes(answer, readAs) };
	};

	it('GBK read as UTF-8: each line exactly, however the GBK bytes were replaced', () => {
		const { mismatch, read } = mismatchOf(gbk('13800000001/收到\n13800000002/谢谢您\n'), 'utf8');
		const lines = read.split('\n').filter((l) => l);
		expect(lines[0]).toMatch(/^13800000001\/.*\uFFFD/);
		expect(lines[0]).not.toContain('收到');
		expect(lines.map((l) => base64Text(mismatch.bytesOf(l), 'gbk'))).toEqual(['13800000001/收到', '13800000002/谢谢您']);
	});

	it('UTF-8 read as GBK: the bytes reach to the next byte that surely is a character of its own', () => {
		// 好 (E5 A5 BD) then `|`: GBK reads BD 7C as one character, so the first `|` is swallowed and
		// the two records read as one. `|` can be a GBK trail byte, so the range takes the last one along.
		const answer = utf8('1;138;好|2;139;收到|');
		const { mismatch, read } = mismatchOf(answer, 'gbk');
		const pieces = read.split('|');
		expect(pieces).toEqual([decodeBytes(utf8('1;138;好|2;139;收到'), 'gbk'), '']);
		expect(base64Text(mismatch.bytesOf(pieces[0]), 'utf8')).toBe('1;138;好|2;139;收到|');
		// `;` (below 0x40) never is a trail byte: a record ending before it ends exactly there.
		expect(base64Text(mismatch.bytesOf('1;138'), 'utf8')).toBe('1;138');
	});

	it('records asked for in order: repeated records get their own bytes; an unknown one gets none', () => {
		const { mismatch } = mismatchOf(gbk('<b>甲</b><b>甲</b><c>乙</c>'), 'utf8');
		const box = decodeBytes(gbk('<b>甲</b>'), 'utf8');
		const first = mismatch.bytesOf(box);
		const second = mismatch.bytesOf(box);
		expect([base64Text(first, 'gbk'), base64Text(second, 'gbk')]).toEqual(['<b>甲</b>', '<b>甲</b>']);
		expect(Buffer.from(first as string, 'base64')).toEqual(gbk('<b>甲</b>'));
		expect(mismatch.bytesOf('<d>')).toBeNull();
		expect(mismatch.bytesOf('')).toBeNull();
	});

	it('never shows bytes that hold a secret, in either reading', () => {
		const { mismatch, read } = mismatchOf(gbk('13800000001/收到 pw-secret-1\n13800000002/好\n'), 'utf8', ['pw-secret-1']);
		const lines = read.split('\n').filter((l) => l);
		expect(mismatch.bytesOf(lines[0])).toBeNull();
		expect(base64Text(mismatch.bytesOf(lines[1]), 'gbk')).toBe('13800000002/好');
	});
});

describe('flagMismatch', () => {
	const reply = (parseError?: string): InboundReply => ({
		type: 'reply',
		id: '1',
		mobile: '13800000001',
		text: 'x',
		receivedAt: null,
		destination: null,
		extno: null,
		linkId: null,
		raw: { line: 'x' },
		...(parseError ? { parseError } : {}),
	});

	it('leaves an event of a well-read answer as it is', () => {
		const event = reply();
		expect(flagMismatch(event, 'x', null)).toBe(event);
	});

	it('keeps the event, says what was seen and what to do, and keeps its bytes in raw', () => {
		const answer = utf8('13800000001/好\n');
		const mismatch = diagnoseCharset(answer, 'gbk', { setting: 'Charset' }, []) as CharsetMismatch;
		const line = decodeBytes(answer, 'gbk').trimEnd();
		const event = { ...reply(), text: line, raw: { line } };
		const flagged = flagMismatch(event, line, mismatch);
		expect(flagged).toEqual({
			...event,
			parseError: `${mismatch.note}; raw.bytesBase64 holds this record's bytes as they arrived`,
			raw: { line, bytesBase64: utf8('13800000001/好').toString('base64') },
		});
		// The event handed in is not changed.
		expect(event.raw).toEqual({ line });
		expect(event).not.toHaveProperty('parseError');
	});

	it('puts the diagnosis before a parse problem of its own', () => {
		const answer = gbk('坏/\n');
		const mismatch = diagnoseCharset(answer, 'utf8', 'gateway', []) as CharsetMismatch;
		const line = decodeBytes(answer, 'utf8').trimEnd();
		const flagged = flagMismatch(reply('the line does not have the five "/"-separated fields'), line, mismatch);
		expect(flagged.parseError).toBe(
			`${mismatch.note}; raw.bytesBase64 holds this record's bytes as they arrived; the line does not have the five "/"-separated fields`,
		);
		expect(base64Text(flagged.raw.bytesBase64 as string, 'gbk')).toBe('坏/');
	});

	it('says so when the bytes cannot be shown', () => {
		const mismatch = diagnoseCharset(utf8('好\n'), 'gbk', 'gateway', []) as CharsetMismatch;
		const flagged = flagMismatch(reply(), 'not in the answer', mismatch);
		expect(flagged.parseError).toBe(`${mismatch.note}; its bytes are not shown (they could not be told apart, or hold a credential)`);
		expect(flagged.raw).toEqual({ line: 'x' });
	});
});
