/**
 * 点点通 (seed 001 §4 post_send_ddt/). The description says the group's second field fills the
 * template's first variable, but its own example (three fields `13712345678, 123456, 10` for a
 * template with {value0}…{value2}, rendered "验证码 123456, 在 10 分钟") fills {valueN} from field N,
 * the number being field 0. We follow the example and shift the user's {valueN} to {value(N+1)} on
 * the wire, so the user's {value0} is their first value either way the gateway counts from the number.
 */
import type { GatewayContext } from '../kit/adapter';
import { percentEncode } from '../kit/charset';
import type { SendOutcome, TemplateSendRequest } from '../kit/model';
import { replacePlaceholders } from '../send/template';
import { auth, parseCodeAnswer, refused, smsAdminCall } from './call';
import { SMSADMIN_PATHS, endpointName } from './declaration';
import { SMSADMIN_ACCEPTED } from './errors';
import { scheduling } from './send';

export async function sendTemplate(ctx: GatewayContext, request: TemplateSendRequest): Promise<SendOutcome> {
	const a = auth(ctx);
	const wireTemplate = replacePlaceholders(request.template, (n) => `{value${n + 1}}`);
	// seed 001 §4: groups are split at ";" and values at ","; the values hold neither (checked).
	const params = request.rows.map((row) => [row.recipient, ...row.values].join(',')).join(';');
	const form: Array<[string, string]> = [
		['uid', a.uid],
		['pwd', a.md5],
		// §4: "参数 params 和 msg 的值进行 url 编码" — encoded once more inside the form.
		['msg', percentEncode(wireTemplate, 'gb2312')],
		['params', percentEncode(params, 'gb2312')],
		...scheduling(request.sendAt, request.linkId),
	];
	const path = SMSADMIN_PATHS.sendTemplate;
	const res = await smsAdminCall.request(ctx, { method: 'POST', path, form, charset: 'gb2312', secrets: a.secrets });
	const answer = parseCodeAnswer(res.text);
	if (answer?.code !== SMSADMIN_ACCEPTED) throw refused(a, res, 'the template send request');
	const messageId = request.linkId || null;
	return {
		recipients: request.rows.map((row) => ({ recipient: row.recipient, success: true, messageId })),
		messageIds: messageId ? [messageId] : [],
		raw: { code: answer.code, text: answer.text, endpoint: endpointName(path) },
	};
}
