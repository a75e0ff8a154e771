import { formatChinaTime, parseChinaTime } from '../../../../nodes/gateways/kit/chinaTime';

describe('formatChinaTime', () => {
	// 2024-12-31 16:30:05 UTC is 2025-01-01 00:30:05 in China: the day, month and year all roll over.
	const newYearInChina = new Date(Date.UTC(2024, 11, 31, 16, 30, 5));
	// 15:59:59 UTC is still the same day in China.
	const lastSecond = new Date(Date.UTC(2024, 11, 31, 15, 59, 59));

	it.each([
		['yyyyMMddHHmm', '202501010030', '202412312359'],
		['yyyyMMddHHmmss', '20250101003005', '20241231235959'],
		['yyyy-MM-dd HH:mm:ss', '2025-01-01 00:30:05', '2024-12-31 23:59:59'],
	] as const)('%s across the day boundary', (format, afterBoundary, beforeBoundary) => {
		expect(formatChinaTime(newYearInChina, format)).toBe(afterBoundary);
		expect(formatChinaTime(lastSecond, format)).toBe(beforeBoundary);
	});

	it('pads every field', () => {
		expect(formatChinaTime(new Date('2012-03-04T05:06:07+08:00'), 'yyyy-MM-dd HH:mm:ss')).toBe('2012-03-04 05:06:07');
		expect(formatChinaTime(new Date('2012-03-04T05:06:07+08:00'), 'yyyyMMddHHmmss')).toBe('20120304050607');
	});

	it('handles 29 February (leap year) and drops milliseconds', () => {
		expect(formatChinaTime(new Date(Date.UTC(2024, 1, 28, 16, 0, 0, 999)), 'yyyyMMddHHmmss')).toBe('20240229000000');
	});

	it('refuses an invalid date instead of writing NaN', () => {
		expect(() => formatChinaTime(new Date('not a date'), 'yyyyMMddHHmm')).toThrow(RangeError);
	});
});

describe('parseChinaTime', () => {
	it.each([
		// YYMMDDhhmm (sms18 pushes)
		['1012241002', '2010-12-24T10:02:00+08:00'],
		['1208212205', '2012-08-21T22:05:00+08:00'],
		// YYYYMMDDHHMM (chinaSms)
		['200505241713', '2005-05-24T17:13:00+08:00'],
		// YYYYMMDDHHMMSS (sms112088, sms18 response time)
		['20110725160412', '2011-07-25T16:04:12+08:00'],
		// YYYY-MM-DD HH:MM:SS (smsAdmin, sms10692)
		['2010-10-24 09:08:10', '2010-10-24T09:08:10+08:00'],
		['2012/7/1 23:12:12', '2012-07-01T23:12:12+08:00'],
		['2012-07-01T23:12:12', '2012-07-01T23:12:12+08:00'],
		['2012-07-01 23:12', '2012-07-01T23:12:00+08:00'],
		['2012-07-01 23:12:12.357', '2012-07-01T23:12:12+08:00'],
		['  2010-10-24 09:08:10 ', '2010-10-24T09:08:10+08:00'],
		['2024-02-29 00:00:00', '2024-02-29T00:00:00+08:00'],
	])('%j → %s', (input, iso) => {
		expect(parseChinaTime(input)).toBe(iso);
	});

	it('gives an instant that is the China wall time', () => {
		expect(new Date(parseChinaTime('20250101003005') as string).toISOString()).toBe('2024-12-31T16:30:05.000Z');
	});

	it.each([
		['0000-00-00 00:00:00'],
		['00000000000000'],
		[''],
		['   '],
		[null],
		[undefined],
		// invalid dates and times
		['2023-02-29 10:00:00'],
		['2024-13-01 10:00:00'],
		['2024-04-31 10:00:00'],
		['2024-00-10 10:00:00'],
		['20240230120000'],
		['2024-01-01 24:00:00'],
		['2024-01-01 23:60:00'],
		['2024-01-01 23:59:60'],
		['1302301200'],
		// unrecognised shapes
		['20240101'],
		['202401011200001'],
		['2024-01-01'],
		['yesterday'],
		['1719847932'],
	])('%j → null', (input) => {
		expect(parseChinaTime(input)).toBeNull();
	});
});
