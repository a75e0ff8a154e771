/**
 * What a gateway declares about itself, once, beside its adapter (`<id>/declaration.ts`). The n8n
 * nodes of a gateway (action node, polling trigger, push trigger), their parameters, lists and
 * texts are generated from it; nothing else names a gateway.
 */
export type GatewayId = 'chinaSms' | 'smsAdmin' | 'sms112088' | 'sms18' | 'sms10692';

export type Operation =
	| 'send'
	| 'sendBulk'
	| 'sendTemplate'
	| 'getBalance'
	| 'fetchReports'
	| 'fetchReplies'
	| 'checkContent'
	| 'changePassword';

/** The two kinds of event a gateway hands out or pushes. */
export type EventType = 'reply' | 'report';

/** Send options only some gateways have (`sendAt`, `signature`, `batchSize`, `concurrency` are everyone's). */
export type VendorSendOption = 'extno' | 'linkId' | 'product' | 'statusReport';

/** Push-trigger settings only some gateways have (`allowedAddresses`, `proxyHops` are everyone's). */
export type VendorPushOption = 'charset' | 'longMessages' | 'longMessageWait' | 'receiver' | 'password' | 'userId';

export interface CredentialChoice {
	/** n8n credential type name. */
	type: string;
	/**
	 * Where a gateway accepts several credential types, the value of the node's `authentication`
	 * parameter that picks this one, with its name and description as the editor shows them.
	 */
	authentication?: { value: string; name: string; description: string };
}

export interface GatewayLimits {
	/** Recipients one send request may carry (documented). */
	maxRecipientsPerRequest: number;
	/** Rows one template request may carry (smsAdmin 点点通). */
	maxTemplateRowsPerRequest?: number;
	/** Characters one message may have, where the document gives a number. */
	maxMessageLength?: number;
	/** Minimum spacing between fetch-once calls, in ms. */
	fetchSpacingMs: number;
	/** Events one fetch call returns at most (documented page size). */
	fetchPageSize?: number;
	/** Can the gateway schedule sends? */
	supportsSchedule: boolean;
}

export interface GatewayDeclaration {
	id: GatewayId;
	/** The vendor's English name: the action node's display name. */
	name: string;
	/** The vendor's Chinese name, shown beside the English one and searchable in the node panel (where it has one). */
	chineseName?: string;
	/** The vendor's web site, e.g. `china-sms.com`. */
	site: string;
	/** Icon file base name under icons/ (a light `.svg` and a `.dark.svg`). */
	icon: string;
	/** Operations of the action node, in the order the editor lists them. */
	operations: Operation[];
	sendOptions: VendorSendOption[];
	/** Gateway-specific words for a send option's description (what the vendor calls it, its limits). */
	sendOptionNotes?: Partial<Record<VendorSendOption, string>>;
	/** The credential types, the first one the default. */
	credentials: CredentialChoice[];
	limits: GatewayLimits;
	/** The fetch-once endpoints a polling trigger drains, where the gateway has any. */
	polling?: {
		events: EventType[];
		/** One sentence on what a call hands out, e.g. "replies, one per call, at least 5 seconds apart". */
		note: string;
	};
	/** What the gateway pushes to a URL of ours, where it does. */
	push?: {
		events: EventType[];
		options: VendorPushOption[];
		/** How the vendor is told the URL (they register it by hand), for the log. */
		registration: string;
		/** The set-up notice the push trigger shows under its webhook URL. */
		setup: string;
		/** One phrase on how it pushes, e.g. "GET, GBK". */
		note: string;
	};
}

/** "China SMS (中国短信)", "18SMS (18sms.com)": the name errors and texts use. */
export function gatewayDisplayName(declaration: Pick<GatewayDeclaration, 'name' | 'chineseName' | 'site'>): string {
	return `${declaration.name} (${declaration.chineseName ?? declaration.site})`;
}
