/** The allow-list of addresses that may push, and the address a push came from. */
import { BlockList, isIP } from 'node:net';

export interface AllowList {
	/** null: no list configured, every address may push. */
	list: BlockList | null;
	/** Entries that are no IP address or CIDR range, as typed. */
	invalid: string[];
}

/** Parse `203.0.113.7, 198.51.100.0/24 2001:db8::/32` (commas, semicolons or whitespace). */
export function parseAllowList(text: string | undefined): AllowList {
	const entries = String(text ?? '')
		.split(/[\s,;，；]+/u)
		.filter(Boolean);
	if (entries.length === 0) return { list: null, invalid: [] };
	const list = new BlockList();
	const invalid: string[] = [];
	for (const entry of entries) {
		const [address, prefixText, ...rest] = entry.split('/');
		const family = isIP(address);
		const prefix = prefixText === undefined ? null : Number(prefixText);
		const maxPrefix = family === 6 ? 128 : 32;
		if (
			family === 0 ||
			rest.length > 0 ||
			(prefix !== null && (!/^\d{1,3}$/.test(prefixText) || prefix > maxPrefix))
		) {
			invalid.push(entry);
			continue;
		}
		const type = family === 6 ? 'ipv6' : 'ipv4';
		if (prefix === null) list.addAddress(address, type);
		else list.addSubnet(address, prefix, type);
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

export function isAllowed(list: BlockList, address: string): boolean {
	const family = isIP(address);
	if (family === 0) return false;
	return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}
