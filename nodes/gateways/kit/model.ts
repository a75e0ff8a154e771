/**
 * The data the gateway layer passes around: charsets, credentials, requests and outcomes, events.
 * Plain types with no imports, so every other module of the layer can use them.
 */
/** Charsets on the wire. `gb2312` is encoded with GBK bytes but only for characters GB2312 has. */
export type Charset = 'gbk' | 'gb2312' | 'utf8';

/** Credential values as n8n hands them over (field names as the credential types define them). */
export type GatewayCredentials = Record<string, string | number | boolean | undefined>;

export type DeliveryStatus = 'delivered' | 'failed' | 'unknown';

export interface SendRequest {
	/** Normalised numbers, at most `limits.maxRecipientsPerRequest` of them. */
	recipients: string[];
	/** The final text, signature already applied. */
	message: string;
	sendAt?: Date;
	extno?: string;
	linkId?: string;
	product?: string;
	statusReport?: boolean;
}

/** A send request without its numbers: the message and its options. */
export type OutgoingMessage = Omit<SendRequest, 'recipients'>;

export interface TemplateSendRequest {
	template: string;
	/** One row per recipient: the number, then the values for {value0}, {value1}, … */
	rows: Array<{ recipient: string; values: string[] }>;
	sendAt?: Date;
	linkId?: string;
}

export interface RecipientOutcome {
	recipient: string;
	success: boolean;
	/** Per-number message id where the gateway gives one, else the batch id, else null. */
	messageId: string | null;
	error?: string;
}

export interface SendOutcome {
	/** One entry per recipient of the request, in request order. */
	recipients: RecipientOutcome[];
	/** Ids the gateway returned for the whole request (batch / task / msg ids). */
	messageIds: string[];
	/** The gateway's own response fields, secrets removed. */
	raw: Record<string, unknown>;
}

export interface BalanceResult {
	balance: number;
	unit: 'messages' | 'yuan';
	products: Array<{ product: string; balance: number }> | null;
	raw: Record<string, unknown>;
}

export interface DeliveryReport {
	type: 'report';
	messageId: string | null;
	mobile: string | null;
	status: DeliveryStatus;
	vendorStatus: string | null;
	reportedAt: string | null;
	extno: string | null;
	linkId: string | null;
	raw: Record<string, unknown>;
	/** Set when a line the gateway handed over could not be parsed: kept, never dropped. */
	parseError?: string;
}

export interface InboundReply {
	type: 'reply';
	id: string | null;
	mobile: string | null;
	text: string | null;
	receivedAt: string | null;
	destination: string | null;
	extno: string | null;
	linkId: string | null;
	raw: Record<string, unknown>;
	parseError?: string;
	/** china-sms content `0000`: the user unsubscribes from everything. */
	unsubscribe?: boolean;
}

/** One fetch-once call's result. `more` says whether another call may return more events. */
export interface FetchPage<T> {
	events: T[];
	more: boolean;
	/**
	 * The call failed after the gateway handed these events over (an answer cut off after its first
	 * complete records): the events are kept and the failure is reported beside them.
	 */
	error?: unknown;
}

export interface ContentCheckResult {
	clean: boolean;
	words: string[];
	raw: Record<string, unknown>;
}

/** Where the charset an answer was read in came from. */
export type CharsetSource =
	/** The answer declared it. */
	| { declaredBy: 'Content-Type header' | 'XML prolog' }
	/** The credential setting of that name (its display name, e.g. `Charset`). */
	| { setting: string }
	/** The gateway's own charset, which no setting changes. */
	| 'gateway';

/** An answer whose bytes plainly are in another charset than the one it was read in. */
export interface CharsetMismatch {
	/** The charset the answer was read in (strictly, as its text and every field show it). */
	readAs: Charset;
	/** The charset its bytes plainly are in. */
	looksLike: Charset;
	/** What was seen and what to do, one plain English clause (no final full stop). */
	note: string;
	/**
	 * The bytes one record of the answer came from, base64: `record` is text of the answer as read
	 * (records asked for in answer order). Null when the record cannot be found in the answer or its
	 * bytes hold a secret. The range may reach past the record up to the next byte that is surely a
	 * character of its own (a separator the wrong charset could have swallowed).
	 */
	bytesOf(record: string): string | null;
}
