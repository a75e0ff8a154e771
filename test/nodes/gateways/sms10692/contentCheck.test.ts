/** SMS10692 keyword check (seed 004 §3 action=checkkeyword) against the simulator and the document's answer. */
import { GatewayError } from '../../../../nodes/gateways/kit/errors';
import { sms10692 } from '../../../../nodes/gateways/sms10692';
import { SMS10692_MESSAGES } from '../../../../nodes/gateways/sms10692/errors';
import { failure, useSimulator } from '../../../support/simulator';
import { NAME, SIGNED, ctx, documentClock, lastRequest, stubCtx, vendor } from './helpers';

const sim = useSimulator(documentClock);

it('posts action=checkkeyword with the content; clean and not clean (no word list in the answer)', async () => {
	expect(await sms10692.checkContent!(ctx(sim()), '你好')).toEqual({ clean: true, words: [], raw: { message: '没有包含屏蔽词' } });
	expect(lastRequest(sim()).body.toString()).toBe(`action=checkkeyword&${SIGNED}&content=%E4%BD%A0%E5%A5%BD`);
	expect(await sms10692.checkContent!(ctx(sim()), '有违禁词')).toEqual({ clean: false, words: [], raw: { message: '包含非法字符' } });
});

it('returns the words when the gateway appends them, and refuses a wrong login', async () => {
	vendor(sim()).failNext('checkkeyword', '包含非法字符：赌博，违禁词');
	expect((await sms10692.checkContent!(ctx(sim()), 'x')).words).toEqual(['赌博', '违禁词']);
	const error = await failure(sms10692.checkContent!(ctx(sim(), { account: 'other' }), 'x'), GatewayError);
	expect(error.message).toBe(`${NAME}: ${SMS10692_MESSAGES.find((m) => m.code === 'badLogin')!.reason} (code badLogin)`);
});

it('§3.3 keyword answer', async () => {
	const body = (said: string) => `<?xml version="1.0" encoding="utf-8" ?>

<returnsms>

<message>${said}</message>--------------返回信息提示：见下表
</returnsms>`;
	expect((await sms10692.checkContent!(stubCtx(body('包含非法字符')), 'x')).clean).toBe(false);
	expect((await sms10692.checkContent!(stubCtx(body('没有包含屏蔽词')), 'x')).clean).toBe(true);
	expect((await failure(sms10692.checkContent!(stubCtx(body('用户名或密码不能为空')), 'x'), GatewayError)).code).toBe('emptyLogin');
});
