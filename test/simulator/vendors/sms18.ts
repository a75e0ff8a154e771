/**
 * 18SMS (send.18sms.com), seed 003: POST (or GET, as the document's examples) to
 * /msg/HttpBatchSendSM and /msg/QueryBalance, UTF-8 parameters, plain-text answers
 * `resptime,status` then one value per line (\n). Status reports and inbound messages are pushed
 * as GET URLs with UTF-8 query parameters; `receiver`/`pswd` are included when configured.
 *
 * How a test triggers each documented code (send unless noted):
 *   101 an account other than SIM_ACCOUNTS.sms18.account (send and balance)
 *   102 a wrong pswd (send and balance)
 *   103 send: failNext('send', 103); balance: configure({ balanceIntervalMs }) and query twice
 *   105 a message containing a sensitive word (default "敏感词"; configure({ sensitiveWords }))
 *   106 an empty message or one over 536 characters
 *   107 a number that is no mainland mobile (1 + 10 digits)
 *   108 no numbers, more than 50000, or fewer than configure({ minRecipients })
 *   109 more messages (numbers × parts) than the product's quota (configure({ products }))
 *   112 a product id the account has not ordered (ordered: 1234567, 1234531 as in the document)
 *   113 an extno that is not digits, or longer than 10 digits (the length limit is our assumption)
 *   104, 110, 111, 115–120 and any other code: failNext('send' | 'balance', code)
 * The clock used for `resptime` and the balance interval can be fixed with configure({ clock }).
 */
import { formatChinaTime } from '../../../nodes/gateways/kit/chinaTime';
import { countSegments, messageLength } from '../../../nodes/gateways/kit/segments';
import type { PushRequestSpec, QueuedEvent, SentMessage, SimReply, SimReport, SimRequest, SimResponse, VendorContext, VendorModule } from '../types';

export const SMS18_SEND_PATH = '/msg/HttpBatchSendSM';
export const SMS18_BALANCE_PATH = '/msg/QueryBalance';
/** The first msgid the simulator gives: the document's example. */
export const SMS18_FIRST_MSGID = 1234567890100;

export interface Sms18SimOptions {
	clock: (() => Date) | null;
	/** Products the account ordered, in order, and their quotas (messages); the first is the default. */
	products: Array<[string, number]>;
	minRecipients: number;
	/** Minimum gap between balance queries (0: no limit); closer queries answer 103. */
	balanceIntervalMs: number;
	sensitiveWords: string[];
	/** The receiver/pswd pair pushes carry (null: none configured, the parameters are left out). */
	push: { receiver: string; pswd: string } | null;
}

export interface Sms18Sim extends VendorModule {
	configure(options: Partial<Sms18SimOptions>): void;
	/** The next request to that endpoint answers this status instead of being handled. */
	failNext(endpoint: 'send' | 'balance', code: number): void;
}

const defaults = (): Sms18SimOptions => ({
	clock: null,
	products: [
		['1234567', 1000],
		['1234531', 2000],
	],
	minRecipients: 1,
	balanceIntervalMs: 0,
	sensitiveWords: ['敏感词'],
	push: null,
});

/** `2012-08-21 22:05:00` (China time) → `1208212205` (YYMMDDhhmm, seed 003). */
function yyMMddHHmm(chinaTime: string): string {
	const digits = chinaTime.replace(/\D/g, '');
	return digits.length >= 12 ? digits.slice(2, 12) : digits;
}

export function createSms18(account: Record<string, string>): Sms18Sim {
	let options = defaults();
	let sentMessages: SentMessage[] = [];
	let failures: Array<{ endpoint: 'send' | 'balance'; code: number }> = [];
	let nextMsgid = SMS18_FIRST_MSGID;
	let lastBalanceQuery: number | null = null;
	const lastMsgidOf = new Map<string, string>();

	function takeFailure(endpoint: 'send' | 'balance'): number | null {
		const i = failures.findIndex((f) => f.endpoint === endpoint);
		return i < 0 ? null : failures.splice(i, 1)[0].code;
	}

	function handle(req: SimRequest, ctx: VendorContext): SimResponse {
		const now = options.clock?.() ?? ctx.now();
		const head = (status: number) => `${formatChinaTime(now, 'yyyyMMddHHmmss')},${status}`;
		if (req.path !== SMS18_SEND_PATH && req.path !== SMS18_BALANCE_PATH) return { status: 404, body: 'Not Found' };
		if (req.get('account') !== account.account) return { body: head(101) };
		if (req.get('pswd') !== account.password) return { body: head(102) };

		if (req.path === SMS18_BALANCE_PATH) {
			const failure = takeFailure('balance');
			if (failure !== null) return { body: head(failure) };
			const tooFast = options.balanceIntervalMs > 0 && lastBalanceQuery !== null && now.getTime() - lastBalanceQuery < options.balanceIntervalMs;
			lastBalanceQuery = now.getTime();
			if (tooFast) return { body: head(103) };
			return { body: [head(0), ...options.products.map(([id, quota]) => `${id},${quota}`)].join('\n') };
		}

		const failure = takeFailure('send');
		if (failure !== null) return { body: head(failure) };
		const msg = req.get('msg') ?? '';
		const mobiles = (req.get('mobile') ?? '').split(',').filter((m) => m.length > 0);
		const extno = req.get('extno') ?? '';
		const product = options.products.find(([id]) => id === (req.get('product') || options.products[0]?.[0]));
		if (messageLength(msg) === 0 || messageLength(msg) > 536) return { body: head(106) };
		if (mobiles.length === 0 || mobiles.length > 50_000 || mobiles.length < options.minRecipients) return { body: head(108) };
		if (mobiles.some((m) => !/^1\d{10}$/.test(m))) return { body: head(107) };
		if (extno && !/^\d{1,10}$/.test(extno)) return { body: head(113) };
		if (!product) return { body: head(112) };
		if (options.sensitiveWords.some((w) => msg.includes(w))) return { body: head(105) };
		const cost = mobiles.length * countSegments(msg);
		if (cost > product[1]) return { body: head(109) };
		product[1] -= cost;

		const msgid = String(nextMsgid++);
		const needStatus = req.get('needstatus') === 'true';
		for (const mobile of mobiles) {
			lastMsgidOf.set(mobile, msgid);
			sentMessages.push({
				gateway: 'sms18',
				mobile,
				message: msg,
				messageId: msgid,
				sendAt: null,
				extno: extno || null,
				linkId: null,
				product: req.get('product') || null,
				at: now.getTime(),
			});
		}
		// seed 003: the msgid line only with status 0 and needstatus=true.
		return { body: needStatus ? `${head(0)}\n${msgid}` : head(0) };
	}

	function pushRequest(kind: 'reply' | 'report', event: QueuedEvent): PushRequestSpec {
		const now = formatChinaTime(options.clock?.() ?? new Date(), 'yyyy-MM-dd HH:mm:ss');
		const params: Array<[string, string]> = options.push
			? [
					['receiver', options.push.receiver],
					['pswd', options.push.pswd],
				]
			: [];
		if (kind === 'report') {
			const report = event as SimReport;
			params.push(
				['msgid', report.messageId ?? lastMsgidOf.get(report.mobile) ?? String(nextMsgid++)],
				['reportTime', yyMMddHHmm(report.reportedAt ?? now)],
				['mobile', report.mobile],
				['status', report.vendorStatus ?? 'DELIVRD'],
			);
		} else {
			const reply = event as SimReply;
			params.push(
				['moTime', yyMMddHHmm(reply.receivedAt ?? now)],
				['destcode', reply.destination ?? `1065751600001${reply.extno ?? ''}`],
				['mobile', reply.mobile],
				['msg', reply.text],
			);
			// seed 003 短信接收: isems=1 and emshead `id,total,part` for a part of a long message.
			if (reply.emshead) params.push(['isems', '1'], ['emshead', reply.emshead]);
		}
		return { method: 'GET', params, charset: 'utf8', in: 'query' };
	}

	return {
		id: 'sms18',
		requestCharset: () => 'utf8',
		responseCharset: () => 'utf8',
		handle,
		pushRequest,
		sent: () => [...sentMessages],
		pending: () => ({ replies: 0, reports: 0 }),
		configure: (changes) => {
			options = { ...options, ...changes, ...(changes.products ? { products: changes.products.map(([id, quota]) => [id, quota]) } : {}) };
		},
		failNext: (endpoint, code) => {
			failures.push({ endpoint, code });
		},
		reset: () => {
			options = defaults();
			sentMessages = [];
			failures = [];
			nextMsgid = SMS18_FIRST_MSGID;
			lastBalanceQuery = null;
			lastMsgidOf.clear();
		},
	};
}
