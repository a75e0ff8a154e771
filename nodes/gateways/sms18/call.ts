/**
 * Calling 18SMS (seed 003): plain account/pswd in UTF-8 form posts; plain-text answers of the form
 * `resptime,status` then one value per line.
 */
import type { GatewayContext } from '../kit/adapter';
import { text } from '../kit/credentialValues';
import type { GatewayError } from '../kit/errors';
import { GatewayCall } from '../kit/gatewayCall';
import type { Answer, CodeTable } from '../kit/gatewayCall';
import { SMS18_DEFAULT_BASE_URL, SMS18_DISPLAY_NAME } from './declaration';

export const sms18Call = new GatewayCall(SMS18_DISPLAY_NAME, SMS18_DEFAULT_BASE_URL);

export interface PlainAnswer {
	resptime: string;
	status: string;
	/** The lines after the first, trimmed, empty ones removed. */
	rest: string[];
	/** The answer as read, for an unexpected-answer error. */
	read: Answer;
}

/** The credential's default product id (seed 003: optional), used when a send names none. */
export function defaultProduct(ctx: GatewayContext): string {
	return text(ctx.credentials.product).trim();
}

/** POST `account`, `pswd`, then `params`; the first line must be `resptime,respstatus` (seed 003 "格式说明"). */
export async function post(
	ctx: GatewayContext,
	path: string,
	params: Array<[string, string]>,
	what: string,
	retryOnConnectError = false,
): Promise<PlainAnswer> {
	const password = text(ctx.credentials.password);
	const response = await sms18Call.request(ctx, {
		method: 'POST',
		path,
		form: [['account', text(ctx.credentials.account).trim()], ['pswd', password], ...params],
		charset: 'utf8',
		secrets: [password],
		retryOnConnectError,
	});
	const read = sms18Call.answer(response, { trim: false });
	// Lines end in \n; \r\n is accepted too.
	const lines = read.body
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.length > 0);
	const head = /^(\d{8,14}),(-?\d{1,5})$/.exec(lines[0] ?? '');
	if (!head) throw sms18Call.unexpected(what, read);
	return { resptime: head[1], status: head[2], rest: lines.slice(1), read };
}

/** The code's refusal; an undocumented status keeps the status line as the vendor's text. */
export function refusal(table: CodeTable, answer: PlainAnswer): GatewayError {
	return sms18Call.refusal(answer.status, table, {
		unknownReason: 'the gateway refused the request with an undocumented status',
		vendorText: (known) => known?.vendorText ?? `${answer.resptime},${answer.status}`,
	});
}
