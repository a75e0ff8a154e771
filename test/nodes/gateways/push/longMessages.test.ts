/** The long-message joiner (nodes/gateways/push/longMessages.ts): parts in any order, duplicates, expiry, overflow. */
import { addLongMessagePart, joinParts, takeExpiredLongMessages } from '../../../../nodes/gateways/push/longMessages';
import type { LongMessageStore } from '../../../../nodes/gateways/push/longMessages';
import type { LongMessagePart } from '../../../../nodes/gateways/push/push';
import type { InboundReply } from '../../../../nodes/gateways/kit/model';

function part(number: number, text: string, total = 3, id = '234', mobile = '13800210021'): [InboundReply, LongMessagePart] {
	const minute = String(number).padStart(2, '0');
	return [
		{
			type: 'reply',
			id: null,
			mobile,
			text,
			receivedAt: `2026-11-20T10:${minute}:00+08:00`,
			destination: '1065751600001',
			extno: null,
			linkId: null,
			raw: { moTime: `26112010${minute}`, mobile, msg: text, isems: '1', emshead: `${id},${total},${number}` },
		},
		{ key: `${mobile}|${id}|${total}`, id, total, number },
	];
}

function addAll(store: LongMessageStore, parts: Array<[InboundReply, LongMessagePart]>, now = 1000) {
	const joined = [];
	for (const [reply, p] of parts) {
		const result = addLongMessagePart(store, reply, p, now);
		store = result.store;
		if (result.joined) joined.push(result.joined);
	}
	return { store, joined };
}

describe('joining long messages', () => {
	it('joins parts that arrive in order once the last one is there', () => {
		const { store, joined } = addAll({}, [part(1, 'Hello, '), part(2, 'long '), part(3, 'world')]);
		expect(store).toEqual({});
		expect(joined).toHaveLength(1);
		expect(joined[0]).toMatchObject({ id: '234', total: 3, received: [1, 2, 3], missing: [], complete: true });
		expect(joined[0].reply).toEqual({
			type: 'reply',
			id: null,
			mobile: '13800210021',
			text: 'Hello, long world',
			receivedAt: '2026-11-20T10:01:00+08:00',
			destination: '1065751600001',
			extno: null,
			linkId: null,
			raw: {
				moTime: '2611201001',
				mobile: '13800210021',
				isems: '1',
				msg: 'Hello, long world',
				parts: [part(1, 'Hello, ')[0].raw, part(2, 'long ')[0].raw, part(3, 'world')[0].raw],
			},
		});
	});

	it('joins parts that arrive out of order in part order', () => {
		const { joined } = addAll({}, [part(3, 'world'), part(1, 'Hello, '), part(2, 'long ')]);
		expect(joined.map((j) => j.reply.text)).toEqual(['Hello, long world']);
		expect(joined[0].reply.receivedAt).toBe('2026-11-20T10:01:00+08:00');
	});

	it('waits while a part is missing and does not change the store it was given', () => {
		const before: LongMessageStore = {};
		const { store, joined } = addAll(before, [part(1, 'a'), part(3, 'c')]);
		expect(before).toEqual({});
		expect(joined).toEqual([]);
		expect(Object.keys(store)).toEqual(['13800210021|234|3']);
		expect(Object.keys(store['13800210021|234|3'].parts)).toEqual(['1', '3']);
		expect(JSON.parse(JSON.stringify(store))).toEqual(store);
	});

	it('counts a repeated part once', () => {
		const { store, joined } = addAll({}, [part(1, 'a'), part(1, 'a'), part(2, 'b')]);
		expect(joined).toEqual([]);
		expect(Object.keys(store['13800210021|234|3'].parts)).toEqual(['1', '2']);
	});

	it('keeps messages of different senders with the same gateway id apart', () => {
		const { store, joined } = addAll({}, [part(1, 'a', 2, '7', '13800000001'), part(2, 'B', 2, '7', '13800000002'), part(2, 'b', 2, '7', '13800000001')]);
		expect(joined.map((j) => [j.reply.mobile, j.reply.text])).toEqual([['13800000001', 'ab']]);
		expect(Object.keys(store)).toEqual(['13800000002|7|2']);
	});
});

describe('incomplete long messages', () => {
	it('hands out a message whose wait is over, joined from the parts at hand, marked incomplete', () => {
		const { store } = addAll({}, [part(3, 'c'), part(1, 'a')], 1000);
		expect(takeExpiredLongMessages(store, 1000 + 59_999, 60_000)).toEqual({ store, expired: [] });
		const { store: left, expired } = takeExpiredLongMessages(store, 1000 + 60_000, 60_000);
		expect(left).toEqual({});
		expect(expired).toHaveLength(1);
		expect(expired[0]).toMatchObject({ id: '234', total: 3, received: [1, 3], missing: [2], complete: false });
		expect(expired[0].reply.text).toBe('ac');
	});

	it('counts the wait from the first part, not the latest', () => {
		let store = addAll({}, [part(1, 'a')], 0).store;
		store = addAll(store, [part(2, 'b')], 50_000).store;
		expect(takeExpiredLongMessages(store, 60_000, 60_000).expired.map((j) => j.received)).toEqual([[1, 2]]);
	});

	it('hands out the oldest messages beyond the limit rather than keep them all', () => {
		let store: LongMessageStore = {};
		store = addAll(store, [part(1, 'old', 2, 'a')], 1).store;
		store = addAll(store, [part(1, 'mid', 2, 'b')], 2).store;
		store = addAll(store, [part(1, 'new', 2, 'c')], 3).store;
		const { store: left, expired } = takeExpiredLongMessages(store, 4, 60_000, 2);
		expect(expired.map((j) => j.reply.text)).toEqual(['old']);
		expect(Object.keys(left).sort()).toEqual(['13800210021|b|2', '13800210021|c|2']);
	});

	it('carries the parse errors of its parts', () => {
		const [reply, p] = part(1, 'a', 2);
		const joined = joinParts(p.key, { firstSeen: 0, id: p.id, total: 2, parts: { '1': { ...reply, parseError: 'odd' } } });
		expect(joined.reply.parseError).toBe('odd');
		expect(joined.missing).toEqual([2]);
	});
});
