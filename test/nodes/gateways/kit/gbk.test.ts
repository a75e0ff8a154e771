/**
 * The GBK codec built from the runtime's GB18030 decoder (nodes/gateways/kit/gbk.ts), compared with
 * iconv-lite's "gbk" (a devDependency, the codec the package shipped before) for every character
 * of GBK and of GB2312, both ways, for characters neither carries, and for malformed bytes.
 */
import * as iconv from 'iconv-lite';

import { decodeBytes, encodeText, unencodableByCharacter, unencodableCharacters } from '../../../../nodes/gateways/kit/charset';
import { decodeGbk, encodeGbk, firstGbkFlaw } from '../../../../nodes/gateways/kit/gbk';

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex').toUpperCase();

/** Every double-byte code of GBK: lead 0x81–0xFE, trail 0x40–0xFE but 0x7F. */
const CELLS: Buffer[] = [];
for (let lead = 0x81; lead <= 0xfe; lead++) {
	for (let trail = 0x40; trail <= 0xfe; trail++) if (trail !== 0x7f) CELLS.push(Buffer.from([lead, trail]));
}

/** GB2312's cells (EUC-CN), from the standard's row/cell layout: 682 symbols, 6,763 hanzi. */
const GB2312_SYMBOL_CELLS: Array<[number, number, number]> = [
	[0xa1, 0xa1, 0xfe],
	[0xa2, 0xb1, 0xe2],
	[0xa2, 0xe5, 0xee],
	[0xa2, 0xf1, 0xfc],
	[0xa3, 0xa1, 0xfe],
	[0xa4, 0xa1, 0xf3],
	[0xa5, 0xa1, 0xf6],
	[0xa6, 0xa1, 0xb8],
	[0xa6, 0xc1, 0xd8],
	[0xa7, 0xa1, 0xc1],
	[0xa7, 0xd1, 0xf1],
	[0xa8, 0xa1, 0xba],
	[0xa8, 0xc5, 0xe9],
	[0xa9, 0xa4, 0xef],
];
function gb2312Cells(): { symbols: Buffer[]; hanzi: Buffer[] } {
	const symbols = GB2312_SYMBOL_CELLS.flatMap(([lead, from, to]) => Array.from({ length: to - from + 1 }, (_, i) => Buffer.from([lead, from + i])));
	const hanzi: Buffer[] = [];
	for (let lead = 0xb0; lead <= 0xf7; lead++) {
		for (let trail = 0xa1; trail <= (lead === 0xd7 ? 0xf9 : 0xfe); trail++) hanzi.push(Buffer.from([lead, trail]));
	}
	return { symbols, hanzi };
}

describe('GBK against iconv-lite', () => {
	it('decodes every double-byte code to the same character, alone and all together', () => {
		const differing = CELLS.filter((cell) => decodeGbk(cell) !== iconv.decode(cell, 'gbk')).map(hex);
		expect(differing).toEqual([]);
		const all = Buffer.concat(CELLS);
		expect(decodeGbk(all)).toBe(iconv.decode(all, 'gbk'));
		expect(decodeBytes(all, 'gbk')).toBe(iconv.decode(all, 'gbk'));
		expect(decodeBytes(all, 'gb2312')).toBe(iconv.decode(all, 'gbk'));
		// Every cell is a character: no U+FFFD anywhere, so a flaw is always a malformed byte.
		expect(decodeGbk(all).length).toBe(23_940);
		expect(decodeGbk(all)).not.toContain('\ufffd');
	});

	it('encodes every character of GBK to the same bytes (23,939 characters, 2,066 of them private use)', () => {
		const characters = new Set(CELLS.map((cell) => iconv.decode(cell, 'gbk')));
		characters.add('€');
		const differing = [...characters].filter((ch) => hex(encodeGbk(ch)) !== hex(iconv.encode(ch, 'gbk')));
		expect(differing).toEqual([]);
		const privateUse = [...characters].filter((ch) => ch >= '\ue000' && ch <= '\uf8ff');
		expect([characters.size, characters.size - privateUse.length, privateUse.length]).toEqual([23_939, 21_873, 2_066]);
		// Every one of them round-trips and is accepted by the check.
		expect([...characters].filter((ch) => decodeGbk(encodeGbk(ch)) !== ch || unencodableCharacters(ch, 'gbk').length > 0)).toEqual([]);
		// One string of all of them at once.
		const text = [...characters].join('');
		expect(hex(encodeGbk(text))).toBe(hex(iconv.encode(text, 'gbk')));
	});

	it('encodes every UTF-16 code unit alike, except U+E7C7, which iconv-lite cuts to three bytes', () => {
		const differing: string[] = [];
		for (let unit = 0; unit <= 0xffff; unit++) {
			const ch = String.fromCharCode(unit);
			if (hex(encodeGbk(ch)) !== hex(iconv.encode(ch, 'gbk'))) differing.push(`U+${unit.toString(16).toUpperCase()}`);
		}
		expect(differing).toEqual(['U+E7C7']);
		// iconv-lite's table holds one four-byte GB18030 code (81 35 F4 37) and writes it as three
		// bytes its own decoder cannot read back; GBK has no such code: "?" like any missing character.
		expect([hex(iconv.encode('\ue7c7', 'gbk')), hex(encodeGbk('\ue7c7'))]).toEqual(['8135F4', '3F']);
		expect(iconv.decode(iconv.encode('\ue7c7', 'gbk'), 'gbk')).not.toBe('\ue7c7');
	});

	it('writes one "?" for each character neither carries: every supplementary character, lone surrogates', () => {
		let supplementary = '';
		for (let cp = 0x10000; cp <= 0x10ffff; cp++) supplementary += String.fromCodePoint(cp);
		const bytes = encodeGbk(supplementary);
		expect(bytes.length).toBe(0x100000);
		expect(bytes.equals(iconv.encode(supplementary, 'gbk'))).toBe(true);
		for (const text of ['😀', '𠀀', '한국어', 'สวัสดี', 'a\ud800', '\ud800\ud800\udc00', '\udc00x', '😀\ud83d', '\ud83d', 'Ωж€中😀']) {
			expect(hex(encodeGbk(text))).toBe(hex(iconv.encode(text, 'gbk')));
		}
		expect(hex(encodeGbk('😀𠀀한'))).toBe('3F3F3F');
	});

	it('decodes the single-byte range alike: ASCII, 0x80 as €, 0xFF and a lone lead byte as U+FFFD', () => {
		for (let byte = 0; byte <= 0xff; byte++) expect(decodeGbk(Buffer.from([byte]))).toBe(iconv.decode(Buffer.from([byte]), 'gbk'));
		expect(decodeGbk(Buffer.from('80FF81', 'hex'))).toBe('€\ufffd\ufffd');
		for (let unit = 0; unit <= 0xff; unit++) expect(hex(encodeGbk(String.fromCharCode(unit)))).toBe(hex(iconv.encode(String.fromCharCode(unit), 'gbk')));
	});

	it('decodes every malformed two-byte input alike, alone, before a lead byte and before ASCII', () => {
		let compared = 0;
		const differing: string[] = [];
		for (let first = 0; first <= 0xff; first++) {
			for (let second = 0; second <= 0xff; second++) {
				for (const bytes of [Buffer.from([first, second]), Buffer.from([first, second, 0x81]), Buffer.from([first, second, 0x41])]) {
					compared++;
					if (decodeGbk(bytes) !== iconv.decode(bytes, 'gbk')) differing.push(hex(bytes));
				}
			}
		}
		expect([compared, differing]).toEqual([196_608, []]);
		// The byte after a lead byte that it cannot end is read again on its own.
		expect(decodeGbk(Buffer.from('8130817FC4', 'hex'))).toBe('\ufffd0\ufffd\u007f\ufffd');
	});

	it('reads no four-byte GB18030 code: 81 35 F4 37 (U+E7C7 in iconv-lite) is malformed GBK', () => {
		const bytes = Buffer.from('8135F437', 'hex');
		expect(iconv.decode(bytes, 'gbk')).toBe('\ue7c7');
		expect(decodeGbk(bytes)).toBe('\ufffd5\ufffd7');
		// Other four-byte GB18030 codes are malformed for both.
		for (const h of ['81308130', '8431A439', 'E3329A35']) expect(decodeGbk(Buffer.from(h, 'hex'))).toBe(iconv.decode(Buffer.from(h, 'hex'), 'gbk'));
	});

	it('keeps GBK spellings where GB18030-2022 (and so the runtime) moved 18 cells out of the private use area', () => {
		expect([...decodeGbk(Buffer.from('A6D9A6F3FE59FEA0', 'hex'))].map((c) => c.charCodeAt(0).toString(16))).toEqual(['e78d', 'e796', 'e81e', 'e864']);
		expect(hex(encodeGbk('\ue78d\ue81e'))).toBe('A6D9FE59');
		// The characters GB18030-2022 gives them (︐, 龴) are no GBK characters: refused, never sent.
		expect(unencodableCharacters('︐龴', 'gbk')).toEqual(['︐', '龴']);
		// A3A0 reads as the ideographic space, which is written as A1A1.
		expect([decodeGbk(Buffer.from('A3A0', 'hex')), hex(encodeGbk('\u3000'))]).toEqual(['\u3000', 'A1A1']);
	});
});

describe('the charset check against iconv-lite', () => {
	/** GB2312's spellings of cells A1A4 and A1AA, which charset.ts sends as those cells. */
	const gbkSpelling = (ch: string) => ({ '\u30fb': '\u00b7', '\u2015': '\u2014' })[ch] ?? ch;
	/** Carried by GBK, as the check was written with iconv-lite: encoding round-trips. */
	const carriedByIconv = (ch: string) => iconv.decode(iconv.encode(gbkSpelling(ch), 'gbk'), 'gbk') === gbkSpelling(ch);

	it('agrees for every BMP code point but ASCII (lone surrogates included) and every 63rd one above', () => {
		const differing: string[] = [];
		const codePoints: number[] = [];
		for (let cp = 0x80; cp <= 0xffff; cp++) codePoints.push(cp);
		for (let cp = 0x10000; cp <= 0x10ffff; cp += 63) codePoints.push(cp);
		for (const cp of codePoints) {
			const ch = String.fromCodePoint(cp);
			if ((unencodableByCharacter(ch, 'gbk').length === 0) !== carriedByIconv(ch)) differing.push(`U+${cp.toString(16)}`);
		}
		expect([codePoints.length, differing]).toEqual([65_408 + 16_645, []]);
	});

	it("GB2312: its 7,445 cells (682 symbols, 6,763 hanzi) and nothing else, in its spellings and GBK's", () => {
		const { symbols, hanzi } = gb2312Cells();
		expect([symbols.length, hanzi.length]).toEqual([682, 6_763]);
		const inGb2312 = new Set([...symbols, ...hanzi].map(hex));
		// Two GBK cells outside GB2312 hold characters GB2312 has elsewhere: A3A0 the ideographic
		// space of A1A1, A844 "―", GB2312's spelling of A1AA.
		const elsewhere: Record<string, string> = { A3A0: 'A1A1', A844: 'A1AA' };
		const differing: string[] = [];
		let carried = 0;
		for (const cell of CELLS) {
			const ch = iconv.decode(cell, 'gbk');
			const expected = inGb2312.has(hex(cell)) ? hex(cell) : elsewhere[hex(cell)] ?? null;
			const accepted = unencodableCharacters(ch, 'gb2312').length === 0 && unencodableByCharacter(ch, 'gb2312').length === 0;
			if (accepted) carried++;
			if ((accepted ? hex(encodeText(ch, 'gb2312')) : null) !== expected) differing.push(hex(cell));
		}
		expect([carried, differing]).toEqual([7_447, []]);
		// GB2312's own spellings of A1A4 and A1AA are sent as those cells.
		expect(hex(encodeText('・―', 'gb2312'))).toBe('A1A4A1AA');
		expect(unencodableCharacters('・―', 'gb2312')).toEqual([]);
	});

	it('neither carries emoji, 𠀀, Korean, Thai, U+E7C7 or ︐; only GBK carries €', () => {
		for (const ch of ['😀', '𠀀', '한', 'ก', '\ue7c7', '︐']) {
			expect([unencodableCharacters(ch, 'gbk'), unencodableCharacters(ch, 'gb2312')]).toEqual([[ch], [ch]]);
		}
		expect([unencodableCharacters('€', 'gbk'), unencodableCharacters('€', 'gb2312')]).toEqual([[], ['€']]);
	});
});

describe('firstGbkFlaw', () => {
	it('finds the first byte decodeGbk turns into U+FFFD, for every two-byte input and after text', () => {
		const differing: string[] = [];
		for (let first = 0; first <= 0xff; first++) {
			for (let second = 0; second <= 0xff; second++) {
				for (const bytes of [Buffer.from([first, second]), Buffer.from([0xc4, 0xe3, first, second, 0x41])]) {
					const text = decodeGbk(bytes);
					const flaw = firstGbkFlaw(bytes);
					// The flaw's character index equals its byte index less the pairs before it.
					const expected = text.indexOf('\ufffd');
					const charAt = flaw < 0 ? -1 : decodeGbk(bytes.subarray(0, flaw)).length;
					if (charAt !== expected) differing.push(hex(bytes));
				}
			}
		}
		expect(differing).toEqual([]);
	});
});

describe('building the table', () => {
	const Original = TextDecoder;
	afterEach(() => {
		global.TextDecoder = Original;
	});

	/** A fresh copy of the modules, so that the table is built anew. */
	function freshModules() {
		let modules!: { gbk: typeof import('../../../../nodes/gateways/kit/gbk'); errors: typeof import('../../../../nodes/gateways/kit/errors') };
		jest.isolateModules(() => {
			modules = { gbk: require('../../../../nodes/gateways/kit/gbk'), errors: require('../../../../nodes/gateways/kit/errors') };
		});
		return modules;
	}

	it('happens once, on the first GBK call, not when the module is loaded', () => {
		const labels: string[] = [];
		global.TextDecoder = class extends Original {
			constructor(...args: ConstructorParameters<typeof TextDecoder>) {
				super(...args);
				labels.push(String(args[0]));
			}
		} as typeof TextDecoder;
		const { gbk } = freshModules();
		expect(labels).toEqual([]);
		expect(hex(gbk.encodeGbk('中'))).toBe('D6D0');
		expect(gbk.decodeGbk(Buffer.from('D6D0', 'hex'))).toBe('中');
		expect(hex(gbk.encodeGbk('文'))).toBe('CEC4');
		expect(labels).toEqual(['gb18030']);
	});

	it('without GB18030 in the runtime (Node built with small-icu): a clear error, on every GBK call', () => {
		global.TextDecoder = class extends Original {
			constructor(...args: ConstructorParameters<typeof TextDecoder>) {
				if (args[0] === 'gb18030') throw new RangeError(`The "${args[0]}" encoding is not supported`);
				super(...args);
			}
		} as typeof TextDecoder;
		const { gbk, errors } = freshModules();
		for (const call of [() => gbk.encodeGbk('中'), () => gbk.decodeGbk(Buffer.from('41', 'hex')), () => gbk.encodeGbk('ascii')]) {
			let thrown: unknown;
			try {
				call();
			} catch (error) {
				thrown = error;
			}
			expect(thrown).toBeInstanceOf(gbk.CharsetUnavailableError);
			expect((thrown as Error).message).toBe(
				"GBK is unavailable: GBK and GB2312 need the runtime's TextDecoder for GB18030, which this Node.js lacks (it was built with small-icu or without Intl): run n8n on a Node.js build with full ICU, as the official builds are",
			);
		}
		// The flaw check needs no table.
		expect(gbk.firstGbkFlaw(Buffer.from('C4E3FF', 'hex'))).toBe(2);
	});

	it('refuses a runtime decoder that maps GBK otherwise, instead of sending other bytes', () => {
		global.TextDecoder = class extends Original {
			decode(...args: Parameters<InstanceType<typeof TextDecoder>['decode']>): string {
				return super.decode(...args).replace('中', '仲');
			}
		} as typeof TextDecoder;
		const { gbk, errors } = freshModules();
		expect(() => gbk.encodeGbk('中')).toThrow(gbk.CharsetUnavailableError);
		expect(() => gbk.encodeGbk('中')).toThrow(/^GBK is unavailable: this runtime's GB18030 decoder maps GBK differently from the table this package was tested with \(checksum [0-9a-f]+, expected 85b4aea2\)/);
	});
});
