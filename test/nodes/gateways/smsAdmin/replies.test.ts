/** SMSAdmin (通用短信平台) replies (seed 001 §7 reve_urlencode/) against the simulator and the document's template lines. */
import { drain } from '../../../../nodes/gateways/fetch/runner';
import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { parseReplyLine } from '../../../../nodes/gateways/smsAdmin/replies';
import { answeringContext, useSimulator } from '../../../support/simulator';
import { API, type Kind, PWD, ctxFor, only } from './helpers';

const sim = useSimulator();

test.each<Kind>(['plain', 'md5'])('%s credentials: reve_urlencode/ keeps "/" and line breaks inside a reply', async (kind) => {
	sim().queueReply('smsAdmin', { mobile: '13800138000', text: '好的/收到\n谢谢', receivedAt: '2025-01-02 03:04:05', linkId: 'Order42', extno: '56666' });
	const page = await smsAdmin.fetchReplies!(ctxFor(sim(), kind));
	const req = only(sim());
	expect(req.method).toBe('GET');
	expect(req.path).toBe(`${API}reve_urlencode/`);
	expect(req.rawQuery).toBe(`uid=smsuser&pwd=${PWD[kind]}`);
	const line = '13800138000/2025-01-02 03:04:05/Order42/%BA%C3%B5%C4%2F%CA%D5%B5%BD%0A%D0%BB%D0%BB/56666';
	expect(page).toEqual({
		more: false,
		events: [
			{
				type: 'reply',
				id: null,
				mobile: '13800138000',
				text: '好的/收到\n谢谢',
				receivedAt: '2025-01-02T03:04:05+08:00',
				destination: null,
				extno: '56666',
				linkId: 'Order42',
				raw: { mobile: '13800138000', time: '2025-01-02 03:04:05', linkId: 'Order42', content: '%BA%C3%B5%C4%2F%CA%D5%B5%BD%0A%D0%BB%D0%BB', subCode: '56666', line },
			},
		],
	});
	expect(await smsAdmin.fetchReplies!(ctxFor(sim(), kind))).toEqual({ events: [], more: false }); // 150
});

test('pages of 20, drained with the documented 5 s spacing', async () => {
	for (let i = 0; i < 25; i++) sim().queueReply('smsAdmin', { mobile: `138000000${String(i + 10)}`, text: `r${i}`, receivedAt: '2025-01-02 03:04:05' });
	let clock = 0;
	const waits: number[] = [];
	const result = await drain(smsAdmin, ctxFor(sim(), 'plain'), 'replies', {
		maxCalls: 5,
		sleep: async (ms) => {
			waits.push(ms);
			clock += ms;
		},
		now: () => clock,
	});
	expect(result.error).toBeNull();
	expect(result.calls).toBe(2);
	expect(result.more).toBe(false);
	expect(waits).toEqual([5000]);
	expect(result.events.map((e) => (e as { text: string }).text)).toEqual(Array.from({ length: 25 }, (_, i) => `r${i}`));
});

test('a line that cannot be parsed is kept as an event with parseError', async () => {
	sim().queueRaw('smsAdmin', 'reply', 'garbled line');
	sim().queueReply('smsAdmin', { mobile: '13800138000', text: 'ok then+1', receivedAt: '2025-01-02 03:04:05' });
	const page = await smsAdmin.fetchReplies!(ctxFor(sim(), 'plain'));
	expect(page.events).toHaveLength(2);
	expect(page.events[0]).toEqual({
		type: 'reply',
		id: null,
		mobile: null,
		text: null,
		receivedAt: null,
		destination: null,
		extno: null,
		linkId: null,
		raw: { line: 'garbled line' },
		parseError: 'the line does not have the five "/"-separated fields',
	});
	// PHP urlencode: a space arrives as "+", a plus as %2B.
	expect(page.events[1]).toMatchObject({ mobile: '13800138000', text: 'ok then+1', linkId: null, extno: null });
	expect(page.events[1].raw.content).toBe('ok+then%2B1');
	expect(page.events[1].parseError).toBeUndefined();
});

test('the document template lines (§7) keep their fields and are flagged', async () => {
	const body = '手机号 1/日期 1/流水号 1/回复内容 1/子码 1\n手机号 2/日期 2/流水号 2/回复内容 2/子码 2\n';
	const page = await smsAdmin.fetchReplies!(answeringContext('smsAdmin', body));
	expect(page.events.map((e) => [e.mobile, e.text, e.linkId, e.extno, e.parseError])).toEqual([
		['手机号 1', '回复内容 1', '流水号 1', '子码 1', '"手机号 1" is no phone number; "日期 1" is no date'],
		['手机号 2', '回复内容 2', '流水号 2', '子码 2', '"手机号 2" is no phone number; "日期 2" is no date'],
	]);
});

test('a line as the vendor samples show it: empty 流水号, not url-encoded (plain reve/)', () => {
	expect(parseReplyLine('13761836811/2014-10-11 18:39:24//收到/56666', false)).toMatchObject({
		mobile: '13761836811',
		text: '收到',
		receivedAt: '2014-10-11T18:39:24+08:00',
		linkId: null,
		extno: '56666',
	});
});
