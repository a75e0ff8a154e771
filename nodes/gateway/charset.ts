/**
 * Charset handling: text to bytes and back, percent-encoding of those bytes, and the check for
 * characters a charset cannot carry. Never guesses a charset: the caller always names one.
 */
import * as iconv from 'iconv-lite';

import type { Charset } from './types';

const ICONV_NAME: Record<Charset, string> = { gbk: 'gbk', gb2312: 'gbk', utf8: 'utf8' };

/** Map a charset label (Content-Type, XML prolog, credential setting) to ours, or null. */
export function charsetFromLabel(label: string | null | undefined): Charset | null {
	if (!label) return null;
	const l = label.trim().toLowerCase().replace(/^["']|["']$/g, '');
	if (l === 'utf-8' || l === 'utf8') return 'utf8';
	if (l === 'gbk' || l === 'cp936' || l === 'gb18030' || l === 'x-gbk' || l === 'windows-936') return 'gbk';
	if (l === 'gb2312' || l === 'euc-cn' || l === 'x-euc-cn') return 'gb2312';
	return null;
}

export function encodeText(text: string, charset: Charset): Buffer {
	return charset === 'utf8' ? Buffer.from(text, 'utf8') : iconv.encode(text, ICONV_NAME[charset]);
}

export function decodeBytes(bytes: Buffer, charset: Charset): string {
	return charset === 'utf8' ? bytes.toString('utf8') : iconv.decode(bytes, ICONV_NAME[charset]);
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

/** Decode `a=1&b=%D6%D0` (or a raw body) with the charset: `+` is a space. Later keys win; all are kept in order. */
export function decodePairs(text: string, charset: Charset): Array<[string, string]> {
	if (!text) return [];
	return text.split('&').filter((part) => part.length > 0).map((part) => {
		const eq = part.indexOf('=');
		const key = eq < 0 ? part : part.slice(0, eq);
		const value = eq < 0 ? '' : part.slice(eq + 1);
		return [percentDecode(key, charset), percentDecode(value, charset)];
	});
}

/** Decode %XX sequences as bytes of the charset; `+` is a space. Malformed escapes stay literal. */
export function percentDecode(text: string, charset: Charset): string {
	// Query strings are ASCII; any raw non-ASCII character in them is taken as UTF-8.
	const input = Buffer.from(text.replace(/\+/g, ' '), 'utf8');
	const bytes: number[] = [];
	for (let i = 0; i < input.length; i++) {
		if (input[i] === 0x25 && isHex(input[i + 1]) && isHex(input[i + 2])) {
			bytes.push(parseInt(String.fromCharCode(input[i + 1], input[i + 2]), 16));
			i += 2;
		} else {
			bytes.push(input[i]);
		}
	}
	return decodeBytes(Buffer.from(bytes), charset);
}

function isHex(b: number | undefined): boolean {
	return b !== undefined && ((b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66));
}

/** GB2312 in its EUC-CN form: both bytes 0xA1–0xFE, lead byte at most 0xF7. */
function isGb2312Pair(lead: number, trail: number): boolean {
	return lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe;
}

/**
 * Characters of `text` the charset cannot carry, in order, each once. UTF-8 carries everything
 * except lone surrogates; GBK and GB2312 are checked by round-tripping each character.
 */
export function unencodableCharacters(text: string, charset: Charset): string[] {
	const bad = new Set<string>();
	for (const ch of text) {
		const code = ch.codePointAt(0) ?? 0;
		if (code < 0x80) continue;
		if (charset === 'utf8') {
			if (code >= 0xd800 && code <= 0xdfff) bad.add(ch);
			continue;
		}
		const bytes = iconv.encode(ch, 'gbk');
		const roundTrips = iconv.decode(bytes, 'gbk') === ch;
		if (!roundTrips) {
			bad.add(ch);
		} else if (charset === 'gb2312' && !(bytes.length === 2 && isGb2312Pair(bytes[0], bytes[1]))) {
			bad.add(ch);
		}
	}
	return [...bad];
}

/** `U+1F600 "😀"` style names for error messages. */
export function describeCharacters(chars: string[]): string {
	return chars
		.map((ch) => `"${ch}" (U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`)
		.join(', ');
}
