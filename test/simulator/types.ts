/** Types shared by the simulator core and its five vendor modules. */
import type { GatewayId } from '../../nodes/gateways/kit/declaration';
import type { Charset } from '../../nodes/gateways/kit/model';

export type { Charset, GatewayId };

export interface RecordedRequest {
	gateway: GatewayId;
	/** Sequence number across the whole simulator. */
	seq: number;
	at: number;
	method: string;
	/** Path without the query string. */
	path: string;
	/** The raw query string as it arrived (bytes as latin1, no leading `?`). */
	rawQuery: string;
	headers: Record<string, string | string[] | undefined>;
	/** The body byte for byte. */
	body: Buffer;
	/** Parameters decoded with the charset the vendor reads them in: query first, then form body. */
	params: Array<[string, string]>;
	/** Status the simulator answered (0 when the connection was dropped). */
	status: number;
	/** The answer's bytes (empty when dropped). */
	response: Buffer;
}

/** What a vendor module sees of a request. */
export interface SimRequest {
	method: string;
	path: string;
	rawQuery: string;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
	/** Decoded parameters (query, then form body), in order. */
	params: Array<[string, string]>;
	/** First value of each parameter name (names trimmed: documents show `sign =`). */
	get(name: string): string | undefined;
}

export interface SimResponse {
	status?: number;
	/** Text is encoded in `charset` (default: the vendor's); a Buffer is sent as is. */
	body: string | Buffer;
	charset?: Charset;
	/** Default `text/plain` (no charset declared, as the old gateways do). */
	contentType?: string;
}

/**
 * An inbound reply, as tests queue or push it. Each vendor module renders it in its own format.
 * Times are China time `YYYY-MM-DD HH:mm:ss`; the vendor module fills sensible defaults.
 */
export interface SimReply {
	mobile: string;
	text: string;
	receivedAt?: string;
	/** The vendor's id of the reply (chinaSms id, 112088 短信编号, …); generated when absent. */
	id?: string;
	/** The number the customer replied to (特服号码 / destcode). */
	destination?: string;
	extno?: string;
	linkId?: string;
	/** sms18 long-message part header `id,total,part` (sets isems=1). */
	emshead?: string;
}

/** A delivery report, as tests queue or push it. */
export interface SimReport {
	mobile: string;
	/** The id the vendor gave the message when it was sent. */
	messageId?: string;
	/** The status in the vendor's own vocabulary (DELIVRD, 10, 20, -1, …); default: its "delivered". */
	vendorStatus?: string;
	reportedAt?: string;
	extno?: string;
	linkId?: string;
	/** sms10692 <errorcode>. */
	errorCode?: string;
}

export type QueuedEvent = SimReply | SimReport;

export interface PushTarget {
	/** Full URL to push to, e.g. the n8n webhook URL. */
	url: string;
	method?: 'GET' | 'POST';
}

export interface PushRequestSpec {
	method: 'GET' | 'POST';
	/** Parameters in order; encoded with `charset`. */
	params: Array<[string, string]>;
	charset: Charset;
	/** Where the parameters go (query string or form body). */
	in: 'query' | 'body';
	/** Content-Type header for a body (default form-urlencoded without charset). */
	contentType?: string;
}

export interface VendorContext {
	/** Record a fetch-once call; notes a violation when the previous one was closer than `minMs`. */
	noteSpacedCall(key: string, minMs: number): void;
	now(): Date;
}

/** Test credentials the simulator accepts. */
export type SimAccounts = Record<GatewayId, Record<string, string>>;

export interface VendorModule {
	id: GatewayId;
	/** Charset the vendor reads the parameters of a request to `path` in. */
	requestCharset(path: string): Charset;
	/** Charset of the vendor's answers to `path`. */
	responseCharset(path: string): Charset;
	handle(req: SimRequest, ctx: VendorContext): SimResponse;
	/** Put an inbound reply in the fetch-once queue. */
	queueReply?(reply: SimReply): void;
	/** Put a delivery report in the fetch-once queue. */
	queueReport?(report: SimReport): void;
	/**
	 * Put a raw line/fragment into a queue, exactly as given, to be handed out in the next answer
	 * (for garbled-line tests). For XML vendors, a raw fragment inside <returnsms>.
	 */
	queueRaw?(kind: 'reply' | 'report', raw: string): void;
	/** Messages the vendor accepted, one per recipient. */
	sent(): SentMessage[];
	/** How the vendor pushes an event of this kind (null: it does not push that kind). */
	pushRequest?(kind: 'reply' | 'report', event: QueuedEvent): PushRequestSpec | null;
	/** Pending events of each queue, for tests. */
	pending(): { replies: number; reports: number };
	reset(): void;
}

export interface SentMessage {
	gateway: GatewayId;
	mobile: string;
	message: string;
	/** Message id the vendor gave (per number or per batch). */
	messageId: string;
	sendAt: string | null;
	extno: string | null;
	linkId: string | null;
	product: string | null;
	at: number;
}

export type FaultType =
	/** Wait `ms` before answering normally. */
	| 'delay'
	/** Close the connection before reading the request: the vendor does nothing. */
	| 'dropBeforeRead'
	/** Read the request, let the vendor act, then close without answering. */
	| 'dropAfterRead'
	/** Answer HTTP 500 without acting. */
	| 'http500'
	/** Answer 200 with an HTML error page without acting. */
	| 'htmlError'
	/** Let the vendor act, then send only half the answer and close. */
	| 'truncated'
	/** Let the vendor act, then answer in the wrong charset (UTF-8 for GBK vendors, GBK for UTF-8). */
	| 'wrongCharset';

export interface FaultSpec {
	type: FaultType;
	ms?: number;
	/** Only requests whose path contains this. */
	path?: string;
	/** Let this many matching requests through first. */
	after?: number;
	/** Apply to this many matching requests (default 1). */
	times?: number;
}
