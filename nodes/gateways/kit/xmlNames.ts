/** The character classes of XML 1.0 the reader (xmlReader.ts) needs, on UTF-16 code units. */

export function isSpace(c: number): boolean {
	return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** XML 1.0 NameStartChar, for one UTF-16 code unit (a surrogate stands for U+10000–U+EFFFF). */
function isNameStart(c: number): boolean {
	return (
		(c >= 0x61 && c <= 0x7a) ||
		(c >= 0x41 && c <= 0x5a) ||
		c === 0x3a ||
		c === 0x5f ||
		(c >= 0xc0 && c <= 0xd6) ||
		(c >= 0xd8 && c <= 0xf6) ||
		(c >= 0xf8 && c <= 0x2ff) ||
		(c >= 0x370 && c <= 0x37d) ||
		(c >= 0x37f && c <= 0x1fff) ||
		(c >= 0x200c && c <= 0x200d) ||
		(c >= 0x2070 && c <= 0x218f) ||
		(c >= 0x2c00 && c <= 0x2fef) ||
		(c >= 0x3001 && c <= 0xdb7f) ||
		(c >= 0xdc00 && c <= 0xdfff) ||
		(c >= 0xf900 && c <= 0xfdcf) ||
		(c >= 0xfdf0 && c <= 0xfffd)
	);
}

function isNameChar(c: number): boolean {
	return (
		isNameStart(c) ||
		(c >= 0x30 && c <= 0x39) ||
		c === 0x2d ||
		c === 0x2e ||
		c === 0xb7 ||
		(c >= 0x300 && c <= 0x36f) ||
		(c >= 0x203f && c <= 0x2040)
	);
}

/** The end of the Name starting at `at`, or `at` when none starts there. */
export function nameEnd(xml: string, at: number): number {
	if (at >= xml.length || !isNameStart(xml.charCodeAt(at))) return at;
	let i = at + 1;
	while (i < xml.length && isNameChar(xml.charCodeAt(i))) i++;
	return i;
}

export function isDigit(c: number, hex: boolean): boolean {
	return (c >= 0x30 && c <= 0x39) || (hex && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)));
}
