/**
 * SMS10692's answers: `<returnsms>…</returnsms>`, read with xmlReader.ts (no DOCTYPE, no entity
 * expansion, every value a string: ids and numbers keep their leading zeros).
 */
import type { Answer } from '../kit/gatewayCall';
import { readXml } from '../kit/xmlReader';
import type { XmlElement } from '../kit/xmlReader';
import { sms10692Call } from './call';

export type Fields = Record<string, string>;

/** Field names that would reach an object's prototype: such a box is unreadable. */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** The content of `<returnsms>…</returnsms>` ('' for `<returnsms/>`), or null if the body is not that. */
export function returnsmsContent(body: string): string | null {
	// Linear on purpose: a pattern such as /^\s*(…)?\s*</ takes quadratic time on a long run of spaces.
	let rest = body.trimStart();
	if (rest.startsWith('<?xml')) {
		const end = rest.indexOf('?>');
		if (end < 0 || rest.slice(0, end).includes('>')) return null;
		rest = rest.slice(end + 2).trimStart();
	}
	if (!rest.startsWith('<returnsms')) return null;
	rest = rest.slice('<returnsms'.length).trim();
	if (rest === '/>') return '';
	const close = '</returnsms>';
	if (!rest.startsWith('>') || rest.length < 1 + close.length || !rest.endsWith(close)) return null;
	return rest.slice(1, rest.length - close.length);
}

/**
 * Leaf elements of one element as strings. Text between elements (the document's own annotations,
 * `-------------对应的手机号码`) is ignored; a repeated or nested element makes it unreadable (null).
 */
export function leafFields(xml: string, tag: string): Fields | null {
	let root: XmlElement;
	try {
		root = readXml(xml);
	} catch {
		// Not well-formed, a DOCTYPE, or nested too deep: unreadable, not fatal, so the other boxes
		// of the same answer are still read.
		return null;
	}
	if (root.name !== tag) return null;
	const elements = root.children.filter((child): child is XmlElement => typeof child !== 'string');
	if (elements.length === 0) return root.children.join('').trim() ? null : {};
	const fields: Fields = {};
	for (const element of elements) {
		if (RESERVED_NAMES.has(element.name) || Object.prototype.hasOwnProperty.call(fields, element.name)) return null;
		if (element.children.some((child) => typeof child !== 'string')) return null;
		const value = element.children.join('');
		fields[element.name] = element.name === 'content' ? value : value.trim();
	}
	return fields;
}

/** The fields of a `<returnsms>` answer (send, balance, keyword check); anything else is unexpected. */
export function answerFields(answer: Answer, what: string): Fields {
	const inner = returnsmsContent(answer.body);
	const fields = inner === null ? null : leafFields(`<returnsms>${inner}</returnsms>`, 'returnsms');
	if (!fields) throw sms10692Call.unexpected(what, answer);
	return fields;
}
