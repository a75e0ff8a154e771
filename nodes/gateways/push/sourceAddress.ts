/**
 * The allow-list of addresses that may push, and the address a push came from. Addresses are
 * compared as node:net's BlockList compares them: an IPv4 address is the IPv4-mapped IPv6 address
 * ::ffff:a.b.c.d, so `1.2.3.4` and `::ffff:1.2.3.4` are one address, an IPv4 range a.b.c.d/n is
 * ::ffff:a.b.c.d/(96+n), and a zone id (`fe80::1%eth0`) does not take part.
 */

/** An address, or a CIDR range: the first `prefix` bits of `bytes` (an IPv6 address, 16 bytes). */
export interface AddressRange {
	bytes: Uint8Array;
	prefix: number;
}

export interface AllowList {
	/** null: no list configured, every address may push. */
	list: AddressRange[] | null;
	/** Entries that are no IP address or CIDR range, as typed. */
	invalid: string[];
}

/** An IPv4 part: 1–3 digits, no leading zero, at most 255 (what node:net's isIP accepts). */
function ipv4Bytes(text: string): number[] | null {
	const parts = text.split('.');
	if (parts.length !== 4) return null;
	const bytes: number[] = [];
	for (const part of parts) {
		if (part.length < 1 || part.length > 3 || (part.length > 1 && part[0] === '0')) return null;
		for (let i = 0; i < part.length; i++) if (part.charCodeAt(i) < 0x30 || part.charCodeAt(i) > 0x39) return null;
		const value = Number(part);
		if (value > 255) return null;
		bytes.push(value);
	}
	return bytes;
}

const HEX_GROUP = /^[0-9A-Fa-f]{1,4}$/;
const ZONE = /^[0-9A-Za-z.:-]+$/;

/**
 * IPv6 text: eight groups of 1–4 hex digits, or fewer around one `::` that stands for at least one
 * zero group, the last two groups optionally written as IPv4, and an optional zone id after `%`.
 */
function ipv6Bytes(text: string): Uint8Array | null {
	const percent = text.indexOf('%');
	if (percent >= 0 && !ZONE.test(text.slice(percent + 1))) return null;
	const address = percent >= 0 ? text.slice(0, percent) : text;
	const gap = address.indexOf('::');
	if (gap >= 0 && address.indexOf('::', gap + 1) >= 0) return null;
	const head = gap >= 0 ? address.slice(0, gap) : address;
	const tail = gap >= 0 ? address.slice(gap + 2) : '';
	const groups = (part: string, last: boolean): number[] | null => {
		if (part === '') return [];
		const words: number[] = [];
		const pieces = part.split(':');
		for (let i = 0; i < pieces.length; i++) {
			if (last && i === pieces.length - 1 && pieces[i].includes('.')) {
				const v4 = ipv4Bytes(pieces[i]);
				if (!v4) return null;
				words.push((v4[0] << 8) | v4[1], (v4[2] << 8) | v4[3]);
			} else if (HEX_GROUP.test(pieces[i])) {
				words.push(parseInt(pieces[i], 16));
			} else {
				return null;
			}
		}
		return words;
	};
	const before = groups(head, gap < 0);
	const after = groups(tail, true);
	if (!before || !after) return null;
	const given = before.length + after.length;
	if (gap < 0 ? given !== 8 : given > 7) return null;
	const words = [...before, ...new Array<number>(8 - given).fill(0), ...after];
	const bytes = new Uint8Array(16);
	words.forEach((word, i) => {
		bytes[2 * i] = word >> 8;
		bytes[2 * i + 1] = word & 0xff;
	});
	return bytes;
}

/**
 * An IP address as node:net's isIP reads it (family 4 or 6, 0 for none), with its 16 bytes (an IPv4
 * address as ::ffff:a.b.c.d). No leading zeros in IPv4, no IPv4 written in fewer than four parts.
 */
export function parseAddress(text: string): { family: 4 | 6; bytes: Uint8Array } | null {
	const v4 = ipv4Bytes(text);
	if (v4) return { family: 4, bytes: Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...v4]) };
	const v6 = ipv6Bytes(text);
	return v6 ? { family: 6, bytes: v6 } : null;
}

/** Parse `203.0.113.7, 198.51.100.0/24 2001:db8::/32` (commas, semicolons or whitespace). */
export function parseAllowList(text: string | undefined): AllowList {
	const entries = String(text ?? '')
		.split(/[\s,;，；]+/u)
		.filter(Boolean);
	if (entries.length === 0) return { list: null, invalid: [] };
	const list: AddressRange[] = [];
	const invalid: string[] = [];
	for (const entry of entries) {
		const [address, prefixText, ...rest] = entry.split('/');
		const parsed = parseAddress(address);
		const prefix = prefixText === undefined ? null : Number(prefixText);
		const maxPrefix = parsed?.family === 6 ? 128 : 32;
		if (!parsed || rest.length > 0 || (prefix !== null && (!/^\d{1,3}$/.test(prefixText) || prefix > maxPrefix))) {
			invalid.push(entry);
			continue;
		}
		const bits = prefix === null ? 128 : parsed.family === 4 ? 96 + prefix : prefix;
		list.push({ bytes: parsed.bytes, prefix: bits });
	}
	return { list, invalid };
}

/** `::ffff:1.2.3.4` → `1.2.3.4`; `1.2.3.4:5678` and `[::1]:80` lose the port. */
export function normaliseAddress(value: string): string {
	let v = value.trim();
	const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(v);
	if (bracketed) v = bracketed[1];
	else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(v)) v = v.slice(0, v.lastIndexOf(':'));
	const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(v);
	return mapped ? mapped[1] : v;
}

/**
 * The address a push came from. With no proxy (hops 0) that is the connecting address and
 * X-Forwarded-For is ignored, since any sender can write it. With `hops` proxies in front, it is
 * the address the outermost proxy saw: counted from the right of X-Forwarded-For, as Express
 * does with `trust proxy` set to a number.
 */
export function sourceAddress(
	remoteAddress: string | undefined,
	forwardedFor: string | string[] | undefined,
	hops: number,
): string {
	const chain = [remoteAddress ?? ''];
	if (hops > 0) {
		const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor ?? '';
		chain.push(
			...header
				.split(',')
				.map((s) => s.trim())
				.filter(Boolean)
				.reverse(),
		);
	}
	return normaliseAddress(chain[Math.min(Math.floor(hops), chain.length - 1)]);
}

function inRange(bytes: Uint8Array, range: AddressRange): boolean {
	const whole = range.prefix >> 3;
	for (let i = 0; i < whole; i++) if (bytes[i] !== range.bytes[i]) return false;
	const bits = range.prefix & 7;
	if (bits === 0) return true;
	const mask = (0xff << (8 - bits)) & 0xff;
	return (bytes[whole] & mask) === (range.bytes[whole] & mask);
}

export function isAllowed(list: AddressRange[], address: string): boolean {
	const parsed = parseAddress(address);
	return parsed !== null && list.some((range) => inRange(parsed.bytes, range));
}
