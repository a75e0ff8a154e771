/** The sensitive-word check (seed 001 §6 mgz/). */
import type { GatewayContext } from '../kit/adapter';
import { describeCharacters, unencodableCharacters } from '../kit/charset';
import { InputError } from '../kit/errors';
import type { ContentCheckResult } from '../kit/model';
import { auth, readCall, refused } from './call';
import { SMSADMIN_DISPLAY_NAME, SMSADMIN_PATHS } from './declaration';

/** §6 `敏感字:词1;词2;` or `不含敏感字`. */
export function parseContentCheck(body: string): { clean: boolean; words: string[] } | null {
	const t = body.replace(/^\uFEFF/, '').trim();
	if (t.startsWith('不含敏感字')) return { clean: true, words: [] };
	const m = /^敏感字\s*[:：]([\s\S]*)$/.exec(t);
	if (!m) return null;
	return { clean: false, words: m[1].split(/[;；]/).map((w) => w.trim()).filter((w) => w.length > 0) };
}

/**
 * The operation has checked that the message is text and not empty. No send check runs before a
 * word check, so the characters GB2312 lacks (which would arrive as "?") are refused here.
 */
export async function checkContent(ctx: GatewayContext, message: string): Promise<ContentCheckResult> {
	const bad = unencodableCharacters(message, 'gb2312');
	if (bad.length) throw new InputError(`${SMSADMIN_DISPLAY_NAME}: the message holds characters GB2312 cannot carry: ${describeCharacters(bad)}`);
	const a = auth(ctx);
	const res = await readCall(ctx, a, SMSADMIN_PATHS.checkContent, [['msg', message]]);
	const parsed = parseContentCheck(res.text);
	if (!parsed) throw refused(a, res, 'the sensitive-word check');
	return { ...parsed, raw: { text: res.text.trim() } };
}
