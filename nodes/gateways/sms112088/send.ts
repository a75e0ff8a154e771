/**
 * Sending (seed 002 §1.1.1 sendsms_txt.asp): numbers comma-separated, `send_time` schedules. No
 * sender or sub-number parameter, and nothing else only this gateway refuses: no sendProblems.
 */
import type { GatewayContext } from '../kit/adapter';
import { formatChinaTime } from '../kit/chinaTime';
import type { RecipientOutcome, SendOutcome, SendRequest } from '../kit/model';
import { call, refusalIn, sms112088Call } from './call';
import { SMS112088_DISPLAY_NAME, SMS112088_PATHS } from './declaration';
import { SMS112088_SEND_ERRORS } from './errors';

/** What the gateway counts as a wrong-length number ("一般为号码长度不对等"): no mobile, no fixed line. */
function plausibleNumber(number: string): boolean {
	return /^(1\d{10}|0\d{9,11})$/.test(number);
}

/**
 * seed 002 §1.1.1: `0|a|b|d` — a numbers accepted, b failed, d the SMSIDs, one per accepted
 * number ("SMSID 的个数是本次提交成功的号码数"). The report example shares one id between two
 * numbers, so d is the batch id, repeated per number; ids are matched to numbers only when the
 * counts leave no doubt which numbers were accepted (all of them, none of them, or exactly the
 * wrong-length ones failed), in request order. Otherwise every number counts as accepted with no
 * id: the request went through, and calling numbers "refused" could make a user send twice.
 */
function outcomeOf(numbers: string[], accepted: number, failed: number, ids: string[]): RecipientOutcome[] {
	const refused = `${SMS112088_DISPLAY_NAME}: the gateway did not accept this number (wrong length or not a valid number)`;
	let ok: boolean[];
	if (accepted === numbers.length && failed === 0) ok = numbers.map(() => true);
	else if (accepted === 0) ok = numbers.map(() => false);
	else {
		const plausible = numbers.map(plausibleNumber);
		const clear = accepted + failed === numbers.length && plausible.filter((p) => !p).length === failed;
		if (!clear) return numbers.map((recipient) => ({ recipient, success: true, messageId: null }));
		ok = plausible;
	}
	const mapIds = ids.length === ok.filter(Boolean).length;
	let next = 0;
	return numbers.map((recipient, i) =>
		ok[i]
			? { recipient, success: true, messageId: mapIds ? ids[next++] : null }
			: { recipient, success: false, messageId: null, error: refused },
	);
}

export async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const params: Array<[string, string]> = [
		['send_phone', request.recipients.join(',')],
		['send_content', request.message],
	];
	// seed 002 §1.1.1: send_time is 14 digits, China time.
	if (request.sendAt) params.push(['send_time', formatChinaTime(request.sendAt, 'yyyyMMddHHmmss')]);
	const answer = await call(ctx, SMS112088_PATHS.send, params);
	const refusal = refusalIn(answer.body, SMS112088_SEND_ERRORS);
	if (refusal) throw refusal;
	const m = /^0\|\s*(\d+)\s*\|\s*(\d+)\s*(?:\|([\s\S]*))?$/.exec(answer.body);
	if (!m) throw sms112088Call.unexpected('send', answer);
	const ids = (m[3] ?? '')
		.split(',')
		.map((id) => id.trim())
		.filter((id) => id.length > 0);
	return {
		recipients: outcomeOf(request.recipients, Number(m[1]), Number(m[2]), ids),
		messageIds: [...new Set(ids)],
		raw: { code: '0', accepted: Number(m[1]), failed: Number(m[2]), smsIds: ids },
	};
}
