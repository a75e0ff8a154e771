/** Send helpers (signature, Send At, templates) that the node tests do not reach directly. */
import { applySignature } from '../../../nodes/gateways/send/checks';
import { chinaIso, parseSendAt } from '../../../nodes/gateways/send/sendAt';
import { fillTemplate, splitValues, templatePlaceholders } from '../../../nodes/gateways/send/template';

test('applySignature', () => {
	expect(applySignature('你好', '公司名')).toBe('你好【公司名】');
	expect(applySignature('你好', '【公司名】')).toBe('你好【公司名】');
	expect(applySignature('【别家】你好', '公司名')).toBe('【别家】你好');
	expect(applySignature('你好【别家】', '公司名')).toBe('你好【别家】');
	expect(applySignature('你好', '  ')).toBe('你好');
	expect(applySignature('你好')).toBe('你好');
});

describe('parseSendAt', () => {
	test('without offset: the given zone, daylight saving included', () => {
		expect(parseSendAt('2026-07-01T09:30:00', 'Europe/Berlin')!.toISOString()).toBe('2026-07-01T07:30:00.000Z');
		expect(parseSendAt('2026-12-01T09:30:00', 'Europe/Berlin')!.toISOString()).toBe('2026-12-01T08:30:00.000Z');
		expect(parseSendAt('2026-12-01 09:30', 'Asia/Shanghai')!.toISOString()).toBe('2026-12-01T01:30:00.000Z');
		expect(parseSendAt('2026-03-08T03:30:00', 'America/New_York')!.toISOString()).toBe('2026-03-08T07:30:00.000Z');
	});

	test('with offset or Z; Dates, epoch ms and Luxon-like objects', () => {
		expect(parseSendAt('2026-12-01T09:30:00-05:00', 'Asia/Tokyo')!.toISOString()).toBe('2026-12-01T14:30:00.000Z');
		expect(parseSendAt('2026-12-01T09:30:00.000Z', 'Asia/Tokyo')!.toISOString()).toBe('2026-12-01T09:30:00.000Z');
		const date = new Date('2026-12-01T00:00:00Z');
		expect(parseSendAt(date, 'UTC')).toBe(date);
		expect(parseSendAt(date.getTime(), 'UTC')!.getTime()).toBe(date.getTime());
		expect(parseSendAt({ toJSDate: () => date }, 'UTC')).toBe(date);
	});

	test('empty is none; anything else is an error', () => {
		expect(parseSendAt('', 'UTC')).toBeNull();
		expect(parseSendAt(undefined, 'UTC')).toBeNull();
		expect(() => parseSendAt('next week', 'UTC')).toThrow('"next week" is no date and time');
		expect(() => parseSendAt('2026-13-45T99:00:00Z', 'UTC')).toThrow('is no valid date and time');
	});
});

test('chinaIso', () => {
	expect(chinaIso(new Date('2026-12-31T20:00:00Z'))).toBe('2027-01-01T04:00:00+08:00');
});

test('template helpers', () => {
	expect(templatePlaceholders('{value0}/{value1}')).toEqual({ count: 2, problems: [] });
	expect(templatePlaceholders('no placeholders')).toEqual({ count: 0, problems: [] });
	expect(templatePlaceholders('{value1}').problems).toEqual(['the template has no {value0}: placeholders are numbered from {value0} without gaps']);
	expect(fillTemplate('{value0}的验证码{value1}', ['张三', '1234'])).toBe('张三的验证码1234');
	expect(splitValues(' 张三 ，1234,10 ')).toEqual(['张三', '1234', '10']);
	expect(splitValues('')).toEqual([]);
});
