/**
 * Phone numbers: splitting a user's list, removing country prefixes and duplicates, and telling
 * mainland mobiles and fixed lines (with area code) from anything else.
 */

/** Commas, semicolons, whitespace, newlines and the Chinese ，；、 (plus full-width ； and ，). */
const SEPARATORS = /[,;\s，；、]+/u;

const MOBILE = /^1[3-9]\d{9}$/;
/** Area code 0xx / 0xxx, then a 7- or 8-digit local number. */
const FIXED_LINE = /^0[1-9]\d{1,2}\d{7,8}$/;

export type NumberKind = 'mobile' | 'fixedLine';

export interface NormalisedNumber {
	number: string;
	kind: NumberKind;
}

/**
 * Normalise one number: remove spaces, hyphens (also full-width －) and brackets inside it; remove
 * a leading `+86`, `0086` or `86` when what remains is an 11-digit mobile. Returns null if it is
 * neither a mainland mobile nor a fixed line with area code.
 */
export function normaliseNumber(input: string): NormalisedNumber | null {
	let n = input.trim().replace(/[\s\-()（）－]/g, '');
	// Full-width digits and plus sign, as typed on Chinese keyboards.
	n = n.replace(/[０-９＋]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
	const prefixed = /^(?:\+86|0086|86)(1\d{10})$/.exec(n);
	if (prefixed) n = prefixed[1];
	if (MOBILE.test(n)) return { number: n, kind: 'mobile' };
	if (FIXED_LINE.test(n)) return { number: n, kind: 'fixedLine' };
	return null;
}

export interface RecipientList {
	/** Valid numbers, normalised, first occurrence order, no duplicates. */
	numbers: string[];
	/** Entries that are no valid number, as typed. */
	invalid: string[];
}

/** Split a user's recipient text into numbers. Hyphenated fixed lines (`0755-8080 8080`) stay whole only without inner spaces. */
export function parseRecipients(text: string): RecipientList {
	const numbers: string[] = [];
	const seen = new Set<string>();
	const invalid: string[] = [];
	for (const part of String(text ?? '').split(SEPARATORS)) {
		if (!part) continue;
		const parsed = normaliseNumber(part);
		if (!parsed) {
			invalid.push(part);
			continue;
		}
		if (!seen.has(parsed.number)) {
			seen.add(parsed.number);
			numbers.push(parsed.number);
		}
	}
	return { numbers, invalid };
}
