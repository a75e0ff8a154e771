/**
 * Sending (seed 001 §2 post_send/, §3 post_send_md5/ and post_send_urldecode/): numbers joined by
 * ";" in a GB2312 form post; `dtime` schedules, `linkid` names the batch. The planner never puts a
 * number twice in one request (the gateway sends a repeated number once, seed 001 v1.0.3 item 5).
 */
import type { GatewayContext } from '../kit/adapter';
import { formatChinaTime } from '../kit/chinaTime';
import { percentEncode } from '../kit/charset';
import type { OutgoingMessage, SendOutcome, SendRequest } from '../kit/model';
import { auth, parseCodeAnswer, refused, smsAdminCall } from './call';
import { SMSADMIN_PATHS, endpointName } from './declaration';
import { SMSADMIN_ACCEPTED } from './errors';

const LINK_ID = /^[A-Za-z0-9]{1,32}$/; // seed 001 §2: 数字、字母、数字字母组合，最大长度为 32 位

/**
 * seed 001 v1.0.3 item 2 and §3 地址 3: the `_urldecode` send endpoint is "for messages with line
 * breaks, spaces and other special characters". Its `uid` and `msg` are url-encoded once more
 * (the gateway url-decodes them after the form decoding). There is no MD5 variant of it, so MD5
 * credentials always use post_send_md5/ with ordinary (complete) form encoding.
 */
const NEEDS_URLDECODE = /[\s%&+]/u;

/** What only SMSAdmin refuses in a message (a template row's too): the format of its linkid. */
export function sendProblems(message: OutgoingMessage): string[] {
	if (message.linkId && !LINK_ID.test(message.linkId)) return [`linkId must be 1 to 32 letters and digits, got "${message.linkId}"`];
	return [];
}

/** `dtime` and `linkid`, shared by the send and template endpoints. */
export function scheduling(sendAt: Date | undefined, linkId: string | undefined): Array<[string, string]> {
	const pairs: Array<[string, string]> = [];
	// The document's example URL spells these `dttime` / `linked`; §2's parameter list is followed.
	if (sendAt) pairs.push(['dtime', formatChinaTime(sendAt, 'yyyy-MM-dd HH:mm:ss')]);
	if (linkId) pairs.push(['linkid', linkId]);
	return pairs;
}

export async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const a = auth(ctx);
	const viaUrldecode = !a.md5Mode && NEEDS_URLDECODE.test(request.message);
	const path = a.md5Mode ? SMSADMIN_PATHS.sendMd5 : viaUrldecode ? SMSADMIN_PATHS.sendUrldecode : SMSADMIN_PATHS.send;
	const form: Array<[string, string]> = [
		['uid', viaUrldecode ? percentEncode(a.uid, 'gb2312') : a.uid],
		['pwd', a.pwd],
		['mobile', request.recipients.join(';')],
		['msg', viaUrldecode ? percentEncode(request.message, 'gb2312') : request.message],
		...scheduling(request.sendAt, request.linkId),
	];
	const res = await smsAdminCall.request(ctx, { method: 'POST', path, form, charset: 'gb2312', secrets: a.secrets });
	const answer = parseCodeAnswer(res.text);
	if (answer?.code !== SMSADMIN_ACCEPTED) throw refused(a, res, 'the send request');
	const messageId = request.linkId || null;
	return {
		recipients: request.recipients.map((recipient) => ({ recipient, success: true, messageId })),
		messageIds: messageId ? [messageId] : [],
		raw: { code: answer.code, text: answer.text, endpoint: endpointName(path) },
	};
}
