/**
 * One push arriving at the node's webhook: check where it came from, read it from the raw bytes,
 * answer the way the gateway expects (written here, so n8n adds nothing), and hand the events on.
 */
import type { IDataObject, INodeExecutionData, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { PushAnswer, PushHandler, PushOutcome, PushSettings } from '../../gateways/push/push';
import { isAllowed, parseAllowList, sourceAddress } from '../../gateways/push/sourceAddress';
import type { GatewayAdapter } from '../../gateways/kit/adapter';
import type { GatewayId } from '../../gateways/kit/declaration';
import type { Charset } from '../../gateways/kit/model';
import { eventToJson } from '../items';
import { pushTriggerName } from '../nodeNames';
import type { NodeSeams } from '../session';
import { joinPushedEvents } from '../../gateways/push/longMessages';
import type { EmittedEvent } from '../../gateways/push/longMessages';

/** How long the parts of a long sms18 message are awaited by default, in seconds. */
export const DEFAULT_LONG_MESSAGE_WAIT_SECONDS = 600;

/** The node's `options` collection. */
export interface PushOptions {
	allowedAddresses?: string;
	charset?: Charset;
	longMessageWait?: number;
	longMessages?: 'join' | 'parts';
	proxyHops?: number;
	receiver?: string;
	password?: string;
	userId?: string;
}

/** What the node reads of n8n's (Express) request. */
interface PushHttpRequest {
	method?: string;
	url?: string;
	originalUrl?: string;
	headers: Record<string, string | string[] | undefined>;
	/** The body byte for byte, kept by n8n when it parsed the body (or once readRawBody ran). */
	rawBody?: Buffer;
	/** n8n's reader of the body's bytes into `rawBody`, for a body it left unparsed. */
	readRawBody?: () => Promise<void>;
	socket?: { remoteAddress?: string };
}

/**
 * A push carries one reply or report: a few hundred bytes, a few KB for a long message. Anything
 * far larger is not a push (n8n itself lets up to 16 MB through): refused before it is decoded.
 */
export const MAX_PUSH_BYTES = 64 * 1024;
/** The methods the node's webhooks are registered for; n8n routes no other, this is a second line. */
const PUSH_METHODS = ['GET', 'POST'];

/** What the node writes to n8n's (Express) response. */
interface PushHttpResponse {
	headersSent?: boolean;
	writeHead(status: number, headers: Record<string, string | number>): unknown;
	end(body: string): unknown;
}

function respond(res: PushHttpResponse, answer: PushAnswer): void {
	res.writeHead(answer.status, {
		'Content-Type': answer.contentType,
		'Content-Length': Buffer.byteLength(answer.body),
	});
	res.end(answer.body);
}

function rawQueryOf(req: PushHttpRequest): string {
	const url = req.originalUrl ?? req.url ?? '';
	const q = url.indexOf('?');
	return q < 0 ? '' : url.slice(q + 1).replace(/#.*$/s, '');
}

function settingsFrom(options: PushOptions): PushSettings {
	return {
		charset: options.charset,
		userId: options.userId || undefined,
		receiver: options.receiver || undefined,
		password: options.password || undefined,
	};
}

function toItem(gateway: GatewayId, emitted: EmittedEvent): INodeExecutionData {
	const json = eventToJson(gateway, emitted.event);
	if (emitted.longMessage) {
		const { raw } = json;
		delete json.raw;
		json.incomplete = emitted.incomplete === true;
		json.longMessage = emitted.longMessage as unknown as IDataObject;
		json.raw = raw;
	}
	return { json };
}

/** The `webhook` of a gateway's push trigger: its shell hands in the adapter and the seams. */
export function webhookFor(adapter: GatewayAdapter, seams: NodeSeams): (this: IWebhookFunctions) => Promise<IWebhookResponseData> {
	return async function (this: IWebhookFunctions) {
		return await receivePush.call(this, adapter, seams);
	};
}

export async function receivePush(this: IWebhookFunctions, adapter: GatewayAdapter, seams: NodeSeams = {}): Promise<IWebhookResponseData> {
	const nodeName = pushTriggerName(adapter.declaration).displayName;
	const res = this.getResponseObject() as unknown as PushHttpResponse;
	const handler = adapter.push!;
	const name = adapter.displayName;
	try {
		const req = this.getRequestObject() as unknown as PushHttpRequest;
		// The node asks n8n to leave the body unparsed (description.ts, `binaryData`): read it here.
		if (!Buffer.isBuffer(req.rawBody) && typeof req.readRawBody === 'function') await req.readRawBody();
		return handlePush.call(this, adapter.id, handler, name, nodeName, res, (seams.now ?? (() => new Date()))().getTime());
	} catch (error) {
		// Never let a push crash the webhook: log it and tell the gateway it failed.
		this.logger.error(`${nodeName}: could not handle a ${name} push: ${(error as Error).message}`);
		if (!res.headersSent) respond(res, { ...handler.answer('malformed'), status: 500 });
		return { noWebhookResponse: true };
	}
}

function handlePush(
	this: IWebhookFunctions,
	gateway: GatewayId,
	handler: PushHandler,
	name: string,
	nodeName: string,
	res: PushHttpResponse,
	nowMs: number,
): IWebhookResponseData {
	const req = this.getRequestObject() as unknown as PushHttpRequest;
	const options = this.getNodeParameter('options', {}) as PushOptions;
	const wanted = this.getNodeParameter('events', handler.kinds) as string[];

	const allow = parseAllowList(options.allowedAddresses);
	const source = sourceAddress(req.socket?.remoteAddress, req.headers['x-forwarded-for'], options.proxyHops ?? 0);
	if (allow.invalid.length > 0) {
		this.logger.error(
			`${nodeName}: refused a ${name} push: the allow-list holds entries that are no IP address or CIDR range (${allow.invalid.join(', ')})`,
		);
		return refuse(res, handler, 'forbidden');
	}
	if (allow.list && !isAllowed(allow.list, source)) {
		this.logger.warn(`${nodeName}: refused a ${name} push from ${source || 'an unknown address'}: not in the allow-list`);
		return refuse(res, handler, 'forbidden');
	}

	const method = (req.method ?? 'GET').toUpperCase();
	if (!PUSH_METHODS.includes(method)) {
		this.logger.warn(`${nodeName}: refused a ${name} push from ${source}: method ${method.slice(0, 10)} (expected GET or POST)`);
		respond(res, { ...handler.answer('malformed'), status: 405 });
		return { noWebhookResponse: true };
	}
	const size = (Buffer.isBuffer(req.rawBody) ? req.rawBody.length : 0) + rawQueryOf(req).length;
	if (size > MAX_PUSH_BYTES) {
		this.logger.warn(`${nodeName}: refused a ${name} push from ${source}: ${size} bytes, more than the ${MAX_PUSH_BYTES} a push can have`);
		respond(res, { ...handler.answer('malformed'), status: 413 });
		return { noWebhookResponse: true };
	}

	const outcome: PushOutcome = handler.parse(
		{
			method,
			rawQuery: rawQueryOf(req),
			body: Buffer.isBuffer(req.rawBody) ? req.rawBody : Buffer.alloc(0),
			contentType: (req.headers['content-type'] as string | undefined) ?? null,
		},
		settingsFrom(options),
	);
	if (outcome.status === 'forbidden') {
		this.logger.warn(`${nodeName}: refused a ${name} push from ${source}: ${outcome.reason}`);
		return refuse(res, handler, 'forbidden');
	}
	if (outcome.status === 'malformed') {
		this.logger.warn(`${nodeName}: a ${name} push from ${source} was not understood (answered 400): ${outcome.reason}`);
		return refuse(res, handler, 'malformed');
	}

	const selected = outcome.events.filter((e) => wanted.includes(e.event.type));
	const skipped = outcome.events.length - selected.length;
	if (skipped > 0) {
		this.logger.debug(`${nodeName}: acknowledged ${skipped} ${name} event(s) of a kind not selected in Events`);
	}
	// The editor's test webhook keeps no static data; with `parts` no part waits in it.
	const joinHere = this.getMode() !== 'manual' && (options.longMessages ?? 'join') === 'join';
	const waitSeconds = options.longMessageWait ?? DEFAULT_LONG_MESSAGE_WAIT_SECONDS;
	const emitted = joinPushedEvents(
		selected,
		joinHere ? this.getWorkflowStaticData('node') : null,
		nowMs,
		Math.max(0, waitSeconds) * 1000,
	);

	respond(res, handler.answer('accepted'));
	if (emitted.length === 0) return { noWebhookResponse: true };
	return { noWebhookResponse: true, workflowData: [emitted.map((e) => toItem(gateway, e))] };
}

function refuse(res: PushHttpResponse, handler: PushHandler, outcome: 'forbidden' | 'malformed'): IWebhookResponseData {
	respond(res, handler.answer(outcome));
	return { noWebhookResponse: true };
}
