/**
 * The simulator's web page (loopback only): every message each gateway accepted (sim.sent()), and
 * buttons to act as the recipient —
 * - Reply: queued for the gateway's fetch endpoint (chinaSms, smsAdmin, sms112088, sms10692) and,
 *   where the gateway pushes (chinaSms, smsAdmin, sms18) and a push URL is set, pushed there the
 *   way the vendor pushes (sim.push);
 * - Delivered / Failed: a delivery report, queued (smsAdmin, sms112088, sms10692) and pushed
 *   (smsAdmin, sms18) the same way.
 * Push URLs come from the options (the demo sets them to its n8n webhooks) and can be changed on
 * the page. Plain HTML and JS: the page builds every row with textContent, so nothing a workflow
 * sent is ever read as HTML.
 *
 * API (JSON): GET /api/state, POST /api/reply {gateway, mobile, text}, POST /api/report
 * {gateway, mobile, messageId, delivered}, POST /api/push-url {gateway, url}.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { Simulator } from './index';
import { GATEWAY_IDS } from './index';
import type { GatewayId, SimReport } from './types';

export const PUSH_GATEWAYS = ['chinaSms', 'smsAdmin', 'sms18'] as const;
export type PushGateway = (typeof PUSH_GATEWAYS)[number];

const NAMES: Record<GatewayId, string> = {
	chinaSms: 'China SMS (中国短信)',
	smsAdmin: 'SMSAdmin (通用短信平台)',
	sms112088: '112088 Enterprise SMS (企业短信通)',
	sms18: '18SMS (18sms.com)',
	sms10692: 'SMS10692 (sms10692.com)',
};

const REPLY_QUEUE: GatewayId[] = ['chinaSms', 'smsAdmin', 'sms112088', 'sms10692'];
const REPORT_QUEUE: GatewayId[] = ['smsAdmin', 'sms112088', 'sms10692'];
const REPORT_PUSH: GatewayId[] = ['smsAdmin', 'sms18'];
/** Each vendor's own words for delivered / failed. */
const REPORT_STATUS: Record<GatewayId, [string, string]> = {
	chinaSms: ['', ''],
	smsAdmin: ['DELIVRD', 'UNDELIV'],
	sms112088: ['10', '20'],
	sms18: ['DELIVRD', 'UNDELIV'],
	sms10692: ['10', '20'],
};

export interface SimulatorUiOptions {
	port?: number;
	host?: string;
	pushUrls?: Partial<Record<PushGateway, string>>;
}

export interface SimulatorUi {
	url: string;
	setPushUrl(gateway: PushGateway, url: string): void;
	close(): Promise<void>;
}

interface ActionResult {
	queued: boolean;
	pushed: { url: string; status: number; body: string } | { url: string; error: string } | null;
}

const isPushGateway = (g: string): g is PushGateway => (PUSH_GATEWAYS as readonly string[]).includes(g);

export async function startSimulatorUi(sim: Simulator, options: SimulatorUiOptions = {}): Promise<SimulatorUi> {
	const host = options.host ?? '127.0.0.1';
	if (!['127.0.0.1', '::1', 'localhost'].includes(host)) throw new Error('the simulator page listens on loopback only');
	const pushUrls: Partial<Record<PushGateway, string>> = { ...options.pushUrls };

	async function pushTo(gateway: GatewayId, kind: 'reply' | 'report', fields: Parameters<Simulator['push']>[2]): Promise<ActionResult['pushed']> {
		const url = isPushGateway(gateway) ? pushUrls[gateway] : undefined;
		if (!url || (kind === 'report' && !REPORT_PUSH.includes(gateway))) return null;
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
		if (queued) sim.queueReply(gateway, { mobile, text });
		const pushed = await pushTo(gateway, 'reply', { mobile, text });
		if (!queued && !pushed) throw new Error(`${NAMES[gateway]} has no reply queue: set its push URL to send replies`);
		return { queued, pushed };
	}

	async function report(body: Record<string, unknown>): Promise<ActionResult> {
		const gateway = checkGateway(body.gateway);
		const mobile = checkText(body.mobile, 'mobile', 20);
		const messageId = checkText(body.messageId ?? '', 'messageId', 64, true);
		const vendorStatus = REPORT_STATUS[gateway][body.delivered === false ? 1 : 0];
		if (!vendorStatus) throw new Error(`${NAMES[gateway]} has no delivery reports`);
		const event: SimReport = { mobile, vendorStatus, ...(messageId ? { messageId, linkId: gateway === 'smsAdmin' ? messageId : undefined } : {}) };
		const queued = REPORT_QUEUE.includes(gateway);
		if (queued) sim.queueReport(gateway, event);
		const pushed = await pushTo(gateway, 'report', event);
		if (!queued && !pushed) throw new Error(`${NAMES[gateway]} only pushes reports: set its push URL first`);
		return { queued, pushed };
	}

	function state(): unknown {
		return {
			gateways: GATEWAY_IDS.map((id) => ({
				id,
				name: NAMES[id],
				replyQueue: REPLY_QUEUE.includes(id),
				reports: REPORT_STATUS[id][0] !== '',
				pushes: isPushGateway(id),
				pushUrl: isPushGateway(id) ? pushUrls[id] ?? '' : null,
				pending: sim.pending(id),
				messages: sim.sent(id).map((m) => ({ mobile: m.mobile, message: m.message, messageId: m.messageId, linkId: m.linkId, at: m.at })),
			})),
		};
	}

	const server = http.createServer((req, res) => {
		const send = (status: number, type: string, body: string) => {
			res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
			res.end(body);
		};
		const json = (status: number, body: unknown) => send(status, 'application/json', JSON.stringify(body));
		const path = new URL(req.url ?? '/', 'http://ui').pathname;
		if (req.method === 'GET' && path === '/') return send(200, 'text/html', PAGE);
		if (req.method === 'GET' && path === '/api/state') return json(200, state());
		if (req.method !== 'POST' || !['/api/reply', '/api/report', '/api/push-url'].includes(path)) return json(404, { error: 'not found' });
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			void (async () => {
				try {
					const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown>;
					if (path === '/api/reply') return json(200, await reply(body));
					if (path === '/api/report') return json(200, await report(body));
					const gateway = checkGateway(body.gateway);
					if (!isPushGateway(gateway)) throw new Error(`${NAMES[gateway]} does not push`);
					const url = checkText(body.url ?? '', 'url', 500, true);
					if (url && !/^https?:\/\//.test(url)) throw new Error('the push URL must start with http:// or https://');
					pushUrls[gateway] = url || undefined;
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
		setPushUrl: (gateway, url) => {
			pushUrls[gateway] = url;
		},
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

function checkText(value: unknown, name: string, max: number, mayBeEmpty = false): string {
	const text = typeof value === 'string' ? value.trim() : '';
	if (!text && !mayBeEmpty) throw new Error(`${name} is empty`);
	if ([...text].length > max) throw new Error(`${name} is longer than ${max} characters`);
	return text;
}

const PAGE = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>CN SMS gateway simulator</title>
<style>
body { font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; }
h1 { font-size: 1.4rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
table { border-collapse: collapse; width: 100%; } td, th { border-bottom: 1px solid #ddd; padding: .35rem .5rem; text-align: left; vertical-align: top; }
th { background: #f4f4f4; } .muted { color: #777; } .msg { white-space: pre-wrap; max-width: 32rem; }
input[type=text] { width: 14rem; } input.push-url { width: 32rem; } button { margin-left: .25rem; }
#status { position: sticky; top: 0; background: #fffbe6; padding: .4rem .6rem; border: 1px solid #e8d98a; min-height: 1.2rem; }
</style>
</head>
<body>
<h1>CN SMS gateway simulator</h1>
<p class="muted">Messages the five simulated gateways accepted. Answer one as the recipient: the reply waits for the
gateway's fetch (CN SMS Trigger, Fetch Replies) and is pushed to the push URL where the gateway pushes (CN SMS Push Trigger).</p>
<div id="status" role="status"></div>
<div id="gateways"></div>
<script>
(function () {
  'use strict';
  var root = document.getElementById('gateways');
  var statusLine = document.getElementById('status');
  var drafts = {};

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

  function messageRow(g, m, index) {
    var key = g.id + ':' + index;
    var input = el('input', { type: 'text', placeholder: 'Reply text', 'data-testid': 'reply-text', 'aria-label': 'Reply to ' + m.mobile });
    input.value = drafts[key] || '';
    input.addEventListener('input', function () { drafts[key] = input.value; });
    var actions = [input, el('button', { type: 'button', text: 'Reply', 'data-testid': 'reply', onclick: function () {
      var text = input.value.trim();
      if (!text) { say('Type the reply text first.'); return; }
      delete drafts[key];
      act('/api/reply', { gateway: g.id, mobile: m.mobile, text: text }, 'reply');
    } })];
    if (g.reports) {
      [true, false].forEach(function (delivered) {
        actions.push(el('button', { type: 'button', text: delivered ? 'Delivered' : 'Failed', onclick: function () {
          act('/api/report', { gateway: g.id, mobile: m.mobile, messageId: m.linkId || m.messageId, delivered: delivered }, 'delivery report');
        } }));
      });
    }
    return el('tr', { 'data-gateway': g.id }, [
      el('td', { text: new Date(m.at).toLocaleTimeString() }),
      el('td', { text: m.mobile }),
      el('td', { class: 'msg', text: m.message }),
      el('td', { text: m.messageId || '' }),
      el('td', {}, actions),
    ]);
  }

  function pushRow(g) {
    if (!g.pushes) return el('p', { class: 'muted', text: 'Pushes nothing: replies and reports wait for the fetch.' });
    var input = el('input', { type: 'text', class: 'push-url', placeholder: 'http://127.0.0.1:5678/webhook/…', 'aria-label': 'Push URL of ' + g.name });
    input.value = drafts['push:' + g.id] !== undefined ? drafts['push:' + g.id] : g.pushUrl;
    input.addEventListener('input', function () { drafts['push:' + g.id] = input.value; });
    return el('p', {}, [el('span', { text: 'Push URL: ' }), input, el('button', { type: 'button', text: 'Save', onclick: function () {
      delete drafts['push:' + g.id];
      post('/api/push-url', { gateway: g.id, url: input.value }).then(function () { say('Push URL of ' + g.name + ' saved.'); refresh(); }, function (e) { say('Failed: ' + e.message); });
    } })]);
  }

  function render(state) {
    var focused = document.activeElement && document.activeElement.tagName === 'INPUT';
    if (focused) return;
    root.textContent = '';
    state.gateways.forEach(function (g) {
      var section = el('section', { id: 'gateway-' + g.id }, [
        el('h2', { text: g.name }),
        pushRow(g),
        el('p', { class: 'muted', text: 'Waiting for a fetch: ' + g.pending.replies + ' replies, ' + g.pending.reports + ' reports.' }),
      ]);
      if (g.messages.length === 0) section.appendChild(el('p', { class: 'muted', text: 'No messages yet.' }));
      else {
        var head = el('tr', {}, ['Time', 'To', 'Message', 'Message ID', ''].map(function (h) { return el('th', { text: h }); }));
        var rows = g.messages.map(function (m, i) { return messageRow(g, m, i); }).reverse();
        section.appendChild(el('table', {}, [el('thead', {}, [head]), el('tbody', {}, rows)]));
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
