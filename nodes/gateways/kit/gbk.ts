/**
 * GBK (code page 936 with the GBK additions: every lead byte 0x81–0xFE with every trail byte
 * 0x40–0xFE but 0x7F, and the single byte 0x80 for €) without a codec shipped in the package.
 *
 * The mapping is read from the runtime's own WHATWG "gb18030" decoder (`TextDecoder`), once, on
 * the first GBK call: every double-byte code is decoded and the result inverted into an encode
 * table. Decoding then goes through the same table, so invalid bytes are handled one way on every
 * runtime. The label is "gb18030", not "gbk": Node 20 reads the label "gbk" with ICU's own GBK
 * converter (windows-936), which maps 83 cells differently, while "gb18030" gives the same table
 * on Node 20 and 24.
 */

/**
 * The runtime cannot do what a charset needs: a Node.js built without full ICU has no GB18030
 * decoder, from which the GBK codec is built. Found before anything is sent in that charset.
 */
export class CharsetUnavailableError extends Error {
	readonly charset: string;

	constructor(charset: string, why: string) {
		super(`${charset} is unavailable: ${why}`);
		this.name = 'CharsetUnavailableError';
		this.charset = charset;
	}
}

const TRAILS_PER_LEAD = 190; // 0x40–0x7E and 0x80–0xFE
const CELLS = 126 * TRAILS_PER_LEAD; // lead bytes 0x81–0xFE
const EURO = 0x20ac;
const REPLACEMENT = 0xfffd;
const QUESTION_MARK = 0x3f;

/**
 * The runtime's decoder follows GB18030-2022, which gives these 18 cells the characters Unicode
 * encoded later (︐ U+FE10, 龴 U+9FB4 …); GBK as Windows' code page 936 has it, and as the gateways'
 * servers read it, keeps them in the private use area. [first cell, last cell, first code point].
 */
const CP936_PRIVATE_USE: Array<[number, number, number]> = [
	[0xa6d9, 0xa6df, 0xe78d],
	[0xa6ec, 0xa6ed, 0xe794],
	[0xa6f3, 0xa6f3, 0xe796],
	[0xfe59, 0xfe59, 0xe81e],
	[0xfe61, 0xfe61, 0xe826],
	[0xfe66, 0xfe67, 0xe82b],
	[0xfe6d, 0xfe6d, 0xe832],
	[0xfe7e, 0xfe7e, 0xe843],
	[0xfe90, 0xfe90, 0xe854],
	[0xfea0, 0xfea0, 0xe864],
];

/**
 * FNV-1a over the 23,940 decoded cells: the table every test compares with iconv-lite's "gbk".
 * A runtime whose decoder gives another table is refused rather than trusted.
 */
const TABLE_CHECKSUM = 0x85b4aea2;

interface GbkTables {
	/** Code unit of each double-byte cell, by `cellIndex`. */
	decode: Uint16Array;
	/** By UTF-16 code unit: the GBK code (0x80 for €, else lead << 8 | trail), 0 where GBK has none. */
	encode: Uint16Array;
}

let tables: GbkTables | null = null;

function cellIndex(lead: number, trail: number): number {
	return (lead - 0x81) * TRAILS_PER_LEAD + (trail < 0x7f ? trail - 0x40 : trail - 0x41);
}

function isTrail(byte: number): boolean {
	return byte >= 0x40 && byte <= 0xfe && byte !== 0x7f;
}

function checksum(decode: Uint16Array): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < decode.length; i++) {
		hash = Math.imul(hash ^ (decode[i] & 0xff), 0x01000193);
		hash = Math.imul(hash ^ (decode[i] >> 8), 0x01000193);
	}
	return hash >>> 0;
}

/** The runtime's WHATWG GB18030 decoder, or null where it has none. */
function gb18030Decoder(): { decode(input: Uint8Array): string } | null {
	try {
		return new TextDecoder('gb18030');
	} catch {
		// A Node.js built with small-icu (or without Intl) throws a RangeError.
		return null;
	}
}

function buildTables(): GbkTables {
	const decoder = gb18030Decoder();
	if (!decoder) {
		throw new CharsetUnavailableError(
			'GBK',
			"GBK and GB2312 need the runtime's TextDecoder for GB18030, which this Node.js lacks (it was built with small-icu or without Intl): run n8n on a Node.js build with full ICU, as the official builds are",
		);
	}
	const codes = new Uint8Array(CELLS * 2);
	let k = 0;
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			codes[k++] = lead;
			codes[k++] = trail;
		}
	}
	const text = decoder.decode(codes);
	const decode = new Uint16Array(CELLS);
	// A cell decoded to two code units (or to none) shifts every later cell: the checksum refuses it.
	for (let i = 0; i < CELLS && i < text.length; i++) decode[i] = text.charCodeAt(i);
	for (const [first, last, codePoint] of CP936_PRIVATE_USE) {
		for (let code = first; code <= last; code++) decode[cellIndex(code >> 8, code & 0xff)] = codePoint + code - first;
	}
	const sum = checksum(decode);
	if (text.length !== CELLS || sum !== TABLE_CHECKSUM) {
		throw new CharsetUnavailableError(
			'GBK',
			`this runtime's GB18030 decoder maps GBK differently from the table this package was tested with (checksum ${sum.toString(16)}, expected ${TABLE_CHECKSUM.toString(16)}), so GBK and GB2312 are refused rather than sent or read wrongly`,
		);
	}
	const encode = new Uint16Array(0x10000);
	// Lowest code first, as iconv-lite fills its table: € is the single byte 0x80, not A2E3.
	encode[EURO] = 0x80;
	k = 0;
	for (let lead = 0x81; lead <= 0xfe; lead++) {
		for (let trail = 0x40; trail <= 0xfe; trail++) {
			if (trail === 0x7f) continue;
			const unit = decode[k++];
			if (encode[unit] === 0) encode[unit] = (lead << 8) | trail;
		}
	}
	return { decode, encode };
}

function gbkTables(): GbkTables {
	if (!tables) tables = buildTables();
	return tables;
}

/**
 * Text to GBK bytes. A character GBK lacks (an emoji is one character, a lone surrogate too)
 * becomes one "?", as iconv-lite writes it.
 */
export function encodeGbk(text: string): Buffer {
	const { encode } = gbkTables();
	const out = Buffer.allocUnsafe(text.length * 2);
	let j = 0;
	for (let i = 0; i < text.length; i++) {
		const unit = text.charCodeAt(i);
		if (unit < 0x80) {
			out[j++] = unit;
			continue;
		}
		if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length) {
			const next = text.charCodeAt(i + 1);
			if (next >= 0xdc00 && next <= 0xdfff) {
				// A supplementary character: GBK has none.
				i++;
				out[j++] = QUESTION_MARK;
				continue;
			}
		}
		const code = encode[unit];
		if (code === 0) {
			out[j++] = QUESTION_MARK;
		} else if (code < 0x100) {
			out[j++] = code;
		} else {
			out[j++] = code >> 8;
			out[j++] = code & 0xff;
		}
	}
	return out.subarray(0, j);
}

/**
 * GBK bytes to text. A byte that starts no character (0xFF, a lead byte without a valid trail
 * byte) becomes U+FFFD, and the byte after a lone lead byte is read again on its own.
 */
export function decodeGbk(bytes: Uint8Array): string {
	const { decode } = gbkTables();
	// UTF-16LE, written byte by byte: one code unit per byte at most.
	const out = Buffer.allocUnsafe(bytes.length * 2);
	let j = 0;
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		let unit: number;
		if (byte < 0x80) {
			unit = byte;
		} else if (byte === 0x80) {
			unit = EURO;
		} else if (byte !== 0xff && i + 1 < bytes.length && isTrail(bytes[i + 1])) {
			unit = decode[cellIndex(byte, bytes[i + 1])];
			i++;
		} else {
			unit = REPLACEMENT;
		}
		out[j++] = unit & 0xff;
		out[j++] = unit >> 8;
	}
	return out.toString('utf16le', 0, j);
}

/**
 * Where the first byte lies that starts no GBK character (what `decodeGbk` turns into U+FFFD), or
 * -1. Needs no table: every well-formed pair is a character of GBK.
 */
export function firstGbkFlaw(bytes: Uint8Array): number {
	for (let i = 0; i < bytes.length; i++) {
		const byte = bytes[i];
		if (byte <= 0x80) continue;
		if (byte === 0xff || i + 1 >= bytes.length || !isTrail(bytes[i + 1])) return i;
		i++;
	}
	return -1;
}
