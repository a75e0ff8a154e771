/**
 * China SMS answers (seed 000): plain text `key=value&…` in the gateway charset (undocumented: GBK
 * by default, UTF-8 by credential setting). Values are not percent-encoded and keys may carry stray
 * spaces (`num=2& success =…& faile =`, `errid =0&err=成功`); the order of keys is not fixed (附录 B).
 */
import type { GatewayContext } from '../kit/adapter';
import type { CharsetMismatch } from '../kit/model';
import { gbkUnlessUtf8, text } from '../kit/credentialValues';
import { GatewayError, InputError, TransportError, unexpectedResponse } from '../kit/errors';
import { CHINA_SMS_ERRORS, CHINA_SMS_UNKNOWN_REASON } from './errors';
import { CHINA_SMS_DISPLAY_NAME } from './declaration';

const DEFAULT_BASE_URL = 'http://www.china-sms.com';
/** The credential setting that picks the charset (its display name), named in charset advice. */
const CHARSET_SETTING = 'Charset';

/** One answer: values by lower-cased trimmed key, and the gateway's fields for `raw`. */
export interface ChinaSmsAnswer {
	get(key: string): string | undefined;
	raw: Record<string, string>;
	body: string;
}

/** Fields of a readsms.asp answer (seed 000 §5): after `msg`, any other name is part of the text. */
const REPLY_KEYS = new Set(['id', 'err', 'errid', 'src', 'msg', 'dst', 'time']);

/**
 * Parse `key=value&…`. A `&` starts a new field only when a name and `=` follow, so a reply text
 * with a bare `&` stays whole. Returns null for anything else (an HTML page, a bare word).
 */
export function parseChinaSmsAnswer(body: string): ChinaSmsAnswer | null {
	const trimmed = body.replace(/^\uFEFF/, '').replace(/^\s+/, '').replace(/[\r\n]+$/, '');
	if (!trimmed || trimmed.startsWith('<')) return null;
	const fields = new Map<string, string>();
	const raw: Record<string, string> = {};
	let previous: string | null = null;
	for (const part of trimmed.split(/&(?=\s*[A-Za-z_][A-Za-z0-9_]*\s*=)/)) {
		const eq = part.indexOf('=');
		const key = eq < 0 ? '' : part.slice(0, eq).trim();
		if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) return null;
		// Values are not encoded: a reply text holding `&id=9` would start a field twice. A name seen
		// already belongs to the value before it (the text), so the text stays whole.
		if (previous !== null && (fields.has(key.toLowerCase()) || (previous === 'msg' && !REPLY_KEYS.has(key.toLowerCase())))) {
			const joined = `${fields.get(previous)}&${part}`;
			fields.set(previous, joined);
			const rawKey = Object.keys(raw).find((k) => k.toLowerCase() === previous);
			if (rawKey !== undefined) raw[rawKey] = joined;
			continue;
		}
		previous = key.toLowerCase();
		const value = part.slice(eq + 1);
		// The reply text keeps its spaces; every other value is a code, number or list.
		const clean = key.toLowerCase() === 'msg' ? value : value.trim();
		if (!fields.has(key.toLowerCase())) fields.set(key.toLowerCase(), clean);
		raw[key] = clean;
	}
	return { get: (key) => fields.get(key), raw, body: trimmed };
}

/** An answer from the gateway, with the charset mismatch suspected in it (for clear errors). */
export type Answer = ChinaSmsAnswer & { mismatch: CharsetMismatch | null };

export function unexpected(what: string, answer: Answer): TransportError {
	return unexpectedResponse(CHINA_SMS_DISPLAY_NAME, what, answer.body, [], answer.mismatch);
}

/** The `errid` of an answer when it names an error (absent or 0 means none). */
export function errorCode(answer: ChinaSmsAnswer): string | null {
	const code = (answer.get('errid') ?? '').trim();
	return code && code !== '0' ? code : null;
}

export function chinaSmsRefusal(code: string, answer?: ChinaSmsAnswer): GatewayError {
	const known = CHINA_SMS_ERRORS[code];
	const vendorText = answer?.get('err') || answer?.body || known?.vendorText || null;
	return new GatewayError(CHINA_SMS_DISPLAY_NAME, code, known?.reason ?? CHINA_SMS_UNKNOWN_REASON, vendorText);
}

export async function call(
	ctx: GatewayContext,
	path: string,
	params: Array<[string, string]>,
	what: string,
	options: { extraSecrets?: string[]; retryOnConnectError?: boolean } = {},
): Promise<Answer> {
	const c = ctx.credentials;
	const name = text(c.username).trim();
	const password = text(c.password);
	if (!name || !password) throw new InputError(`${CHINA_SMS_DISPLAY_NAME}: the credentials need a user name and a password`);
	const res = await ctx.transport.request({
		method: 'GET',
		baseUrl: text(c.baseUrl).trim() || DEFAULT_BASE_URL,
		path,
		query: [['name', name], ['pwd', password], ...params],
		charset: gbkUnlessUtf8(c),
		charsetSetting: CHARSET_SETTING,
		secrets: [password, ...(options.extraSecrets ?? [])],
		retryOnConnectError: options.retryOnConnectError,
	});
	const answer = parseChinaSmsAnswer(res.text);
	if (!answer) throw unexpectedResponse(CHINA_SMS_DISPLAY_NAME, what, res.text, [], res.charsetMismatch);
	return { ...answer, mismatch: res.charsetMismatch };
}

export function isInteger(value: string | undefined): value is string {
	return value !== undefined && /^-?\d+$/.test(value.trim());
}
