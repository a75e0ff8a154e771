/**
 * Calling 112088 Enterprise SMS (seed 002): GET requests with `us_name`/`us_pwd`; answers are bare
 * codes (`-7`, `-3|禁发词`) or pipe-delimited text in the gateway charset (undocumented: GBK by
 * default, UTF-8 by credential setting).
 */
import type { GatewayContext } from '../kit/adapter';
import { gbkUnlessUtf8, text } from '../kit/credentialValues';
import type { GatewayError } from '../kit/errors';
import { GatewayCall } from '../kit/gatewayCall';
import type { Answer, CodeTable } from '../kit/gatewayCall';
import { SMS112088_DEFAULT_BASE_URL, SMS112088_DISPLAY_NAME } from './declaration';
import { SMS112088_SEND_ERRORS } from './errors';

export const sms112088Call = new GatewayCall(SMS112088_DISPLAY_NAME, SMS112088_DEFAULT_BASE_URL);

/** The credential setting that picks the charset (its display name), named in charset advice. */
const CHARSET_SETTING = 'Charset';

/** One GET; the answer trimmed (its codes and lists carry no meaningful blank space at either end). */
export async function call(ctx: GatewayContext, path: string, params: Array<[string, string]>, retryOnConnectError = false): Promise<Answer> {
	const c = ctx.credentials;
	const name = text(c.username).trim();
	const password = text(c.password);
	sms112088Call.requireCredentials([['user name', name], ['password', password]]);
	const res = await sms112088Call.request(ctx, {
		method: 'GET',
		path,
		query: [['us_name', name], ['us_pwd', password], ...params],
		charset: gbkUnlessUtf8(c),
		charsetSetting: CHARSET_SETTING,
		secrets: [password],
		retryOnConnectError,
	});
	return sms112088Call.answer(res, { trim: true });
}

/**
 * A refusal: a negative code alone, or with a detail after one `|` (`-3|禁发词`, the forbidden
 * word, named in the reason at send). The answer is kept with the document's meaning of the code.
 */
export function refusalIn(body: string, table: CodeTable): GatewayError | null {
	const m = /^(-\d+)(?:\|([\s\S]*))?$/.exec(body);
	if (!m) return null;
	const detail = (m[2] ?? '').trim();
	return sms112088Call.refusal(m[1], table, {
		vendorText: (known) => (known ? `${body} (${known.vendorText})` : body),
		detail: detail && m[1] === '-3' && table === SMS112088_SEND_ERRORS ? ` ("${detail}")` : '',
	});
}
