/** Allow-list parsing and the source address of a push (nodes/gateways/push/sourceAddress.ts). */
import * as net from 'node:net';

import { isAllowed, normaliseAddress, parseAddress, parseAllowList, sourceAddress } from '../../../../nodes/gateways/push/sourceAddress';

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

/**
 * The parser and the matcher against node:net (isIP, BlockList), which the push trigger used
 * before and may not import at run time: over generated addresses, ranges and malformed text.
 */
describe('against node:net', () => {
	/** A fixed pseudo-random sequence (mulberry32), so a failure can be replayed. */
	function random(seed: number): () => number {
		let a = seed;
		return () => {
			a = (a + 0x6d2b79f5) | 0;
			let t = Math.imul(a ^ (a >>> 15), 1 | a);
			t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
			return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
		};
	}
	const pick = <T>(next: () => number, list: readonly T[]): T => list[Math.floor(next() * list.length)];

	/**
	 * BlockList reads the address of a text with a zone id through libuv's uv_ip6_addr, which cuts
	 * what stands before the `%` to 39 characters: a longer address (a full one ending in IPv4 is up
	 * to 45) is then misread or refused. The bytes are compared without the zone id.
	 */
	const withoutZone = (text: string) => (text.includes('%') ? text.slice(0, text.indexOf('%')) : text);

	/** All 16 bytes written out: eight groups, no `::`. */
	const fullText = (bytes: Uint8Array) => Array.from({ length: 8 }, (_, i) => ((bytes[2 * i] << 8) | bytes[2 * i + 1]).toString(16)).join(':');

	const V4_PARTS = ['0', '1', '9', '10', '99', '100', '199', '200', '249', '250', '255', '256', '01', '001', '300', '1000', '', 'a', ' 1'] as const;
	const V6_GROUPS = ['0', '1', 'a', 'F', 'ff', 'abc', 'ABCD', 'ffff', 'FFFF', '0000', '00000', '12345', 'g', '', '1.2.3.4', '255.255.255.255', '01.2.3.4', '1.2.3'] as const;
	const ZONES = ['', '', '', '%eth0', '%', '%a-b.c:d', '%25', '%é', '%1 ', '%lo0', '%%'] as const;

	function v4Text(next: () => number): string {
		const count = next() < 0.9 ? 4 : pick(next, [3, 5]);
		return Array.from({ length: count }, () => (next() < 0.7 ? String(Math.floor(next() * 256)) : pick(next, V4_PARTS))).join('.');
	}

	function v6Text(next: () => number): string {
		const count = Math.floor(next() * 10);
		const groups: string[] = Array.from({ length: count }, () => (next() < 0.6 ? Math.floor(next() * 0x10000).toString(16) : pick(next, V6_GROUPS)));
		if (next() < 0.3 && count > 0) groups[count - 1] = v4Text(next);
		let text = groups.join(':');
		if (next() < 0.6) {
			// One `::` somewhere (sometimes two, or a stray colon).
			const at = Math.floor(next() * (count + 1));
			text = [...groups.slice(0, at), '', ...groups.slice(at)].join(':');
			if (at === 0) text = `:${text}`;
			if (at === count) text = `${text}:`;
			if (next() < 0.05) text = text.replace('::', ':::');
			if (next() < 0.05) text = `${text}::`;
		}
		return text + pick(next, ZONES);
	}

	it('reads 40,000 generated texts as isIP does, and every address to the bytes BlockList matches exactly', () => {
		const next = random(13);
		let valid = 0;
		const differing: string[] = [];
		for (let n = 0; n < 40_000; n++) {
			const text = n % 3 === 0 ? v4Text(next) : v6Text(next);
			const ours = parseAddress(text);
			if ((ours?.family ?? 0) !== net.isIP(text)) {
				differing.push(text);
				continue;
			}
			if (!ours) continue;
			valid++;
			// The bytes: the address matches its own full form and not the address one bit away.
			const list = new net.BlockList();
			list.addAddress(withoutZone(text), ours.family === 6 ? 'ipv6' : 'ipv4');
			const neighbour = Uint8Array.from(ours.bytes);
			neighbour[15] ^= 1 << Math.floor(next() * 8);
			if (!list.check(fullText(ours.bytes), 'ipv6') || list.check(fullText(neighbour), 'ipv6')) differing.push(`bytes of ${text}`);
		}
		expect(differing).toEqual([]);
		// Enough of both kinds to mean something.
		expect(valid).toBeGreaterThan(10_000);
		expect(40_000 - valid).toBeGreaterThan(10_000);
	});

	it('matches over 100,000 generated address/range pairs as BlockList does: IPv4, IPv6, IPv4-mapped, every prefix length', () => {
		const next = random(7);
		const randomBytes = (v4: boolean) => {
			const bytes = new Uint8Array(16);
			if (v4) bytes.set([0xff, 0xff], 10);
			for (let i = v4 ? 12 : 0; i < 16; i++) bytes[i] = Math.floor(next() * 256);
			// Often the zero prefixes of ::1, ::ffff:0:0/96 and ::/8.
			if (!v4 && next() < 0.3) bytes.fill(0, 0, Math.floor(next() * 16));
			if (!v4 && next() < 0.2) bytes.set([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff]);
			return bytes;
		};
		const v4Of = (bytes: Uint8Array) => `${bytes[12]}.${bytes[13]}.${bytes[14]}.${bytes[15]}`;
		const isMapped = (bytes: Uint8Array) => bytes.subarray(0, 12).every((b, i) => b === (i < 10 ? 0 : 0xff));
		const differing: string[] = [];
		let pairs = 0;
		for (let r = 0; r < 1_000; r++) {
			const asV4 = next() < 0.4;
			const base = randomBytes(asV4);
			const maxPrefix = asV4 ? 32 : 128;
			const prefix = next() < 0.5 ? pick(next, asV4 ? [0, 1, 7, 8, 9, 24, 31, 32] : [0, 1, 8, 63, 64, 95, 96, 97, 120, 127, 128]) : Math.floor(next() * (maxPrefix + 1));
			const ruleAddress = asV4 ? v4Of(base) : fullText(base);
			const entry = next() < 0.2 ? ruleAddress : `${ruleAddress}/${prefix}`;
			const blockList = new net.BlockList();
			if (entry.includes('/')) blockList.addSubnet(ruleAddress, prefix, asV4 ? 'ipv4' : 'ipv6');
			else blockList.addAddress(ruleAddress, asV4 ? 'ipv4' : 'ipv6');
			const { list, invalid } = parseAllowList(entry);
			expect(invalid).toEqual([]);
			for (let k = 0; k < 100; k++) {
				// Near the rule: flip one bit around the prefix boundary, or anywhere, or none.
				const candidate = Uint8Array.from(next() < 0.5 ? base : randomBytes(next() < 0.5));
				if (next() < 0.8) {
					const boundary = asV4 ? 96 + prefix : prefix;
					const bit = Math.min(127, Math.max(0, boundary + Math.floor(next() * 5) - 3));
					candidate[bit >> 3] ^= 0x80 >> (bit & 7);
				}
				const texts = [fullText(candidate)];
				if (isMapped(candidate)) texts.push(v4Of(candidate), `::ffff:${v4Of(candidate)}`);
				for (const text of texts) {
					pairs++;
					const family = net.isIP(text) === 4 ? 'ipv4' : 'ipv6';
					if (isAllowed(list!, text) !== blockList.check(text, family)) differing.push(`${text} in ${entry}`);
				}
			}
		}
		expect(differing).toEqual([]);
		expect(pairs).toBeGreaterThan(100_000);
	});

	it('reads a long address with a zone id whole, where BlockList cuts it (libuv) and misreads or refuses it', () => {
		const text = '68f3:86de:406f:ca22:0000:5b94:118.190.182.136%eth0';
		expect(net.isIP(text)).toBe(6);
		expect(() => new net.BlockList().addAddress(text, 'ipv6')).toThrow('Invalid socket address');
		expect(parseAddress(text)).toEqual(parseAddress('68f3:86de:406f:ca22:0:5b94:76be:b688'));
		const { list } = parseAllowList(text);
		expect([isAllowed(list!, '68f3:86de:406f:ca22::5b94:76be:b688'), isAllowed(list!, '68f3:86de:406f:ca22::5b94:76be:b689')]).toEqual([true, false]);
	});

	it('names the same entries invalid as the isIP-based parser did, and ignores zone ids', () => {
		const { list, invalid } = parseAllowList('fe80::1%eth0 fe80::%lo/64 ::ffff:10.0.0.0/104 1.2.3.4/032 ::/0x 1.2.3.4/ /8 01.2.3.4 1::2::3 ::ffff:1.2.3.4%');
		expect(invalid).toEqual(['::/0x', '1.2.3.4/', '/8', '01.2.3.4', '1::2::3', '::ffff:1.2.3.4%']);
		const blockList = new net.BlockList();
		blockList.addAddress('fe80::1%eth0', 'ipv6');
		blockList.addSubnet('fe80::%lo', 64, 'ipv6');
		blockList.addSubnet('::ffff:10.0.0.0', 104, 'ipv6');
		blockList.addSubnet('1.2.3.4', 32, 'ipv4');
		for (const address of ['fe80::1', 'fe80::1%wlan0', 'fe80::2:3', 'fe81::1', '10.1.2.3', '::ffff:10.255.0.1', '11.0.0.0', '1.2.3.4', '::ffff:1.2.3.4', '1.2.3.5']) {
			expect([address, isAllowed(list!, address)]).toEqual([address, blockList.check(address, net.isIP(address) === 4 ? 'ipv4' : 'ipv6')]);
		}
		expect(['fe80::2:3', '10.1.2.3', '::ffff:1.2.3.4'].map((a) => isAllowed(list!, a))).toEqual([true, true, true]);
		expect(['fe81::1', '11.0.0.0', '1.2.3.5'].map((a) => isAllowed(list!, a))).toEqual([false, false, false]);
	});
});
