/**
 * Charset handling: text to bytes and back, percent-encoding of those bytes, and the check for
 * characters a charset cannot carry. Never guesses a charset: the caller always names one.
 */
import { decodeGbk, encodeGbk } from './gbk';
import type { Charset } from './model';

const GBK_LABELS = new Set(['gbk', 'cp936', 'ms936', 'gb18030', 'x-gbk', 'windows-936']);
const GB2312_LABELS = new Set(['gb2312', 'gb_2312', 'gb_2312-80', 'csgb2312', 'euc-cn', 'x-euc-cn', 'chinese', 'iso-ir-58', 'csiso58gb231280']);

/** Map a charset label (Content-Type, XML prolog, credential setting) to ours, or null. */
export function charsetFromLabel(label: string | null | undefined): Charset | null {
	if (!label) return null;
	const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
	if (l === 'utf-8' || l === 'utf8') return 'utf8';
	if (GBK_LABELS.has(l)) return 'gbk';
	if (GB2312_LABELS.has(l)) return 'gb2312';
	return null;
}

/**
 * GB2312 maps its cells A1A4 and A1AA to U+30FB and U+2015, GBK to U+00B7 and U+2014: the same
 * bytes, so either spelling is sent as that cell.
 */
const GB2312_SPELLINGS = /[\u2015\u30fb]/g;
const GBK_SPELLING: Record<string, string> = { '\u2015': '\u2014', '\u30fb': '\u00b7' };

function toGbkSpelling(text: string): string {
	return text.replace(GB2312_SPELLINGS, (ch) => GBK_SPELLING[ch]);
}

/** Text to bytes; in GBK and GB2312 a character the charset lacks becomes "?" (checked before sending). */
export function encodeText(text: string, charset: Charset): Buffer {
	return charset === 'utf8' ? Buffer.from(text, 'utf8') : encodeGbk(toGbkSpelling(text));
}

/**
 * Bytes to text. A leading UTF-8 byte order mark (common in .aspx answers) is dropped. GB2312 is
 * read as GBK, its superset: a GB2312-labelled answer holding 镕 still reads.
 */
export function decodeBytes(bytes: Buffer, charset: Charset): string {
	if (charset !== 'utf8') return decodeGbk(bytes);
	const text = bytes.toString('utf8');
	return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const UNRESERVED = /[A-Za-z0-9\-_.~]/;

/** Percent-encode text as bytes of the charset: unreserved ASCII stays, everything else is %XX. */
export function percentEncode(text: string, charset: Charset): string {
	const bytes = encodeText(text, charset);
	let out = '';
	for (const byte of bytes) {
		const ch = String.fromCharCode(byte);
		out += byte < 0x80 && UNRESERVED.test(ch) ? ch : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/** `a=1&b=%D6%D0` from ordered pairs, each value percent-encoded in the charset. */
export function encodePairs(pairs: Array<[string, string]>, charset: Charset): string {
	return pairs.map(([k, v]) => `${percentEncode(k, charset)}=${percentEncode(v, charset)}`).join('&');
}

/**
 * Decode `a=1&b=%D6%D0` with the charset: `+` is a space. All pairs are kept, in order.
 * Takes the raw bytes (a Buffer) or a string as `percentDecode` reads it.
 */
export function decodePairs(text: string | Buffer, charset: Charset): Array<[string, string]> {
	const raw = typeof text === 'string' ? text : text.toString('latin1');
	if (!raw) return [];
	const asBytes = isByteString(raw);
	return raw.split('&').filter((part) => part.length > 0).map((part) => {
		const eq = part.indexOf('=');
		const key = eq < 0 ? part : part.slice(0, eq);
		const value = eq < 0 ? '' : part.slice(eq + 1);
		return [decodeEscapes(key, charset, asBytes), decodeEscapes(value, charset, asBytes)];
	});
}

/**
 * Decode %XX sequences as bytes of the charset; `+` is a space; malformed escapes stay literal.
 * Raw (unescaped) non-ASCII in the input: a string whose characters are all below U+0100 is read
 * as bytes (what `buffer.toString('latin1')` gives, e.g. a GBK form body sent unescaped); in a
 * string holding any character above U+00FF, raw characters are text and are kept as they are.
 */
export function percentDecode(text: string | Buffer, charset: Charset): string {
	const input = typeof text === 'string' ? text : text.toString('latin1');
	return decodeEscapes(input, charset, isByteString(input));
}

function isByteString(text: string): boolean {
	return !/[^\u0000-\u00ff]/.test(text);
}

function decodeEscapes(input: string, charset: Charset, asBytes: boolean): string {
	const bytes: number[] = [];
	for (let i = 0; i < input.length; i++) {
		const c = input.charCodeAt(i);
		if (c === 0x25 && isHex(input.charCodeAt(i + 1)) && isHex(input.charCodeAt(i + 2))) {
			bytes.push(parseInt(input.slice(i + 1, i + 3), 16));
			i += 2;
		} else if (c === 0x2b) {
			bytes.push(0x20);
		} else if (c < 0x80 || asBytes) {
			bytes.push(c);
		} else {
			// A character of text: keep it whole (a surrogate pair is one character).
			const ch = String.fromCodePoint(input.codePointAt(i) ?? c);
			i += ch.length - 1;
			bytes.push(...encodeText(ch, charset));
		}
	}
	return decodeBytes(Buffer.from(bytes), charset);
}

function isHex(b: number): boolean {
	return (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
}

/**
 * GB2312 in its EUC-CN form: both bytes 0xA1–0xFE, lead byte at most 0xF7, and a cell GB2312
 * fills (682 symbols and 6,763 hanzi). GBK also fills GB2312's empty cells (GBK additions such as
 * ⅰ–ⅹ at A2A1, vertical forms at A6E0, and user-defined cells mapped to U+E000–U+F8FF), so those
 * are excluded.
 */
const GB2312_SYMBOL_ROWS: Record<number, Array<[number, number]>> = {
	0xa1: [[0xa1, 0xfe]],
	0xa2: [[0xb1, 0xe2], [0xe5, 0xee], [0xf1, 0xfc]],
	0xa3: [[0xa1, 0xfe]],
	0xa4: [[0xa1, 0xf3]],
	0xa5: [[0xa1, 0xf6]],
	0xa6: [[0xa1, 0xb8], [0xc1, 0xd8]],
	0xa7: [[0xa1, 0xc1], [0xd1, 0xf1]],
	0xa8: [[0xa1, 0xba], [0xc5, 0xe9]],
	0xa9: [[0xa4, 0xef]],
	// Hanzi rows 0xB0–0xF7 are full except the end of row 0xD7 (level 1 ends at D7F9).
	0xd7: [[0xa1, 0xf9]],
};

function isGb2312Pair(lead: number, trail: number): boolean {
	if (trail < 0xa1 || trail > 0xfe) return false;
	const ranges = GB2312_SYMBOL_ROWS[lead];
	if (ranges) return ranges.some(([from, to]) => trail >= from && trail <= to);
	return lead >= 0xb0 && lead <= 0xf7;
}

/**
 * Characters of `text` the charset cannot carry, in order, each once. UTF-8 carries everything
 * except lone surrogates; GBK and GB2312 are checked by round-tripping each character.
 */
export function unencodableCharacters(text: string, charset: Charset): string[] {
	if (charset !== 'utf8' && carriesWholeText(text, charset)) return [];
	return unencodableByCharacter(text, charset);
}

/**
 * Fast path (bench/RESULTS.md: ~10 µs per character one by one): encode the whole text once and
 * accept it only when it round-trips and every non-ASCII character became one plain two-byte
 * pair (for GB2312 one of its cells). Anything else — a lone 0x80 (€), a four-byte GB18030
 * sequence, a replaced character — is left to the character-by-character check, which names them.
 */
export function carriesWholeText(text: string, charset: 'gbk' | 'gb2312'): boolean {
	const gbkText = toGbkSpelling(text);
	const bytes = encodeGbk(gbkText);
	if (decodeGbk(bytes) !== gbkText) return false;
	for (let i = 0; i < bytes.length; i++) {
		const lead = bytes[i];
		if (lead < 0x80) continue;
		const trail = i + 1 < bytes.length ? bytes[i + 1] : -1;
		if (lead < 0x81 || lead > 0xfe || trail < 0x40 || trail > 0xfe || trail === 0x7f) return false;
		if (charset === 'gb2312' && !isGb2312Pair(lead, trail)) return false;
		i++;
	}
	return true;
}

/** The check one character at a time (the reference the fast path must agree with). */
export function unencodableByCharacter(text: string, charset: Charset): string[] {
	const bad = new Set<string>();
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		if (code < 0x80) continue;
		if (charset === 'utf8') {
			if (code >= 0xd800 && code <= 0xdfff) bad.add(ch);
			continue;
		}
		const gbkCh = toGbkSpelling(ch);
		const bytes = encodeGbk(gbkCh);
		const roundTrips = decodeGbk(bytes) === gbkCh;
		if (!roundTrips) {
			bad.add(ch);
		} else if (charset === 'gb2312' && !(bytes.length === 2 && isGb2312Pair(bytes[0], bytes[1]))) {
			bad.add(ch);
		}
	}
	return [...bad];
}

/** `"😀" (U+1F600)` style names for error messages, comma-separated. */
export function describeCharacters(chars: string[]): string {
	return chars
		.map((ch) => `"${ch}" (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
		.join(', ');
}
