/**
 * The three authentication schemes of the five gateways.
 * - plain: name and password as parameters (chinaSms, smsAdmin, sms112088, sms18).
 * - MD5 password: smsAdmin's `_md5` endpoints take `md5(password)`, 32 lowercase hex.
 * - timestamp-signed MD5: sms10692 signs every call with `md5(account + password + timestamp)`.
 */
import { createHash } from 'node:crypto';

import { formatChinaTime } from './chinaTime';

export function md5Hex(text: string): string {
	return createHash('md5').update(text, 'utf8').digest('hex');
}

const MD5_HEX = /^[0-9a-fA-F]{32}$/;

/** A 32-hex value is taken as an MD5 already (lowercased); anything else is hashed. */
export function passwordMd5(value: string): string {
	return MD5_HEX.test(value) ? value.toLowerCase() : md5Hex(value);
}

export interface SignedAuth {
	timestamp: string;
	sign: string;
}

/** sms10692: timestamp `yyyyMMddHHmmss` in China Standard Time, sign = md5(account+password+timestamp). */
export function signTimestamp(account: string, password: string, now: Date): SignedAuth {
	const timestamp = formatChinaTime(now, 'yyyyMMddHHmmss');
	return { timestamp, sign: md5Hex(account + password + timestamp) };
}
