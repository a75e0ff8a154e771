/** 112088 Enterprise SMS (企业短信通) replies (seed 002 §1.1.3) against the simulator: `|` and `;` inside texts. */
import { SMS112088_PATHS, sms112088 } from '../../../../nodes/gateways/sms112088';
import { useSimulator } from '../../../support/simulator';
import { AUTH, ctx, numbers, only, vendor } from './helpers';

const sim = useSimulator();

describe('fetchReplies', () => {
	const reply = (id: string, mobile: string, text: string) => ({
		type: 'reply',
		id,
		mobile,
		text,
		receivedAt: null,
		destination: null,
		extno: null,
		linkId: null,
		raw: { id, mobile, content: text },
	});

	it('reads get_receive_message_txt.asp once', async () => {
		sim().queueReply('sms112088', { mobile: '13800000001', text: '你好' });
		const page = await sms112088.fetchReplies!(ctx(sim()));
		const req = only(sim());
		expect([req.path, req.rawQuery]).toEqual(['/get_receive_message_txt.asp', AUTH]);
		expect(page).toEqual({ more: false, events: [reply('133', '13800000001', '你好')] });
		await expect(sms112088.fetchReplies!(ctx(sim()))).resolves.toEqual({ events: [], more: false });
	});

	it('parses the reply example verbatim (comma between id and number, leading space)', async () => {
		vendor(sim()).answerNext(SMS112088_PATHS.replies, ' 2|133,13798361236;我回复一条|134,13826588212;我也回复一条');
		const page = await sms112088.fetchReplies!(ctx(sim()));
		expect(page.events).toEqual([reply('133', '13798361236', '我回复一条'), reply('134', '13826588212', '我也回复一条')]);
	});

	it('keeps "|" and ";" inside a reply text, using the leading count', async () => {
		sim().queueReply('sms112088', { mobile: '13800000001', text: 'A|B;C' });
		sim().queueReply('sms112088', { mobile: '13800000002', text: '好;|' });
		const page = await sms112088.fetchReplies!(ctx(sim()));
		expect(sim().requests('sms112088')[0].response).toEqual(Buffer.concat([Buffer.from('2|133;13800000001;A|B;C|134;13800000002;'), Buffer.from([0xba, 0xc3]), Buffer.from(';|')]));
		expect(page.events).toEqual([reply('133', '13800000001', 'A|B;C'), reply('134', '13800000002', '好;|')]);
	});

	it('keeps a record it cannot read as an event with parseError', async () => {
		sim().queueReply('sms112088', { mobile: '13800000001', text: 'ok' });
		sim().queueRaw('sms112088', 'reply', 'garbled record');
		const page = await sms112088.fetchReplies!(ctx(sim()));
		expect(page.events).toEqual([
			reply('133', '13800000001', 'ok'),
			{
				type: 'reply',
				id: null,
				mobile: null,
				text: null,
				receivedAt: null,
				destination: null,
				extno: null,
				linkId: null,
				raw: { record: 'garbled record' },
				parseError: 'not in the documented "id;number;content" shape',
			},
		]);
	});

	it('flags a reply whose text may have swallowed another when the count disagrees', async () => {
		vendor(sim()).answerNext(SMS112088_PATHS.replies, '2|1;13800000001;a|x|y');
		const page = await sms112088.fetchReplies!(ctx(sim()));
		expect(page.events).toHaveLength(1);
		expect(page.events[0]).toMatchObject({ id: '1', text: 'a|x|y', raw: { record: '1;13800000001;a|x|y' } });
		expect(page.events[0].parseError).toBe('the answer announced 2 replies but held 1; this reply\'s text may hold "|" and part of another reply');
	});

	it('says more when a full page of 50 came', async () => {
		for (const mobile of numbers(51)) sim().queueReply('sms112088', { mobile, text: 't' });
		const first = await sms112088.fetchReplies!(ctx(sim()));
		expect([first.events.length, first.more]).toEqual([50, true]);
		expect((await sms112088.fetchReplies!(ctx(sim()))).events).toHaveLength(1);
	});
});
