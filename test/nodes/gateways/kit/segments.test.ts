import { LONG_SMS_PART_CHARS, SINGLE_SMS_CHARS, countSegments, messageLength } from '../../../../nodes/gateways/kit/segments';

describe('countSegments', () => {
	it('uses 70 characters for one SMS and 67 per part of a long one', () => {
		expect([SINGLE_SMS_CHARS, LONG_SMS_PART_CHARS]).toEqual([70, 67]);
	});

	it.each([
		[0, 0],
		[1, 1],
		[70, 1],
		[71, 2],
		[134, 2],
		[135, 3],
		[201, 3],
		[202, 4],
	])('%i characters → %i segment(s)', (length, segments) => {
		expect(countSegments('中'.repeat(length))).toBe(segments);
		expect(countSegments('a'.repeat(length))).toBe(segments);
	});

	it('counts an emoji (a surrogate pair) as one character', () => {
		expect(messageLength('😀')).toBe(1);
		expect(messageLength('你好😀【签名】')).toBe(7);
		expect(countSegments('😀'.repeat(70))).toBe(1);
		expect(countSegments('😀'.repeat(71))).toBe(2);
		expect(countSegments('中'.repeat(69) + '😀')).toBe(1);
		expect(countSegments('中'.repeat(70) + '😀')).toBe(2);
	});

	it('counts newlines and spaces as characters', () => {
		expect(messageLength('a b\nc')).toBe(5);
		expect(countSegments(`${'x'.repeat(69)}\n`)).toBe(1);
		expect(countSegments(`${'x'.repeat(70)}\n`)).toBe(2);
	});
});
