/** Sending (seed 004 §1 action=send): numbers comma-separated, `sendTime` schedules, `extno` is the sub-number. */
import type { GatewayContext } from '../kit/adapter';
import { formatChinaTime } from '../kit/chinaTime';
import type { OutgoingMessage, SendOutcome, SendRequest } from '../kit/model';
import { call, checked } from './call';
import { answerFields } from './returnsms';

const MAX_EXTNO_DIGITS = 10; // seed 004 §1.2: 子号只能为数字，且最多10位数

/** What only SMS10692 refuses in a message: a sub-number that is not 1 to 10 digits. */
export function sendProblems(message: OutgoingMessage): string[] {
	const extno = message.extno ?? '';
	if (extno && !new RegExp(`^\\d{1,${MAX_EXTNO_DIGITS}}$`).test(extno)) return [`extno "${extno}" must be 1 to ${MAX_EXTNO_DIGITS} digits`];
	return [];
}

export async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const answer = await call(
		ctx,
		'main',
		'send',
		[
			['mobile', request.recipients.join(',')],
			['content', request.message],
			['sendTime', request.sendAt ? formatChinaTime(request.sendAt, 'yyyy-MM-dd HH:mm:ss') : ''],
			['extno', request.extno ?? ''],
		],
		false,
	);
	const fields = checked(answerFields(answer, 'send'), answer, 'send');
	const taskId = fields.taskID || null;
	return {
		recipients: request.recipients.map((recipient) => ({ recipient, success: true, messageId: taskId })),
		messageIds: taskId ? [taskId] : [],
		raw: fields,
	};
}
