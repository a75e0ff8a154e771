/**
 * A small, strict XML reader for gateway answers: elements, attributes, text, CDATA, comments and
 * processing instructions, one pass, linear in the length of the input (no backtracking regular
 * expression), nesting bounded. Anything that is not well-formed is refused with an XmlError that
 * says what and where, never repaired.
 *
 * References: the five predefined entities and character references are resolved. No DTD is read:
 * a DOCTYPE is refused, so no entity can be defined and nothing expands. A reference to any other
 * entity (`&lol9;`) is kept as written, as text, the way a reader without the DTD must leave it.
 * Line ends are normalised to "\n" (XML 1.0 §2.11).
 */

/** An element: its name, its attributes in document order, and its content. */
export interface XmlElement {
	name: string;
	attributes: Array<[string, string]>;
	/** Text (adjacent text and CDATA joined, references resolved) and child elements, in order. */
	children: Array<XmlElement | string>;
}

/** Not well-formed XML, or beyond the reader's limits. `offset` is where in the input it was found. */
export class XmlError extends Error {
	readonly offset: number;

	constructor(message: string, offset: number) {
		super(`${message} (at character ${offset})`);
		this.name = 'XmlError';
		this.offset = offset;
	}
}

function fail(message: string, at: number): never {
	throw new XmlError(message, at);
}

/** Deepest nesting read; deeper input is refused. */
export const XML_MAX_DEPTH = 100;

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function isSpace(c: number): boolean {
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
function nameEnd(xml: string, at: number): number {
	if (at >= xml.length || !isNameStart(xml.charCodeAt(at))) return at;
	let i = at + 1;
	while (i < xml.length && isNameChar(xml.charCodeAt(i))) i++;
	return i;
}

function isDigit(c: number, hex: boolean): boolean {
	return (c >= 0x30 && c <= 0x39) || (hex && ((c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66)));
}

/**
 * `raw` (text or an attribute value, found at `offset`) with references resolved. A character
 * reference to no character (`&#0;`, beyond U+10FFFF) is kept as written.
 */
function resolveReferences(raw: string, offset: number): string {
	let amp = raw.indexOf('&');
	if (amp < 0) return raw;
	let out = '';
	let from = 0;
	while (amp >= 0) {
		out += raw.slice(from, amp);
		let end: number;
		if (raw.charCodeAt(amp + 1) === 0x23) {
			const hex = raw.charCodeAt(amp + 2) === 0x78;
			const digitsFrom = amp + (hex ? 3 : 2);
			end = digitsFrom;
			while (end < raw.length && isDigit(raw.charCodeAt(end), hex)) end++;
			if (end === digitsFrom || raw.charCodeAt(end) !== 0x3b) fail('a malformed character reference', offset + amp);
			const code = parseInt(raw.slice(digitsFrom, end), hex ? 16 : 10);
			out += code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : raw.slice(amp, end + 1);
		} else {
			end = nameEnd(raw, amp + 1);
			if (end === amp + 1 || raw.charCodeAt(end) !== 0x3b) fail('a "&" that starts no reference', offset + amp);
			out += PREDEFINED[raw.slice(amp + 1, end)] ?? raw.slice(amp, end + 1);
		}
		from = end + 1;
		amp = raw.indexOf('&', from);
	}
	return out + raw.slice(from);
}

/** Read one XML document and return its root element. Throws XmlError. */
export function readXml(input: string, options: { maxDepth?: number } = {}): XmlElement {
	const maxDepth = options.maxDepth ?? XML_MAX_DEPTH;
	const xml = input.indexOf('\r') < 0 ? input : input.replace(/\r\n?/g, '\n');
	const stack: XmlElement[] = [];
	/** Text of the innermost open element not yet added to its children. */
	let pending = '';
	let root: XmlElement | null = null;
	let pos = xml.charCodeAt(0) === 0xfeff ? 1 : 0;

	const flush = () => {
		if (pending) stack[stack.length - 1].children.push(pending);
		pending = '';
	};
	/** The index just past `terminator`, searching from `from`; refuses input that ends first. */
	const past = (terminator: string, from: number, what: string, at: number): number => {
		const found = xml.indexOf(terminator, from);
		if (found < 0) fail(`the XML ends inside ${what}`, at);
		return found + terminator.length;
	};
	const skipSpace = (from: number): number => {
		let i = from;
		while (i < xml.length && isSpace(xml.charCodeAt(i))) i++;
		return i;
	};

	if (xml.startsWith('<?xml', pos) && isSpace(xml.charCodeAt(pos + 5))) pos = past('?>', pos + 5, 'the XML declaration', pos);

	while (pos < xml.length) {
		const lt = xml.indexOf('<', pos);
		const textEnd = lt < 0 ? xml.length : lt;
		if (textEnd > pos) {
			const raw = xml.slice(pos, textEnd);
			if (stack.length === 0) {
				for (let i = 0; i < raw.length; i++) if (!isSpace(raw.charCodeAt(i))) fail('text outside the root element', pos + i);
			} else {
				const cdataEnd = raw.indexOf(']]>');
				if (cdataEnd >= 0) fail('"]]>" in text', pos + cdataEnd);
				pending += resolveReferences(raw, pos);
			}
		}
		if (lt < 0) break;
		pos = lt;
		const next = xml.charCodeAt(pos + 1);
		if (next === 0x21 /* ! */) {
			if (xml.startsWith('<!--', pos)) {
				const end = past('-->', pos + 4, 'a comment', pos);
				const body = xml.slice(pos + 4, end - 3);
				if (body.includes('--') || body.endsWith('-')) fail('"--" inside a comment', pos);
				pos = end;
			} else if (xml.startsWith('<![CDATA[', pos)) {
				if (stack.length === 0) fail('CDATA outside the root element', pos);
				const end = past(']]>', pos + 9, 'a CDATA section', pos);
				pending += xml.slice(pos + 9, end - 3);
				pos = end;
			} else if (xml.startsWith('<!DOCTYPE', pos)) {
				fail('a DOCTYPE (refused: no DTD is read and no entity is defined)', pos);
			} else {
				fail('"<!" that starts no comment or CDATA section', pos);
			}
		} else if (next === 0x3f /* ? */) {
			const targetEnd = nameEnd(xml, pos + 2);
			if (targetEnd === pos + 2) fail('a processing instruction without a target', pos);
			if (xml.slice(pos + 2, targetEnd).toLowerCase() === 'xml') fail('an XML declaration that is not at the start', pos);
			pos = past('?>', targetEnd, 'a processing instruction', pos);
		} else if (next === 0x2f /* / */) {
			const end = nameEnd(xml, pos + 2);
			const name = xml.slice(pos + 2, end);
			const close = skipSpace(end);
			if (end === pos + 2 || xml.charCodeAt(close) !== 0x3e) fail(close >= xml.length ? 'the XML ends inside an end tag' : 'a malformed end tag', pos);
			const open = stack[stack.length - 1];
			if (!open) fail(`</${name}> closes no element`, pos);
			if (open.name !== name) fail(`</${name}> where </${open.name}> was expected`, pos);
			flush();
			stack.pop();
			pos = close + 1;
		} else {
			const nameStop = nameEnd(xml, pos + 1);
			if (nameStop === pos + 1) fail(pos + 1 >= xml.length ? 'the XML ends inside a tag' : 'a "<" that starts no tag', pos);
			const element: XmlElement = { name: xml.slice(pos + 1, nameStop), attributes: [], children: [] };
			/** Names given so far, once there are more than a few (a scan is cheaper before). */
			let attributeNames: Set<string> | null = null;
			let i = nameStop;
			let selfClosing = false;
			for (;;) {
				const afterSpace = skipSpace(i);
				const c = xml.charCodeAt(afterSpace);
				if (afterSpace >= xml.length) fail(`the XML ends inside the tag <${element.name}>`, pos);
				if (c === 0x3e) {
					i = afterSpace + 1;
					break;
				}
				if (c === 0x2f && xml.charCodeAt(afterSpace + 1) === 0x3e) {
					i = afterSpace + 2;
					selfClosing = true;
					break;
				}
				const attrEnd = nameEnd(xml, afterSpace);
				if (afterSpace === i || attrEnd === afterSpace) fail(`a malformed attribute in <${element.name}>`, afterSpace);
				const attribute = xml.slice(afterSpace, attrEnd);
				const eq = skipSpace(attrEnd);
				const quoteAt = skipSpace(eq + 1);
				const quote = xml.charCodeAt(quoteAt);
				if (xml.charCodeAt(eq) !== 0x3d || (quote !== 0x22 && quote !== 0x27)) fail(`the attribute ${attribute} has no quoted value`, afterSpace);
				const valueEnd = xml.indexOf(quote === 0x22 ? '"' : "'", quoteAt + 1);
				if (valueEnd < 0) fail(`the XML ends inside the attribute ${attribute}`, afterSpace);
				const raw = xml.slice(quoteAt + 1, valueEnd);
				if (raw.includes('<')) fail(`"<" in the attribute ${attribute}`, quoteAt + 1);
				if (!attributeNames && element.attributes.length >= 8) attributeNames = new Set(element.attributes.map(([n]) => n));
				const twice = attributeNames ? attributeNames.has(attribute) : element.attributes.some(([n]) => n === attribute);
				if (twice) fail(`the attribute ${attribute} given twice`, afterSpace);
				attributeNames?.add(attribute);
				element.attributes.push([attribute, resolveReferences(raw, quoteAt + 1)]);
				i = valueEnd + 1;
			}
			if (stack.length === 0) {
				if (root) fail('a second root element', pos);
				root = element;
			} else {
				flush();
				stack[stack.length - 1].children.push(element);
			}
			if (!selfClosing) {
				if (stack.length >= maxDepth) fail(`elements nested deeper than ${maxDepth}`, pos);
				stack.push(element);
			}
			pos = i;
		}
	}
	if (stack.length > 0) fail(`the XML ends before <${stack[stack.length - 1].name}> is closed`, xml.length);
	if (!root) fail('no element', xml.length);
	return root;
}
