/**
 * Shared types of the gateway layer. Nothing here (or anywhere under nodes/gateways/) imports n8n:
 * the adapters are plain TypeScript so they can be tested, benchmarked and reused on their own.
 */
import type { PushHandler } from '../push/push';
import { gatewayDisplayName } from './declaration';
import type { GatewayDeclaration, GatewayId, GatewayLimits } from './declaration';
import type { Transport } from './transport';

export type { GatewayId, GatewayLimits, Operation } from './declaration';

/** Charsets on the wire. `gb2312` is encoded with GBK bytes but only for characters GB2312 has. */
export type Charset = 'gbk' | 'gb2312' | 'utf8';

/** Credential values as n8n hands them over (field names from CONTRACT.md). */
export type GatewayCredentials = Record<string, string | number | boolean | undefined>;

export type DeliveryStatus = 'delivered' | 'failed' | 'unknown';

/** Everything an adapter needs to talk to its gateway. */
export interface GatewayContext {
	credentials: GatewayCredentials;
	transport: Transport;
	/** Injected clock so signatures and tests are deterministic. */
	now: () => Date;
}

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

export interface GatewayAdapter {
	/** The gateway's facts (declaration.ts beside the adapter); the next four are read from it. */
	declaration: GatewayDeclaration;
	id: GatewayId;
	/** English display name with the Chinese vendor name, e.g. "China SMS (中国短信)". */
	displayName: string;
	/** n8n credential type names this adapter accepts, the default first. */
	credentialTypes: string[];
	limits: GatewayLimits;
	/** Charset used on the wire for these credentials. */
	charset(credentials: GatewayCredentials): Charset;

	/**
	 * Vendor-specific checks of a send's options before anything is sent (e.g. `extno` digits and
	 * length, `linkId` format). Returns the problems in plain English; empty when all is well.
	 */
	validateSend?(request: Omit<SendRequest, 'recipients'>): string[];

	send?(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome>;
	sendTemplate?(ctx: GatewayContext, request: TemplateSendRequest): Promise<SendOutcome>;
	getBalance?(ctx: GatewayContext): Promise<BalanceResult>;
	fetchReports?(ctx: GatewayContext): Promise<FetchPage<DeliveryReport>>;
	fetchReplies?(ctx: GatewayContext): Promise<FetchPage<InboundReply>>;
	checkContent?(ctx: GatewayContext, message: string): Promise<ContentCheckResult>;
	changePassword?(ctx: GatewayContext, newPassword: string): Promise<void>;

	/** How the gateway pushes replies/reports to a URL of ours (adapters/<id>.push.ts). */
	push?: PushHandler;
}

/** What an adapter implements; its name, credentials and limits come from its declaration. */
export type AdapterCapabilities = Omit<GatewayAdapter, 'declaration' | 'id' | 'displayName' | 'credentialTypes' | 'limits'>;

export function defineAdapter(declaration: GatewayDeclaration, capabilities: AdapterCapabilities): GatewayAdapter {
	return {
		declaration,
		id: declaration.id,
		displayName: gatewayDisplayName(declaration),
		credentialTypes: declaration.credentials.map((c) => c.type),
		limits: declaration.limits,
		...capabilities,
	};
}
