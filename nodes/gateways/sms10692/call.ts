/**
 * Calling SMS10692 (seed 004): every call is a form post signed with `md5(account + password +
 * timestamp)`; answers are XML (`<returnsms>`, returnsms.ts).
 *
 * Charset: send, balance and keyword check go to `/v2sms.aspx` (UTF-8) or `/v2smsGBK.aspx`, which
 * the document calls "GB2312". We send GBK bytes there: the endpoint is named GBK, it is an
 * ASP.NET page, and .NET's "gb2312" encoding is code page 936, i.e. GBK, so characters GBK has
 * beyond GB2312 (镕, 喆, 珺 …) arrive intact. The report and reply queries have one endpoint each
 * and carry only ASCII parameters.
 */
import type { GatewayContext } from '../kit/adapter';
import { signTimestamp } from '../kit/auth';
import { charsetFromLabel, decodeBytes } from '../kit/charset';
import { diagnoseCharset } from '../kit/charsetMismatch';
import { text } from '../kit/credentialValues';
import type { GatewayError } from '../kit/errors';
import { GatewayCall } from '../kit/gatewayCall';
import type { Answer } from '../kit/gatewayCall';
import type { Charset, GatewayCredentials } from '../kit/model';
import type { TransportResponse } from '../kit/transport';
import { SMS10692_DEFAULT_BASE_URL, SMS10692_DISPLAY_NAME, SMS10692_PATHS } from './declaration';
import { SMS10692_MESSAGE_CODES, SMS10692_UNKNOWN_MESSAGE, sms10692MessageFor } from './errors';

export const sms10692Call = new GatewayCall(SMS10692_DISPLAY_NAME, SMS10692_DEFAULT_BASE_URL);

/** The credential setting that picks the send/balance/keyword endpoint, and with it the charset. */
const CHARSET_SETTING = 'Endpoint Charset';

export function endpointCharset(credentials: GatewayCredentials): Charset {
	return text(credentials.charset).trim().toLowerCase() === 'gbk' ? 'gbk' : 'utf8';
}

/** POST `action` plus the signed login, then `extra`, in the document's order (§1.2 example). */
export async function call(
	ctx: GatewayContext,
	endpoint: 'main' | 'reports' | 'replies',
	action: string,
	extra: Array<[string, string]>,
	retryOnConnectError: boolean,
): Promise<Answer> {
	const c = ctx.credentials;
	const account = text(c.account).trim();
	const password = text(c.password);
	const { timestamp, sign } = signTimestamp(account, password, ctx.now());
	const charset = endpoint === 'main' ? endpointCharset(c) : 'utf8';
	const path = endpoint === 'main' ? SMS10692_PATHS[charset === 'gbk' ? 'gbk' : 'utf8'] : SMS10692_PATHS[endpoint];
	const response = await sms10692Call.request(ctx, {
		method: 'POST',
		path,
		// seed 004 examples write `sign =` with a stray space: the parameter is `sign`.
		form: [['action', action], ['userid', text(c.userId).trim()], ['timestamp', timestamp], ['sign', sign], ...extra],
		charset,
		// Only the send/balance/keyword endpoint is chosen by the credential; the queries are UTF-8.
		...(endpoint === 'main' ? { charsetSetting: CHARSET_SETTING } : {}),
		secrets: [password, sign],
		retryOnConnectError,
	});
	return readAnswer(response, [password, sign]);
}

/** Read in the charset the HTTP header declares, else the XML prolog's, else the request's. */
function readAnswer(response: TransportResponse, secrets: string[]): Answer {
	const fromTransport = sms10692Call.answer(response, { trim: false });
	if (/charset\s*=/i.test(text(response.headers['content-type']))) return fromTransport;
	const prolog = /^\s*(?:\uFEFF)?<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/i.exec(response.bytes.subarray(0, 200).toString('latin1'));
	const declared = charsetFromLabel(prolog?.[1]);
	if (!declared) return fromTransport;
	const body = declared === response.charset ? fromTransport.body : decodeBytes(response.bytes, declared);
	return { body, mismatch: diagnoseCharset(response.bytes, declared, { declaredBy: 'XML prolog' }, secrets) };
}

/** `Success`, and `Sucess` as the balance answer spells it (§2.3): accepted everywhere. */
export function outcomeOf(returnstatus: string | undefined): 'success' | 'failed' | null {
	if (returnstatus === undefined) return null;
	if (/^suc+es+$/i.test(returnstatus)) return 'success';
	if (/^fail(?:d|ed)?$/i.test(returnstatus)) return 'failed';
	return null;
}

/** A `<message>` refusal (§1.3, §2.3, §3.3): its text has no number, our table gives it a code. */
export function refusal(message: string | undefined): GatewayError {
	const vendorText = text(message).trim();
	const known = sms10692MessageFor(vendorText);
	return sms10692Call.refusal(known?.entry.code ?? SMS10692_UNKNOWN_MESSAGE.code, SMS10692_MESSAGE_CODES, {
		unknownReason: SMS10692_UNKNOWN_MESSAGE.reason,
		vendorText: () => vendorText || null,
		detail: known?.detail ? ` ("${known.detail}")` : '',
	});
}

/** Throws for a refusal; returns the fields of a success. */
export function checked(fields: Record<string, string>, answer: Answer, what: string): Record<string, string> {
	const outcome = outcomeOf(fields.returnstatus);
	if (outcome === 'success') return fields;
	if (outcome === 'failed') throw refusal(fields.message);
	// No (or an unknown) returnstatus: a documented refusal text still counts as one.
	if (fields.message && sms10692MessageFor(fields.message)) throw refusal(fields.message);
	throw sms10692Call.unexpected(what, answer);
}
