/**
 * What a gateway adapter is: its declaration and what it can do, each capability optional. Nothing
 * here (or anywhere under nodes/gateways/) imports n8n: the adapters are plain TypeScript so they
 * can be tested, benchmarked and reused on their own.
 */
import type { PushHandler } from '../push/push';
import { gatewayDisplayName } from './declaration';
import type { GatewayDeclaration, GatewayId, GatewayLimits } from './declaration';
import type {
	BalanceResult,
	Charset,
	ContentCheckResult,
	DeliveryReport,
	FetchPage,
	GatewayCredentials,
	InboundReply,
	OutgoingMessage,
	SendOutcome,
	SendRequest,
	TemplateSendRequest,
} from './model';
import type { Transport } from './transport';

/** Everything an adapter needs to talk to its gateway. */
export interface GatewayContext {
	credentials: GatewayCredentials;
	transport: Transport;
	/** Injected clock so signatures and tests are deterministic. */
	now: () => Date;
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
	 * What only this gateway refuses in one message to these numbers (its options' formats,
	 * number-dependent limits), in plain English; empty when all is well. Run for every item (a
	 * template row with its message filled in) before anything is sent: `send` and `sendTemplate`
	 * get requests already checked and planned.
	 */
	sendProblems?(message: OutgoingMessage, recipients: readonly string[]): string[];
	/** Numbers of different classes never share a request (china-sms sends 小灵通 numbers apart). */
	requestClass?(recipient: string): string;
	send?(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome>;
	sendTemplate?(ctx: GatewayContext, request: TemplateSendRequest): Promise<SendOutcome>;
	getBalance?(ctx: GatewayContext): Promise<BalanceResult>;
	fetchReports?(ctx: GatewayContext): Promise<FetchPage<DeliveryReport>>;
	fetchReplies?(ctx: GatewayContext): Promise<FetchPage<InboundReply>>;
	checkContent?(ctx: GatewayContext, message: string): Promise<ContentCheckResult>;
	/** What the gateway refuses in a new password; checked before `changePassword` is called. */
	passwordProblems?(newPassword: string): string[];
	changePassword?(ctx: GatewayContext, newPassword: string): Promise<void>;

	/** How the gateway pushes replies/reports to a URL of ours (<id>/push.ts). */
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
