/**
 * The simulator's web page (loopback only): every message each gateway accepted (sim.sent()), and
 * buttons to act as the recipient —
 * - Reply: queued for the gateway's fetch endpoint (chinaSms, smsAdmin, sms112088, sms10692) and,
 *   where the gateway pushes replies (chinaSms, smsAdmin, sms18) and a push URL is set, pushed
 *   there the way the vendor pushes (sim.push);
 * - Delivered / Failed: a delivery report, queued (smsAdmin, sms112088, sms10692) and pushed
 *   (smsAdmin, sms18) the same way;
 * - Drop the next answer: the gateway acts on its next send request, then the connection breaks
 *   before the answer (sim.fault dropAfterRead), so the sender cannot know whether it went out.
 * Each reply and report is listed beside the message it answers, with where it went.
 * Push URLs come from the options (the demo sets them to its n8n webhooks), one per kind of event
 * (the vendors register reply and report addresses separately), and can be changed on the page.
 * Plain HTML and JS: the page builds every row with textContent, so nothing a workflow sent is
 * ever read as HTML.
 *
 * API (JSON): GET /api/state, POST /api/reply {gateway, mobile, text, ref?}, POST /api/report
 * {gateway, mobile, messageId, delivered, ref?} (ref: the message's `ref` in the state, which the
 * reply or report is listed with), POST /api/push-url {gateway, kind?, url} (no kind:
 * every kind the gateway pushes), POST /api/drop-next {gateway}. GET /favicon.ico.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Simulator } from './index';
import { GATEWAY_IDS } from './index';
import type { GatewayId, SimReport } from './types';

export const PUSH_GATEWAYS = ['chinaSms', 'smsAdmin', 'sms18'] as const;
export type PushGateway = (typeof PUSH_GATEWAYS)[number];
export type EventKind = 'reply' | 'report';

/** What each pushing gateway pushes (each kind to its own registered address). */
export const PUSH_KINDS: Record<PushGateway, EventKind[]> = {
	chinaSms: ['reply'],
	smsAdmin: ['reply', 'report'],
	sms18: ['reply', 'report'],
};

const NAMES: Record<GatewayId, string> = {
	chinaSms: 'China SMS (中国短信)',
	smsAdmin: 'SMSAdmin (通用短信平台)',
	sms112088: '112088 Enterprise SMS (企业短信通)',
	sms18: '18SMS (18sms.com)',
	sms10692: 'SMS10692 (sms10692.com)',
};

const REPLY_QUEUE: GatewayId[] = ['chinaSms', 'smsAdmin', 'sms112088', 'sms10692'];
const REPORT_QUEUE: GatewayId[] = ['smsAdmin', 'sms112088', 'sms10692'];
/** Each vendor's own words for delivered / failed. */
const REPORT_STATUS: Record<GatewayId, [string, string]> = {
	chinaSms: ['', ''],
	smsAdmin: ['DELIVRD', 'UNDELIV'],
	sms112088: ['10', '20'],
	sms18: ['DELIVRD', 'UNDELIV'],
	sms10692: ['10', '20'],
};
/** A part of the path of every send request of the gateway (test/simulator/vendors/*). */
const SEND_PATH: Record<GatewayId, string> = {
	chinaSms: 'send.asp',
	smsAdmin: '_send',
	sms112088: '/sendsms',
	sms18: 'SendSM',
	sms10692: '/v2sms',
};
/** Replies and reports kept for the page (the oldest go first). */
const MAX_ACTIONS = 1000;

export type PushUrls = Partial<Record<PushGateway, string | Partial<Record<EventKind, string>>>>;

export interface SimulatorUiOptions {
	port?: number;
	host?: string;
	/** A URL per gateway (every kind it pushes) or per gateway and kind. */
	pushUrls?: PushUrls;
}

export interface SimulatorUi {
	url: string;
	/** Without `kind`: every kind the gateway pushes. */
	setPushUrl(gateway: PushGateway, url: string, kind?: EventKind): void;
	close(): Promise<void>;
}

type Pushed = { url: string; status: number; body: string } | { url: string; error: string } | null;

interface ActionResult {
	queued: boolean;
	pushed: Pushed;
}

/** A reply or report made on the page (or through the API), as the page lists it. */
interface Action extends ActionResult {
	gateway: GatewayId;
	mobile: string;
	kind: EventKind;
	/** The reply's text, or the report's vendor status. */
	text: string;
	delivered?: boolean;
	at: number;
	/** The message it answers (its `ref` on the page), when the page says. */
	ref?: string;
}

const isPushGateway = (g: string): g is PushGateway => (PUSH_GATEWAYS as readonly string[]).includes(g);

export async function startSimulatorUi(sim: Simulator, options: SimulatorUiOptions = {}): Promise<SimulatorUi> {
	const host = options.host ?? '127.0.0.1';
	if (!['127.0.0.1', '::1', 'localhost'].includes(host)) throw new Error('the simulator page listens on loopback only');
	const pushUrls: Record<PushGateway, Partial<Record<EventKind, string>>> = { chinaSms: {}, smsAdmin: {}, sms18: {} };
	const setPushUrl = (gateway: PushGateway, url: string | undefined, kind?: EventKind) => {
		for (const k of kind ? [kind] : PUSH_KINDS[gateway]) {
			if (!PUSH_KINDS[gateway].includes(k)) throw new Error(`${NAMES[gateway]} does not push ${k}s`);
			if (url) pushUrls[gateway][k] = url;
			else delete pushUrls[gateway][k];
		}
	};
	for (const g of PUSH_GATEWAYS) {
		const given = options.pushUrls?.[g];
		if (typeof given === 'string') setPushUrl(g, given);
		else for (const [k, url] of Object.entries(given ?? {})) setPushUrl(g, url, k as EventKind);
	}
	const actions: Action[] = [];
	const remember = (action: Action) => {
		actions.push(action);
		if (actions.length > MAX_ACTIONS) actions.shift();
	};

	async function pushTo(gateway: GatewayId, kind: EventKind, fields: Parameters<Simulator['push']>[2]): Promise<Pushed> {
		const url = isPushGateway(gateway) ? pushUrls[gateway][kind] : undefined;
		if (!url) return null;
		try {
			return { url, ...(await sim.push(gateway, kind, fields, { url })) };
		} catch (error) {
			return { url, error: (error as Error).message };
		}
	}

	async function reply(body: Record<string, unknown>): Promise<ActionResult> {
		const gateway = checkGateway(body.gateway);
		const mobile = checkText(body.mobile, 'mobile', 20);
		const text = checkText(body.text, 'text', 500);
		const queued = REPLY_QUEUE.includes(gateway);
		const pushes = isPushGateway(gateway) && PUSH_KINDS[gateway].includes('reply');
		if (!queued && (!pushes || !pushUrls[gateway as PushGateway].reply)) {
			throw new Error(`${NAMES[gateway]} has no reply queue: set its push URL for replies to send replies`);
		}
		if (queued) sim.queueReply(gateway, { mobile, text });
		const pushed = await pushTo(gateway, 'reply', { mobile, text });
		remember({ gateway, mobile, kind: 'reply', text, at: Date.now(), queued, pushed, ref: checkRef(body.ref) });
		return { queued, pushed };
	}

	async function report(body: Record<string, unknown>): Promise<ActionResult> {
		const gateway = checkGateway(body.gateway);
		const mobile = checkText(body.mobile, 'mobile', 20);
		const messageId = checkText(body.messageId ?? '', 'messageId', 64, true);
		const delivered = body.delivered !== false;
		const vendorStatus = REPORT_STATUS[gateway][delivered ? 0 : 1];
		if (!vendorStatus) throw new Error(`${NAMES[gateway]} has no delivery reports`);
		const queued = REPORT_QUEUE.includes(gateway);
		if (!queued && (!isPushGateway(gateway) || !pushUrls[gateway].report)) {
			throw new Error(`${NAMES[gateway]} only pushes reports: set its push URL for reports first`);
		}
		const event: SimReport = { mobile, vendorStatus, ...(messageId ? { messageId, linkId: gateway === 'smsAdmin' ? messageId : undefined } : {}) };
		if (queued) sim.queueReport(gateway, event);
		const pushed = await pushTo(gateway, 'report', event);
		remember({ gateway, mobile, kind: 'report', text: vendorStatus, delivered, at: Date.now(), queued, pushed, ref: checkRef(body.ref) });
		return { queued, pushed };
	}

	function dropNext(body: Record<string, unknown>): { armed: true } {
		const gateway = checkGateway(body.gateway);
		sim.fault(gateway, { type: 'dropAfterRead', path: SEND_PATH[gateway] });
		return { armed: true };
	}

	function state(): unknown {
		return {
			gateways: GATEWAY_IDS.map((id) => {
				const sent = sim.sent(id);
				const refs = sent.map((m, i) => messageRef(m.at, i));
				// Each reply or report goes with the message it was made on, else with the latest
				// message to its number sent before it.
				const owner = (a: Action) => {
					if (a.ref && refs.includes(a.ref)) return refs.indexOf(a.ref);
					let found = -1;
					sent.forEach((m, i) => {
						if (m.mobile === a.mobile && m.at <= a.at) found = i;
					});
					return found;
				};
				const mine = actions.filter((a) => a.gateway === id).map((a) => ({ a, owner: owner(a) }));
				const shown = (a: Action) => ({ kind: a.kind, text: a.text, delivered: a.delivered ?? null, at: a.at, queued: a.queued, pushed: a.pushed });
				return {
					id,
					name: NAMES[id],
					replyQueue: REPLY_QUEUE.includes(id),
					reports: REPORT_STATUS[id][0] !== '',
					pushes: isPushGateway(id) ? PUSH_KINDS[id].map((kind) => ({ kind, url: pushUrls[id][kind] ?? '' })) : [],
					pending: sim.pending(id),
					messages: sent.map((m, i) => ({
						ref: refs[i],
						mobile: m.mobile,
						message: m.message,
						messageId: m.messageId,
						linkId: m.linkId,
						at: m.at,
						events: mine.filter((x) => x.owner === i).map((x) => shown(x.a)),
					})),
					/** Replies and reports to numbers this gateway sent nothing to (made through the API). */
					unmatched: mine.filter((x) => x.owner === -1).map((x) => ({ mobile: x.a.mobile, ...shown(x.a) })),
				};
			}),
		};
	}

	const server = http.createServer((req, res) => {
		const send = (status: number, type: string, body: string | Buffer) => {
			res.writeHead(status, {
				'content-type': Buffer.isBuffer(body) ? type : `${type}; charset=utf-8`,
				'cache-control': 'no-store',
				'x-content-type-options': 'nosniff',
			});
			res.end(body);
		};
		const json = (status: number, body: unknown) => send(status, 'application/json', JSON.stringify(body));
		const path = new URL(req.url ?? '/', 'http://ui').pathname;
		if (req.method === 'GET' && path === '/') return send(200, 'text/html', PAGE);
		if (req.method === 'GET' && path === '/favicon.ico') return send(200, 'image/x-icon', FAVICON);
		if (req.method === 'GET' && path === '/api/state') return json(200, state());
		if (req.method !== 'POST' || !['/api/reply', '/api/report', '/api/push-url', '/api/drop-next'].includes(path)) return json(404, { error: 'not found' });
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			void (async () => {
				try {
					const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
					if (path === '/api/reply') return json(200, await reply(body));
					if (path === '/api/report') return json(200, await report(body));
					if (path === '/api/drop-next') return json(200, dropNext(body));
					const gateway = checkGateway(body.gateway);
					if (!isPushGateway(gateway)) throw new Error(`${NAMES[gateway]} does not push`);
					const kind = body.kind === undefined ? undefined : checkKind(body.kind);
					const url = checkText(body.url ?? '', 'url', 500, true);
					if (url && !/^https?:\/\//.test(url)) throw new Error('the push URL must start with http:// or https://');
					setPushUrl(gateway, url || undefined, kind);
					return json(200, { pushUrl: url });
				} catch (error) {
					return json(400, { error: (error as Error).message });
				}
			})();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(options.port ?? 0, host, () => resolve());
	});
	return {
		url: `http://${host}:${(server.address() as AddressInfo).port}/`,
		setPushUrl: (gateway, url, kind) => setPushUrl(gateway, url, kind),
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

function checkGateway(value: unknown): GatewayId {
	if (typeof value !== 'string' || !(GATEWAY_IDS as string[]).includes(value)) throw new Error(`unknown gateway ${JSON.stringify(value)}`);
	return value as GatewayId;
}

/** A message's reference on the page: when it was sent and its place in the gateway's list. */
function messageRef(at: number, index: number): string {
	return `${at}-${index}`;
}

function checkRef(value: unknown): string | undefined {
	return typeof value === 'string' && /^\d{1,15}-\d{1,9}$/.test(value) ? value : undefined;
}

function checkKind(value: unknown): EventKind {
	if (value !== 'reply' && value !== 'report') throw new Error(`unknown kind ${JSON.stringify(value)} (reply or report)`);
	return value;
}

function checkText(value: unknown, name: string, max: number, mayBeEmpty = false): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text && !mayBeEmpty) throw new Error(`${name} is empty`);
	if ([...text].length > max) throw new Error(`${name} is longer than ${max} characters`);
	return text;
}

/**
 * A 16×16 icon in the .ico format (one 32-bit image): a speech bubble on a blue square, drawn
 * here so the page needs no file.
 */
function icon(): Buffer {
	const size = 16;
	const pixels = Buffer.alloc(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			const corner = (x < 1 || x > 14) && (y < 1 || y > 14);
			const bubble = (y >= 3 && y <= 9 && x >= 3 && x <= 12) || (y >= 10 && y <= 12 && x >= 4 && x <= 4 + (12 - y));
			const [r, g, b, a] = corner ? [0, 0, 0, 0] : bubble ? [255, 255, 255, 255] : [37, 99, 235, 255];
			// Rows bottom-up, BGRA.
			pixels.set([b, g, r, a], ((size - 1 - y) * size + x) * 4);
		}
	}
	const mask = Buffer.alloc(size * 4); // AND mask, 32-bit rows: all zero (alpha decides)
	const header = Buffer.alloc(40);
	header.writeUInt32LE(40, 0);
	header.writeInt32LE(size, 4);
	header.writeInt32LE(size * 2, 8); // image and mask
	header.writeUInt16LE(1, 12);
	header.writeUInt16LE(32, 14);
	header.writeUInt32LE(pixels.length + mask.length, 20);
	const image = Buffer.concat([header, pixels, mask]);
	const dir = Buffer.alloc(22);
	dir.writeUInt16LE(0, 0);
	dir.writeUInt16LE(1, 2); // icon
	dir.writeUInt16LE(1, 4); // one image
	dir.writeUInt8(size, 6);
	dir.writeUInt8(size, 7);
	dir.writeUInt16LE(1, 10); // planes
	dir.writeUInt16LE(32, 12); // bits per pixel
	dir.writeUInt32LE(image.length, 14);
	dir.writeUInt32LE(22, 18);
	return Buffer.concat([dir, image]);
}

export const FAVICON = icon();

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CN SMS gateway simulator</title>
<link rel="icon" href="/favicon.ico">
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } .muted { color: #777; } .msg { white-space: pre-wrap; max-width: 28rem; }
.events { list-style: none; margin: 0; padding: 0; } .events li { white-space: pre-wrap; max-width: 24rem; }
.events .where { color: #777; font-size: .9em; }
input[type=text] { width: 14rem; } input.push-url { width: 32rem; } button { margin-left: .25rem; }
.push-kind { display: inline-block; min-width: 9rem; } td.nowrap { white-space: nowrap; }
#status { position: sticky; top: 0; background: #fffbe6; padding: .4rem .6rem; border: 1px solid #e8d98a; }
#status:empty { display: none; }
</style>
</head>
<body>
<h1>CN SMS gateway simulator</h1>
<p class="muted">Messages the five simulated gateways accepted. Answer one as the recipient: a reply or delivery report waits for the
gateway's fetch (polling triggers, Fetch Replies / Fetch Delivery Reports) and is pushed to the push URL where the gateway pushes (push triggers).
"Drop the next answer" makes the gateway act on its next send and then break the connection before answering, so n8n cannot know whether that message went out.</p>
<div id="status" role="status"></div>
<div id="gateways"></div>
<script>
(function () {
  'use strict';
  var root = document.getElementById('gateways');
  var statusLine = document.getElementById('status');
  var drafts = {};
  var KIND_NAMES = { reply: 'Replies', report: 'Reports' };

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === 'text') node.textContent = attrs[k];
      else if (k === 'onclick') node.addEventListener('click', attrs[k]);
      else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(c); });
    return node;
  }

  function say(text) { statusLine.textContent = text; }

  function post(path, body) {
    return fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      .then(function (res) { return res.json().then(function (data) { if (!res.ok) throw new Error(data.error || res.status); return data; }); });
  }

  function describe(result, what) {
    var parts = [];
    if (result.queued) parts.push(what + ' queued for the next fetch');
    if (result.pushed && result.pushed.error) parts.push('push to ' + result.pushed.url + ' failed: ' + result.pushed.error);
    else if (result.pushed) parts.push('pushed to ' + result.pushed.url + ' → HTTP ' + result.pushed.status + (result.pushed.body ? ' "' + result.pushed.body.slice(0, 60) + '"' : ''));
    return parts.join('; ') || 'nothing to do';
  }

  function act(path, body, what) {
    say('…');
    post(path, body).then(function (r) { say(describe(r, what)); refresh(); }, function (e) { say('Failed: ' + e.message); });
  }

  function time(at) { return new Date(at).toLocaleTimeString(); }

  function count(n, one, many) { return n + ' ' + (n === 1 ? one : many); }

  function eventItem(e) {
    var what = e.kind === 'reply' ? 'Reply: ' + e.text : (e.delivered ? 'Delivered' : 'Failed') + ' (report ' + e.text + ')';
    return el('li', { 'data-testid': 'event' }, [
      el('span', { text: time(e.at) + ' ' + what }),
      el('div', { class: 'where', text: describe(e, e.kind === 'reply' ? 'reply' : 'report') }),
    ]);
  }

  function messageRow(g, m, index) {
    var key = g.id + ':' + index;
    var input = el('input', { type: 'text', placeholder: 'Reply text', 'data-testid': 'reply-text', 'aria-label': 'Reply to ' + m.mobile });
    input.value = drafts[key] || '';
    input.addEventListener('input', function () { drafts[key] = input.value; });
    var actions = [input, el('button', { type: 'button', text: 'Reply', 'data-testid': 'reply', onclick: function () {
      var text = input.value.trim();
      if (!text) { say('Type the reply text first.'); return; }
      delete drafts[key];
      act('/api/reply', { gateway: g.id, mobile: m.mobile, text: text, ref: m.ref }, 'reply');
    } })];
    if (g.reports) {
      [true, false].forEach(function (delivered) {
        actions.push(el('button', { type: 'button', text: delivered ? 'Delivered' : 'Failed', 'data-testid': delivered ? 'delivered' : 'failed', onclick: function () {
          act('/api/report', { gateway: g.id, mobile: m.mobile, messageId: m.linkId || m.messageId, delivered: delivered, ref: m.ref }, 'delivery report');
        } }));
      });
    }
    return el('tr', { 'data-gateway': g.id }, [
      el('td', { class: 'nowrap', text: time(m.at) }),
      el('td', { text: m.mobile }),
      el('td', { class: 'msg', text: m.message }),
      el('td', { text: m.messageId || '' }),
      el('td', { class: 'nowrap' }, actions),
      el('td', { 'data-testid': 'events' }, [el('ul', { class: 'events' }, m.events.map(eventItem))]),
    ]);
  }

  function pushRows(g) {
    if (g.pushes.length === 0) return [el('p', { class: 'muted', text: 'Pushes nothing: replies and reports wait for the fetch.' })];
    return g.pushes.map(function (p) {
      var key = 'push:' + g.id + ':' + p.kind;
      var input = el('input', { type: 'text', class: 'push-url', placeholder: 'http://127.0.0.1:5678/webhook/…', 'aria-label': KIND_NAMES[p.kind] + ' push URL of ' + g.name });
      input.value = drafts[key] !== undefined ? drafts[key] : p.url;
      input.addEventListener('input', function () { drafts[key] = input.value; });
      return el('p', {}, [el('span', { class: 'push-kind', text: KIND_NAMES[p.kind] + ' pushed to: ' }), input, el('button', { type: 'button', text: 'Save', onclick: function () {
        delete drafts[key];
        post('/api/push-url', { gateway: g.id, kind: p.kind, url: input.value }).then(function () { say(KIND_NAMES[p.kind] + ' push URL of ' + g.name + ' saved.'); refresh(); }, function (e) { say('Failed: ' + e.message); });
      } })]);
    });
  }

  function dropButton(g) {
    return el('button', { type: 'button', text: 'Drop the next answer', 'data-testid': 'drop-next', title: 'The gateway carries out its next send, then the connection breaks before the answer', onclick: function () {
      post('/api/drop-next', { gateway: g.id }).then(function () {
        say(g.name + ': the next send is carried out, then the connection breaks before the answer.');
      }, function (e) { say('Failed: ' + e.message); });
    } });
  }

  function render(state) {
    var focused = document.activeElement && document.activeElement.tagName === 'INPUT';
    if (focused) return;
    root.textContent = '';
    state.gateways.forEach(function (g) {
      var section = el('section', { id: 'gateway-' + g.id }, [el('h2', { text: g.name })].concat(pushRows(g), [
        el('p', {}, [el('span', { class: 'muted', text: 'Waiting for a fetch: ' + count(g.pending.replies, 'reply', 'replies') + ', ' + count(g.pending.reports, 'report', 'reports') + '. ' }), dropButton(g)]),
      ]));
      if (g.messages.length === 0) section.appendChild(el('p', { class: 'muted', text: 'No messages yet.' }));
      else {
        var head = el('tr', {}, ['Time', 'To', 'Message', 'Message ID', '', 'Replies and reports'].map(function (h) { return el('th', { text: h }); }));
        var rows = g.messages.map(function (m, i) { return messageRow(g, m, i); }).reverse();
        section.appendChild(el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]));
      }
      if (g.unmatched.length) {
        section.appendChild(el('p', { class: 'muted', text: 'Replies and reports from numbers this gateway sent nothing to:' }));
        section.appendChild(el('ul', { class: 'events' }, g.unmatched.map(function (e) {
          var item = eventItem(e);
          item.insertBefore(el('span', { text: e.mobile + ' ' }), item.firstChild);
          return item;
        })));
      }
      root.appendChild(section);
    });
  }

  function refresh() {
    return fetch('/api/state').then(function (r) { return r.json(); }).then(render, function () { say('The simulator is not reachable.'); });
  }
  refresh();
  setInterval(refresh, 2000);
})();
</script>
</body>
</html>
`;
