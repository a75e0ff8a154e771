/**
 * Sending (seed 003 HttpBatchSendSM): numbers comma-separated, one msgid per request (and only
 * with needstatus=true). No scheduling: the declaration says so and the node refuses Send At.
 */
import type { GatewayContext } from '../kit/adapter';
import type { OutgoingMessage, SendOutcome, SendRequest } from '../kit/model';
import { defaultProduct, post, refusal, sms18Call } from './call';
import { SMS18_PATHS } from './declaration';
import { SMS18_SEND_ERRORS } from './errors';

/** What only 18SMS refuses in a message: an extno that is not digits. */
export function sendProblems(message: OutgoingMessage): string[] {
	if (message.extno && !/^\d+$/.test(message.extno)) return [`extno "${message.extno}" must be digits only (18SMS answers 113 otherwise)`];
	return [];
}

export async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const needStatus = request.statusReport !== false;
	const product = (request.product ?? '').trim() || defaultProduct(ctx);
	const params: Array<[string, string]> = [
		['mobile', request.recipients.join(',')],
		['msg', request.message],
		['needstatus', needStatus ? 'true' : 'false'],
	];
	// seed 003 §参数定义: product is optional; an empty one would be read as a product id.
	if (product) params.push(['product', product]);
	params.push(['extno', request.extno ?? '']);
	const answer = await post(ctx, SMS18_PATHS.send, params, 'send');
	if (answer.status !== '0') throw refusal(SMS18_SEND_ERRORS, answer);
	// One msgid per request whatever the number count, and only with needstatus=true (seed 003).
	if (answer.rest.length > 1 || (answer.rest[0] !== undefined && !/^[\w-]+$/.test(answer.rest[0]))) {
		throw sms18Call.unexpected('send', answer.read);
	}
	const msgid = answer.rest[0] ?? null;
	return {
		recipients: request.recipients.map((recipient) => ({ recipient, success: true, messageId: msgid })),
		messageIds: msgid ? [msgid] : [],
		raw: { resptime: answer.resptime, respstatus: answer.status, msgid },
	};
}
