/**
 * Per-item parameters, read without n8n's per-item expression evaluation where its answer is
 * known: n8n evaluates an expression once per item, ~0.5–1 ms on Node 24 through its isolated-vm
 * bridge (60–200 µs in n8n-core on Node 20) — most of a 10,000-item bulk send (bench/RESULTS.md).
 *
 * - `={{ $json.name }}` / `={{ $json["name"] }}` evaluates to the item's own field: when that field
 *   is a string, number, boolean or null it is read from the item directly. Anything else (other
 *   expressions, a missing field, objects, names n8n's sandbox refuses) goes to getNodeParameter.
 * - A parameter holding no expression has the same value for every item: read once.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { isSafeObjectProperty } from 'n8n-workflow';

export type ItemParameter = (itemIndex: number) => unknown;

const NAME = String.raw`[^"'\\{}\r\n\u2028\u2029]+`;
const JSON_FIELD = new RegExp(
	String.raw`^=\{\{[ \t]*\$json(?:\.([\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*)|\[[ \t]*(?:"(${NAME})"|'(${NAME})')[ \t]*\])[ \t]*\}\}$`,
	'u',
);
/** n8n refuses any expression matching this before evaluating it (expression.js). */
const CONSTRUCTOR_CALL = /\.\s*constructor/;

/** The field name of a parameter that is exactly `={{ $json.name }}`, else null. */
export function jsonFieldOf(raw: string): string | null {
	const match = JSON_FIELD.exec(raw);
	if (!match || CONSTRUCTOR_CALL.test(raw)) return null;
	const name = match[1] ?? match[2] ?? match[3];
	// n8n-workflow's sandbox denies names like __proto__ or caller; older versions lack the check.
	return typeof isSafeObjectProperty === 'function' && isSafeObjectProperty(name) ? name : null;
}

function holdsExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(holdsExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(holdsExpression);
	return false;
}

function isPlainValue(value: unknown): boolean {
	return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** A reader of parameter `name` per item, equal to `fn.getNodeParameter(name, i[, fallback])`. */
export function itemParameter(fn: IExecuteFunctions, items: INodeExecutionData[], name: string, fallback?: unknown): ItemParameter {
	const read = (i: number): unknown => (fallback === undefined ? fn.getNodeParameter(name, i) : fn.getNodeParameter(name, i, fallback));
	const raw: unknown = fn.getNode().parameters[name];
	const field = typeof raw === 'string' ? jsonFieldOf(raw) : null;
	if (field !== null) {
		return (i) => {
			const json: IDataObject | undefined = items[i]?.json;
			if (typeof json === 'object' && json !== null && Object.prototype.hasOwnProperty.call(json, field) && isPlainValue(json[field])) return json[field];
			return read(i);
		};
	}
	if (holdsExpression(raw)) return read;
	let shared: { value: unknown } | undefined;
	return (i) => {
		if (shared) return shared.value;
		// A failure is this item's error; the next item reads again.
		const value = read(i);
		shared = { value };
		return value;
	};
}
