/** What the checks of a send need to know besides the item: the gateway, its charset, now, the zone. */
import type { GatewayAdapter } from '../kit/adapter';
import type { Charset } from '../kit/model';

export interface CheckContext {
	adapter: GatewayAdapter;
	/** Charset on the wire for the credentials in use. */
	charset: Charset;
	now: Date;
	/** IANA zone a `sendAt` without offset is read in (the workflow's time zone). */
	timeZone: string;
}
