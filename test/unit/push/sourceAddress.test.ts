/** Allow-list parsing and the source address of a push (nodes/gateways/push/sourceAddress.ts). */
import { isAllowed, normaliseAddress, parseAllowList, sourceAddress } from '../../../nodes/gateways/push/sourceAddress';

describe('allow-list', () => {
	it('is off when empty', () => {
		expect(parseAllowList('')).toEqual({ list: null, invalid: [] });
		expect(parseAllowList(undefined)).toEqual({ list: null, invalid: [] });
	});

	it('matches addresses and CIDR ranges of both families', () => {
		const { list, invalid } = parseAllowList('203.0.113.7, 198.51.100.0/24；2001:db8::/32 ::1');
		expect(invalid).toEqual([]);
		expect(isAllowed(list!, '203.0.113.7')).toBe(true);
		expect(isAllowed(list!, '203.0.113.8')).toBe(false);
		expect(isAllowed(list!, '198.51.100.255')).toBe(true);
		expect(isAllowed(list!, '198.51.101.0')).toBe(false);
		expect(isAllowed(list!, '2001:db8:1::5')).toBe(true);
		expect(isAllowed(list!, '2001:db9::1')).toBe(false);
		expect(isAllowed(list!, '::1')).toBe(true);
		expect(isAllowed(list!, '')).toBe(false);
		expect(isAllowed(list!, 'not-an-ip')).toBe(false);
	});

	it('names the entries that are no address or range', () => {
		expect(parseAllowList('1.2.3.4, example.com, 10.0.0.0/33, 10.0.0.0/x, 1.2.3.4/8/1').invalid).toEqual([
			'example.com',
			'10.0.0.0/33',
			'10.0.0.0/x',
			'1.2.3.4/8/1',
		]);
	});
});

describe('source address', () => {
	it('is the connecting address, X-Forwarded-For ignored, without proxies', () => {
		expect(sourceAddress('::ffff:10.1.2.3', '6.6.6.6', 0)).toBe('10.1.2.3');
	});

	it('is the address the outermost proxy saw, counted from the right of X-Forwarded-For', () => {
		expect(sourceAddress('127.0.0.1', '6.6.6.6, 203.0.113.7', 1)).toBe('203.0.113.7');
		expect(sourceAddress('127.0.0.1', ['6.6.6.6', '203.0.113.7, 10.0.0.2'], 2)).toBe('203.0.113.7');
		expect(sourceAddress('127.0.0.1', '203.0.113.7', 5)).toBe('203.0.113.7');
		expect(sourceAddress('127.0.0.1', undefined, 1)).toBe('127.0.0.1');
	});

	it('drops ports and brackets', () => {
		expect(normaliseAddress('203.0.113.7:5678')).toBe('203.0.113.7');
		expect(normaliseAddress('[2001:db8::1]:80')).toBe('2001:db8::1');
		expect(normaliseAddress('2001:db8::1')).toBe('2001:db8::1');
	});
});
