/** The keyword check (seed 004 §3 action=checkkeyword). */
import type { GatewayContext } from '../kit/adapter';
import { text } from '../kit/credentialValues';
import type { ContentCheckResult } from '../kit/model';
import { call, outcomeOf, refusal, sms10692Call } from './call';
import { sms10692MessageFor } from './errors';
import { answerFields } from './returnsms';

/**
 * seed 004 §3.3: `包含非法字符` or `没有包含屏蔽词`. The document returns no word list; if the
 * gateway appends the words (`包含非法字符：a,b`, as its send answer does) they are returned.
 */
export async function checkContent(ctx: GatewayContext, message: string): Promise<ContentCheckResult> {
	const answer = await call(ctx, 'main', 'checkkeyword', [['content', message]], true);
	const fields = answerFields(answer, 'the keyword check');
	const said = text(fields.message).trim();
	if (outcomeOf(fields.returnstatus) === 'failed') throw refusal(said);
	if (said === '没有包含屏蔽词') return { clean: true, words: [], raw: fields };
	const found = sms10692MessageFor(said);
	if (found?.entry.code === 'illegalWords') {
		const words = found.detail.split(/[,，、;；\s]+/).filter((w) => w.length > 0);
		return { clean: false, words, raw: fields };
	}
	if (found) throw refusal(said);
	throw sms10692Call.unexpected('the keyword check', answer);
}
