/**
 * Answers whose bytes are in another charset than the one they are read in. Nothing here decodes
 * an answer: it is always read in the charset it declares, else the gateway's (transport.ts). This
 * only diagnoses, so that a failure says what went wrong and what to do, and events read from such
 * an answer carry the diagnosis and the bytes they came from: nothing is unrecoverable.
 */
import { decodeBytes } from './charset';
import { firstGbkFlaw } from './gbk';
import { redact } from './redact';
import type { Charset, CharsetMismatch, CharsetSource } from './model';

const LABEL: Record<Charset, string> = { utf8: 'UTF-8', gbk: 'GBK', gb2312: 'GB2312' };

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The bytes without an incomplete UTF-8 sequence at the very end (an answer cut mid-character). */
function withoutCutUtf8(bytes: Buffer): Buffer {
	for (let back = 1; back <= Math.min(3, bytes.length); back++) {
		const b = bytes[bytes.length - back];
		if (b < 0x80) return bytes;
		if (b >= 0xc0) {
			const needed = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : 2;
			return needed > back ? bytes.subarray(0, bytes.length - back) : bytes;
		}
	}
	return bytes;
}

function isUtf8(bytes: Buffer): boolean {
	try {
		STRICT_UTF8.decode(withoutCutUtf8(bytes));
		return true;
	} catch {
		return false;
	}
}

/** Valid UTF-8 whose every non-ASCII character takes three bytes, as Chinese text in UTF-8 does. */
function looksLikeChineseUtf8(all: Buffer): boolean {
	const bytes = withoutCutUtf8(all);
	let multiByte = 0;
	for (let i = 0; i < bytes.length; i++) {
		const b = bytes[i];
		if (b < 0x80) continue;
		if (b < 0xe0 || b > 0xef) return false;
		multiByte++;
		i += 2;
	}
	return multiByte > 0 && isUtf8(bytes);
}

/** GBK without a flaw; a lone byte at the very end (an answer cut mid-character) is no flaw. */
function isCleanGbk(bytes: Buffer): boolean {
	const flaw = firstGbkFlaw(bytes);
	return flaw < 0 || (flaw === bytes.length - 1 && bytes[flaw] >= 0x81);
}

/**
 * The charset these bytes plainly are in, when that is not `charset`; else null. A diagnosis, never
 * a reason to decode differently. Read as UTF-8: bytes that are no UTF-8 but GBK without a flaw.
 * Read as GBK or GB2312: UTF-8 made of 3-byte characters only — GBK text forms that only when every
 * run of Chinese characters has a length divisible by three and each pair of bytes happens to fit
 * UTF-8's narrow ranges (well under one in a thousand for short texts). Plain ASCII is both: null.
 */
export function suspectedCharset(bytes: Buffer, charset: Charset): Charset | null {
	if (charset === 'utf8') return !isUtf8(bytes) && isCleanGbk(bytes) ? 'gbk' : null;
	return looksLikeChineseUtf8(bytes) ? 'utf8' : null;
}

/** What chose the charset an answer was read in. */

function noteFor(readAs: Charset, looksLike: Charset, source: CharsetSource): string {
	const seen = `the answer looks like ${LABEL[looksLike]} although`;
	const read = `so it was read as ${LABEL[readAs]} and its Chinese text may be garbled`;
	if (source === 'gateway') {
		return `${seen} this gateway answers in ${LABEL[readAs]}, ${read}: no setting changes this gateway's charset, so tell its vendor`;
	}
	if ('setting' in source) {
		return `${seen} the credential's ${source.setting} is ${LABEL[readAs]}, ${read}: change the ${source.setting} setting to ${LABEL[looksLike]}`;
	}
	return `${seen} its ${source.declaredBy} declares ${LABEL[readAs]}, ${read}: the gateway mislabels its answers, so tell its vendor`;
}

/**
 * The diagnosis of an answer read in `readAs`, or null when its bytes fit that charset. `secrets`
 * are the request's: a record whose bytes hold one never has them shown.
 */
export function diagnoseCharset(bytes: Buffer, readAs: Charset, source: CharsetSource, secrets: string[]): CharsetMismatch | null {
	const looksLike = suspectedCharset(bytes, readAs);
	if (!looksLike) return null;
	return { readAs, looksLike, note: noteFor(readAs, looksLike, source), bytesOf: recordLocator(bytes, readAs, looksLike, secrets) };
}

/** Any event of a fetch: what `flagMismatch` touches. */
interface FetchedEvent {
	raw: Record<string, unknown>;
	parseError?: string;
}

/**
 * An event read from an answer in the wrong charset: still emitted, its text as read, `parseError`
 * saying what was seen and what to do, and `raw.bytesBase64` holding the bytes of its `record` (the
 * text of the answer it was read from). Unchanged when there is no mismatch.
 */
export function flagMismatch<T extends FetchedEvent>(event: T, record: string, mismatch: CharsetMismatch | null): T {
	if (!mismatch) return event;
	const bytes = mismatch.bytesOf(record);
	const kept = bytes === null ? 'its bytes are not shown (they could not be told apart, or hold a credential)' : "raw.bytesBase64 holds this record's bytes as they arrived";
	const note = `${mismatch.note}; ${kept}`;
	return {
		...event,
		parseError: event.parseError === undefined ? note : `${note}; ${event.parseError}`,
		raw: bytes === null ? event.raw : { ...event.raw, bytesBase64: bytes },
	};
}

/** Bytes below this are always a character of their own when read in the charset, never part of one. */
function ownCharacterBelow(charset: Charset): number {
	// UTF-8: every ASCII byte. GBK: trail bytes run from 0x40, so only bytes below it (digits, `<`,
	// `;`, line breaks …); `|` (0x7C) can be swallowed by the byte before it.
	return charset === 'utf8' ? 0x80 : 0x40;
}

function decodeAsIs(bytes: Buffer, charset: Charset): string {
	// Node keeps a byte order mark; so must the map, for its character counts to match.
	return charset === 'utf8' ? bytes.toString('utf8') : decodeBytes(bytes, charset);
}

interface OffsetMap {
	text: string;
	/** Character offsets in `text` where a byte offset is known, ascending, with… */
	chars: number[];
	/** …the byte offset each of them starts at. */
	bytes: number[];
}

/**
 * Where characters of the decoded answer start in its bytes: at every byte that is a character of
 * its own, and around it. The runs between them are decoded one by one and must add up to the whole;
 * if they do not (never seen), null.
 */
function offsetMap(bytes: Buffer, charset: Charset): OffsetMap | null {
	const text = decodeAsIs(bytes, charset);
	const own = ownCharacterBelow(charset);
	const chars = [0];
	const offsets = [0];
	let at = 0;
	let runStart = 0;
	const mark = (byteOffset: number) => {
		chars.push(at);
		offsets.push(byteOffset);
	};
	const closeRun = (end: number): boolean => {
		if (end <= runStart) return true;
		const piece = decodeAsIs(bytes.subarray(runStart, end), charset);
		if (!text.startsWith(piece, at)) return false;
		at += piece.length;
		mark(end);
		return true;
	};
	for (let i = 0; i < bytes.length; i++) {
		if (bytes[i] >= own) continue;
		if (!closeRun(i) || text.charCodeAt(at) !== bytes[i]) return null;
		at++;
		mark(i + 1);
		runStart = i + 1;
	}
	if (!closeRun(bytes.length) || at !== text.length) return null;
	return { text, chars, bytes: offsets };
}

/** Index of the last entry ≤ value (`up` false) or the first entry ≥ value (`up` true). */
function search(sorted: number[], value: number, up: boolean): number {
	let lo = 0;
	let hi = sorted.length - 1;
	let found = up ? sorted.length - 1 : 0;
	while (lo <= hi) {
		const mid = (lo + hi) >> 1;
		if (up ? sorted[mid] >= value : sorted[mid] <= value) {
			found = mid;
			if (up) hi = mid - 1;
			else lo = mid + 1;
		} else if (up) lo = mid + 1;
		else hi = mid - 1;
	}
	return found;
}

function recordLocator(bytes: Buffer, readAs: Charset, looksLike: Charset, secrets: string[]): (record: string) => string | null {
	let map: OffsetMap | null | undefined;
	let cursor = 0;
	return (record) => {
		if (map === undefined) map = offsetMap(bytes, readAs);
		if (!map || record.length === 0) return null;
		let start = map.text.indexOf(record, cursor);
		if (start < 0) start = map.text.indexOf(record);
		if (start < 0) return null;
		cursor = start + record.length;
		const from = map.bytes[search(map.chars, start, false)];
		const to = map.bytes[search(map.chars, cursor, true)];
		const slice = bytes.subarray(from, to);
		const readings = [decodeBytes(slice, readAs), decodeBytes(slice, looksLike)];
		if (readings.some((t) => redact(t, secrets) !== t)) return null;
		return slice.toString('base64');
	};
}
