/**
 * 18SMS (18sms.com), seed 003. Plain account/pswd, UTF-8 form posts, plain-text answers of the
 * form `resptime,status` then one value per line. No scheduling and no fetch endpoints: reports
 * and inbound messages are pushed to the user's URL (parsed in sms18.push.ts).
 */
import { GatewayError, InputError, unexpectedResponse } from '../kit/errors';
import { messageLength } from '../kit/segments';
import { defineAdapter } from '../kit/adapter';
import { gatewayDisplayName } from '../kit/declaration';
import { sms18Declaration } from './declaration';
import type { TransportResponse } from '../kit/transport';
import type { GatewayContext } from '../kit/adapter';
import type { BalanceResult, SendOutcome, SendRequest } from '../kit/model';
import { text } from '../kit/credentialValues';
import {
	SMS18_BALANCE_ERRORS,
	SMS18_SEND_ERRORS,
	type Sms18Code,
} from './errors';
import { sms18Push } from './push';

export const SMS18_DISPLAY_NAME = gatewayDisplayName(sms18Declaration);
export const SMS18_SEND_PATH = '/msg/HttpBatchSendSM';
export const SMS18_BALANCE_PATH = '/msg/QueryBalance';
const DEFAULT_BASE_URL = 'http://send.18sms.com';
const MAX_RECIPIENTS = 50_000; // seed 003: 108 = 群发>50000或<=0
const MAX_MESSAGE_LENGTH = 536; // seed 003: 106 = 消息长度错（>536或<=0）

function login(ctx: GatewayContext) {
	const c = ctx.credentials;
	return {
		account: text(c.account).trim(),
		password: text(c.password),
		baseUrl: text(c.baseUrl).trim() || DEFAULT_BASE_URL,
		product: text(c.product).trim(),
	};
}

interface PlainAnswer {
	resptime: string;
	status: string;
	/** The lines after the first, trimmed, empty ones removed. */
	rest: string[];
}

/** First line `resptime,respstatus` (seed 003 "格式说明"); lines end in \n, \r\n is accepted too. */
function parsePlainAnswer(response: TransportResponse, what: string): PlainAnswer {
	const lines = response.text
		.replace(/^\uFEFF/, '')
		.split('\n')
		.map((line) => line.trim())
		.filter((line) => line.length > 0);
	const head = /^(\d{8,14}),(-?\d{1,5})$/.exec(lines[0] ?? '');
	if (!head) throw unexpectedResponse(SMS18_DISPLAY_NAME, what, response.text, [], response.charsetMismatch);
	return { resptime: head[1], status: head[2], rest: lines.slice(1) };
}

function refusal(table: Record<string, Sms18Code>, answer: PlainAnswer): GatewayError {
	const known = table[answer.status];
	if (known) return new GatewayError(SMS18_DISPLAY_NAME, answer.status, known.reason, known.vendorText);
	return new GatewayError(
		SMS18_DISPLAY_NAME,
		answer.status,
		'the gateway refused the request with an undocumented status',
		`${answer.resptime},${answer.status}`,
	);
}

function sendProblems(request: Omit<SendRequest, 'recipients'>): string[] {
	const problems: string[] = [];
	if (request.extno && !/^\d+$/.test(request.extno)) {
		problems.push(`extno "${request.extno}" must be digits only (18SMS answers 113 otherwise)`);
	}
	return problems;
}

async function send(ctx: GatewayContext, request: SendRequest): Promise<SendOutcome> {
	const name = SMS18_DISPLAY_NAME;
	if (request.sendAt) throw new InputError(`${name} cannot schedule messages: remove "sendAt" to send now`);
	const problems = sendProblems(request);
	if (problems.length) throw new InputError(`${name}: ${problems.join('; ')}`);
	if (request.recipients.length < 1 || request.recipients.length > MAX_RECIPIENTS) {
		throw new InputError(`${name} takes 1 to ${MAX_RECIPIENTS} numbers per request, not ${request.recipients.length}`);
	}
	const length = messageLength(request.message);
	if (length < 1 || length > MAX_MESSAGE_LENGTH) {
		throw new InputError(`${name} takes messages of 1 to ${MAX_MESSAGE_LENGTH} characters, not ${length}`);
	}
	const { account, password, baseUrl, product: defaultProduct } = login(ctx);
	const needStatus = request.statusReport !== false;
	const product = (request.product ?? '').trim() || defaultProduct;
	const form: Array<[string, string]> = [
		['account', account],
		['pswd', password],
		['mobile', request.recipients.join(',')],
		['msg', request.message],
		['needstatus', needStatus ? 'true' : 'false'],
	];
	// seed 003 §参数定义: product is optional; an empty one would be read as a product id.
	if (product) form.push(['product', product]);
	form.push(['extno', request.extno ?? '']);

	const response = await ctx.transport.request({
		method: 'POST',
		baseUrl,
		path: SMS18_SEND_PATH,
		form,
		charset: 'utf8',
		secrets: [password],
	});
	const answer = parsePlainAnswer(response, 'send');
	if (answer.status !== '0') throw refusal(SMS18_SEND_ERRORS, answer);
	// One msgid per request whatever the number count, and only with needstatus=true (seed 003).
	if (answer.rest.length > 1 || (answer.rest[0] !== undefined && !/^[\w-]+$/.test(answer.rest[0]))) {
		throw unexpectedResponse(name, 'send', response.text, [], response.charsetMismatch);
	}
	const msgid = answer.rest[0] ?? null;
	return {
		recipients: request.recipients.map((recipient) => ({ recipient, success: true, messageId: msgid })),
		messageIds: msgid ? [msgid] : [],
		raw: { resptime: answer.resptime, respstatus: answer.status, msgid },
	};
}

async function getBalance(ctx: GatewayContext): Promise<BalanceResult> {
	const { account, password, baseUrl } = login(ctx);
	// The document shows a GET URL; a form post keeps the password out of URLs and server logs.
	const response = await ctx.transport.request({
		method: 'POST',
		baseUrl,
		path: SMS18_BALANCE_PATH,
		form: [
			['account', account],
			['pswd', password],
		],
		charset: 'utf8',
		secrets: [password],
		retryOnConnectError: true,
	});
	const answer = parsePlainAnswer(response, 'the balance query');
	if (answer.status !== '0') throw refusal(SMS18_BALANCE_ERRORS, answer);
	// seed 003 额度查询: from the second line on, one `productId,balance` per product.
	const products = answer.rest.map((line) => {
		const m = /^([^,\s]+),(-?\d+(?:\.\d+)?)$/.exec(line);
		if (!m) throw unexpectedResponse(SMS18_DISPLAY_NAME, 'the balance query', response.text, [], response.charsetMismatch);
		return { product: m[1], balance: m[2] };
	});
	return {
		balance: products.reduce((sum, p) => sum + Number(p.balance), 0),
		unit: 'messages',
		products: products.map((p) => ({ product: p.product, balance: Number(p.balance) })),
		raw: { resptime: answer.resptime, respstatus: answer.status, products },
	};
}

export const sms18 = defineAdapter(sms18Declaration, {
	push: sms18Push,
	charset: () => 'utf8',
	sendProblems,
	send,
	getBalance,
});
