/** The sensitive-word check (seed 001 §6 mgz/). */
import type { GatewayContext } from '../kit/adapter';
import type { ContentCheckResult } from '../kit/model';
import { auth, readCall, refused } from './call';
import { SMSADMIN_PATHS } from './declaration';

/** §6 `敏感字:词1;词2;` or `不含敏感字`. */
export function parseContentCheck(body: string): { clean: boolean; words: string[] } | null {
	const t = body.replace(/^\uFEFF/, '').trim();
	if (t.startsWith('不含敏感字')) return { clean: true, words: [] };
	const m = /^敏感字\s*[:：]([\s\S]*)$/.exec(t);
	if (!m) return null;
	return { clean: false, words: m[1].split(/[;；]/).map((w) => w.trim()).filter((w) => w.length > 0) };
}

/** The message was checked before (text, not empty, characters GB2312 carries). */
export async function checkContent(ctx: GatewayContext, message: string): Promise<ContentCheckResult> {
	const a = auth(ctx);
	const res = await readCall(ctx, a, SMSADMIN_PATHS.checkContent, [['msg', message]]);
	const parsed = parseContentCheck(res.text);
	if (!parsed) throw refused(a, res, 'the sensitive-word check');
	return { ...parsed, raw: { text: res.text.trim() } };
}
