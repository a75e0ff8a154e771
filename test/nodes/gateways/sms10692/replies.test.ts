/** SMS10692 replies (seed 004 §5) against the simulator and the document's example; the XML prolog's charset. */
import { GatewayError } from '../../../../nodes/gateways/kit/errors';
import { sms10692 } from '../../../../nodes/gateways/sms10692';
import { SMS10692_QUERY_ERRORS } from '../../../../nodes/gateways/sms10692/errors';
import { failure, useSimulator } from '../../../support/simulator';
import { NAME, SIGNED, ctx, documentClock, lastRequest, stubCtx, vendor } from './helpers';

const sim = useSimulator(documentClock);

it('posts action=query to /v2callApi.aspx and normalises each call box', async () => {
	sim().queueReply('sms10692', { mobile: '15023239810', id: '1212', text: '你好，我不需要', receivedAt: '2011-12-02 22:12:11', extno: '01' });
	const page = await sms10692.fetchReplies!(ctx(sim()));
	expect([lastRequest(sim()).path, lastRequest(sim()).body.toString()]).toEqual(['/v2callApi.aspx', `action=query&${SIGNED}`]);
	expect(page).toEqual({
		more: true,
		events: [
			{
				type: 'reply', id: null, mobile: '15023239810', text: '你好，我不需要', receivedAt: '2011-12-02T22:12:11+08:00',
				destination: null, extno: '01', linkId: null,
				raw: { mobile: '15023239810', taskid: '1212', content: '你好，我不需要', receivetime: '2011-12-02 22:12:11', extno: '01' },
			},
		],
	});
	expect(await sms10692.fetchReplies!(ctx(sim()))).toEqual({ events: [], more: false });
});

it('keeps XML-escaped text and leading spaces exactly; expands no other entity', async () => {
	sim().queueReply('sms10692', { mobile: '15023239810', text: ' a<b & "c" ' });
	sim().queueRaw('sms10692', 'reply', '<callbox><mobile>15023239811</mobile><content>&xxe;&#20013;</content></callbox>');
	const { events } = await sms10692.fetchReplies!(ctx(sim()));
	expect(events.map((e) => e.text)).toEqual([' a<b & "c" ', '&xxe;中']);
});

it('errorstatus answers are refusals', async () => {
	const error = await failure(sms10692.fetchReplies!(ctx(sim(), { userId: '13' })), GatewayError);
	expect(error.message).toBe(`${NAME}: ${SMS10692_QUERY_ERRORS['2'].reason} (code 2)`);
	vendor(sim()).failNext('replies', 4);
	expect((await failure(sms10692.fetchReplies!(ctx(sim())), GatewayError)).code).toBe('4');
});

it('§5.3 replies, as the document prints them (annotations included)', async () => {
	const callExample = `<?xml version="1.0" encoding="utf-8" ?> 

<returnsms>

<callbox>

<mobile>15023239810</mobile>-------------对应的手机号码
<taskid>1212</taskid>-------------同一批任务ID

<content>你好，我不需要</content>---------上行内容
<receivetime>2011-12-02 22:12:11</receivetime>-------------接收时间

<extno>01</extno>----子号，即自定义扩展号

</callbox>

<callbox>

<mobile>15023239811</mobile>

<taskid>1212</taskid>

<content>你好，本次活动路线是怎么的</content>

<receivetime>2011-12-02 22:12:11</receivetime>
<extno>01</extno>

</callbox>

</returnsms>`;
	const page = await sms10692.fetchReplies!(stubCtx(callExample));
	expect(page.events.map((e) => [e.mobile, e.text, e.receivedAt, e.extno, e.raw.taskid])).toEqual([
		['15023239810', '你好，我不需要', '2011-12-02T22:12:11+08:00', '01', '1212'],
		['15023239811', '你好，本次活动路线是怎么的', '2011-12-02T22:12:11+08:00', '01', '1212'],
	]);
});

it('decodes by the XML prolog when the header declares no charset', async () => {
	const gbk = Buffer.concat([
		Buffer.from('<?xml version="1.0" encoding="gb2312" ?><returnsms><callbox><mobile>15023239810</mobile><content>'),
		Buffer.from([0xc4, 0xda, 0xc8, 0xdd]), // 内容 in GBK
		Buffer.from('</content></callbox></returnsms>'),
	]);
	const { events } = await sms10692.fetchReplies!(stubCtx(gbk));
	expect(events[0].text).toBe('内容');
	expect(events[0].parseError).toBeUndefined();
});

it('a prolog the bytes contradict: read as the prolog says, never switched, each box flagged with its bytes', async () => {
	const box = Buffer.concat([Buffer.from('<callbox><mobile>15023239810</mobile><content>'), Buffer.from([0xc4, 0xda, 0xc8, 0xdd]), Buffer.from('</content></callbox>')]);
	const body = Buffer.concat([Buffer.from('<?xml version="1.0" encoding="utf-8" ?><returnsms>'), box, Buffer.from('</returnsms>')]);
	const { events } = await sms10692.fetchReplies!(stubCtx(body));
	expect(events).toHaveLength(1);
	expect(events[0]).toMatchObject({ mobile: '15023239810', text: Buffer.from([0xc4, 0xda, 0xc8, 0xdd]).toString('utf8') });
	expect(events[0].parseError).toBe(
		"the answer looks like GBK although its XML prolog declares UTF-8, so it was read as UTF-8 and its Chinese text may be garbled: the gateway mislabels its answers, so tell its vendor; raw.bytesBase64 holds this record's bytes as they arrived",
	);
	expect(Buffer.from(String(events[0].raw.bytesBase64), 'base64')).toEqual(box);
});

it('a box with a field named __proto__ (or constructor, prototype) is kept raw, unread', async () => {
	const body = '<returnsms><callbox><mobile>15023239810</mobile><__proto__>x</__proto__></callbox><callbox><mobile>15023239811</mobile><constructor/></callbox></returnsms>';
	const { events } = await sms10692.fetchReplies!(stubCtx(body));
	expect(events.map((e) => [e.mobile, e.parseError, e.raw])).toEqual([
		[null, 'the reply box is not well-formed XML', { xml: '<callbox><mobile>15023239810</mobile><__proto__>x</__proto__></callbox>' }],
		[null, 'the reply box is not well-formed XML', { xml: '<callbox><mobile>15023239811</mobile><constructor/></callbox>' }],
	]);
	expect(({} as Record<string, unknown>).x).toBeUndefined();
});
