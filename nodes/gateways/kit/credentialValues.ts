/** Reading credential values, which n8n hands over as strings, numbers, booleans or nothing. */
import type { Charset, GatewayCredentials } from './model';

export function text(value: unknown): string {
	return value === undefined || value === null ? '' : String(value);
}

/** The `charset` setting of vendors whose charset is undocumented (chinaSms, sms112088): GBK unless `utf8`. */
export function gbkUnlessUtf8(credentials: GatewayCredentials): Charset {
	return text(credentials.charset).trim().toLowerCase() === 'utf8' ? 'utf8' : 'gbk';
}
