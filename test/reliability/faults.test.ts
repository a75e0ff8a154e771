/**
 * Faults × gateways × operations, through the real node (n8n's WorkflowExecute, continue on fail)
 * and, for the fetch-once endpoints, through the polling trigger (n8n-core's PollContext).
 * For every cell: the outcome (error naming the gateway, or a send marked uncertain), the exact
 * number of requests the simulator saw (a send is never repeated; only read-only calls retry once,
 * and only when no connection was made), what the gateway did (messages sent), and for fetches
 * that every event the simulator handed out was emitted, or quoted raw in the error, or — when its
 * bytes never arrived — that the error says the call may have taken events. An answer in the wrong
 * charset is read strictly in the charset it declares or the gateway's, never guessed: what cannot
 * be understood fails with an error naming the mismatch and what to do, and events are still
 * emitted, as read, flagged with the mismatch and the bytes they came from.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { REQUEST_TIMEOUT_MS } from '../../nodes/n8n/pollingTrigger/poll';
import type { NodeSeams } from '../../nodes/n8n/session';
import { decodeBytes, encodeText } from '../../nodes/gateways/kit/charset';
import { excerptOf } from '../../nodes/gateways/kit/errors';
import { getAdapter } from '../../nodes/gateways/registry';
import { DEFAULT_TIMEOUT_MS } from '../../nodes/gateways/kit/transport';
import type { GatewayId, Operation } from '../../nodes/gateways/kit/declaration';
import type { Charset } from '../../nodes/gateways/kit/model';
import { runWorkflow } from '../harness/execute';
import { runPoll, simCredentials } from '../harness/poll';
import { GATEWAY_IDS, startSimulator } from '../simulator';
import { actionNode, pollingTrigger } from '../support/nodes';
import type { FaultSpec, Simulator } from '../simulator';
import { SecretScanner, captureN8nLogs, reportFigures } from './kit';

type Fault = 'refused' | 'timeout' | 'dropBeforeRead' | 'dropAfterRead' | 'http500' | 'htmlError' | 'truncated' | 'wrongCharset';
const FAULTS: Fault[] = ['refused', 'timeout', 'dropBeforeRead', 'dropAfterRead', 'http500', 'htmlError', 'truncated', 'wrongCharset'];
const DELAY_MS = 700;

// Short request timeout for the timeout cells; the timeouts the nodes ask for are recorded so the
// production defaults (30 s for the node, 10 s per poll request) are checked too.
const transport = { attempts: 0, asked: [] as unknown[], timeoutMs: 250 };
const seams: NodeSeams = {
	sleep: async () => undefined,
	transport: (asked) => {
		transport.asked.push(asked.timeoutMs);
		return {
			...asked,
			timeoutMs: transport.timeoutMs,
			onRequest: () => {
				transport.attempts++;
				asked.onRequest?.();
			},
		};
	},
};
const GATEWAY_OPERATIONS = Object.fromEntries(GATEWAY_IDS.map((g) => [g, getAdapter(g).declaration.operations])) as Record<GatewayId, Operation[]>;

const CREDENTIAL_TYPE: Record<GatewayId, string> = {
	chinaSms: 'chinaSmsApi',
	smsAdmin: 'smsAdminApi',
	sms112088: 'sms112088Api',
	sms18: 'sms18Api',
	sms10692: 'sms10692Api',
};
const EXTRA: Partial<Record<GatewayId, IDataObject>> = { chinaSms: { charset: 'gbk' }, sms112088: { charset: 'gbk' }, sms10692: { charset: 'utf8' } };

const SEND_OPS: Operation[] = ['send', 'sendBulk', 'sendTemplate'];
const FETCH_OPS: Operation[] = ['fetchReports', 'fetchReplies'];
const NUMBERS = ['13912340000', '13912340001'];

/**
 * Calls that ask for one retry when no connection could be made (they change nothing). Written out
 * by hand from the adapters' documented intent, so a change in either shows here.
 */
const RETRIES_ON_CONNECT = new Set([
	'chinaSms.getBalance',
	'smsAdmin.getBalance',
	'smsAdmin.fetchReports',
	'smsAdmin.fetchReplies',
	'smsAdmin.checkContent',
	'sms112088.getBalance',
	'sms18.getBalance',
	'sms10692.getBalance',
	'sms10692.fetchReports',
	'sms10692.fetchReplies',
	'sms10692.checkContent',
]);

/** Chinese text each successful answer carries, checked as read strictly after a wrong-charset answer. */
const READ_AS_IS: Partial<Record<string, (json: IDataObject) => unknown>> = {
	'chinaSms.getBalance': (j) => (j.raw as IDataObject).short,
	'chinaSms.send': (j) => ((j.raw as IDataObject[])[0] as IDataObject).err,
	'smsAdmin.send': (j) => ((j.raw as IDataObject[])[0] as IDataObject).text,
	'smsAdmin.sendBulk': (j) => (j.raw as IDataObject).text,
	'smsAdmin.sendTemplate': (j) => (j.raw as IDataObject).text,
	'sms10692.getBalance': (j) => (j.raw as IDataObject).payinfo,
};
/** What the simulator's answers say, before the wrong charset garbles them. */
const SAID: Record<string, string> = {
	'chinaSms.getBalance': '企业简称',
	'chinaSms.send': '发送成功',
	'smsAdmin.send': '发送成功!',
	'smsAdmin.sendBulk': '发送成功!',
	'smsAdmin.sendTemplate': '发送成功!',
	'sms10692.getBalance': '预付费',
};
/**
 * Calls whose answer cannot be understood once its Chinese is misread (the words the adapter looks
 * for are garbled): they fail, naming the request and the suspected charset mismatch.
 */
const UNREADABLE: Partial<Record<string, string>> = {
	'smsAdmin.getBalance': 'the balance query',
	'smsAdmin.checkContent': 'the sensitive-word check',
	'sms10692.checkContent': 'the keyword check',
};
/** The charset a wrong-charset answer is really in: the other one. */
const WRONG_CHARSET: Record<GatewayId, Charset> = { chinaSms: 'utf8', smsAdmin: 'utf8', sms112088: 'utf8', sms18: 'gbk', sms10692: 'gbk' };
/**
 * What each gateway's wrong-charset answer is diagnosed with. sms10692 answers carry an XML prolog
 * (the simulator's still says UTF-8) that counts as the answer's declaration; smsAdmin's GB2312 is
 * no setting; sms18's answers are plain ASCII, which fits both charsets.
 */
const MISMATCH_NOTE: Partial<Record<GatewayId, string>> = {
	chinaSms: "the answer looks like UTF-8 although the credential's Charset is GBK, so it was read as GBK and its Chinese text may be garbled: change the Charset setting to UTF-8",
	sms112088: "the answer looks like UTF-8 although the credential's Charset is GBK, so it was read as GBK and its Chinese text may be garbled: change the Charset setting to UTF-8",
	smsAdmin: "the answer looks like UTF-8 although this gateway answers in GB2312, so it was read as GB2312 and its Chinese text may be garbled: no setting changes this gateway's charset, so tell its vendor",
	sms10692: 'the answer looks like GBK although its XML prolog declares UTF-8, so it was read as UTF-8 and its Chinese text may be garbled: the gateway mislabels its answers, so tell its vendor',
};
/**
 * Events read from the wrong-charset answer that are flagged: those whose answer holds Chinese.
 * china-sms answers one reply per call (only the first call's answer is in the wrong charset);
 * reports carry no Chinese, and smsAdmin's reply texts arrive url-encoded (plain ASCII).
 */
const FLAGGED_EVENTS: Partial<Record<string, number>> = { 'chinaSms.fetchReplies': 1, 'sms112088.fetchReplies': 3, 'sms10692.fetchReplies': 3 };

/** Text as a wrong-charset answer shows it: its bytes read strictly in the gateway's charset. */
function misread(gateway: GatewayId, text: string): string {
	return decodeBytes(encodeText(text, WRONG_CHARSET[gateway]), ANSWER_CHARSET[gateway]);
}

interface QueuedEvent {
	mobile: string;
	text: string;
}

const EVENTS: QueuedEvent[] = [0, 1, 2].map((i) => ({ mobile: `1380000010${i}`, text: `收到${i}号，谢谢` }));

/** Where the record of an event ends in an answer (after its terminator), or null (no terminator). */
function recordEnd(gateway: GatewayId, op: Operation, full: string, mobile: string): number | null {
	const at = full.indexOf(mobile);
	if (at < 0) throw new Error(`${mobile} is not in the answer`);
	const terminator = gateway === 'smsAdmin' ? '\n' : gateway === 'sms112088' ? '|' : gateway === 'sms10692' ? (op === 'fetchReports' ? '</statusbox>' : '</callbox>') : null;
	if (terminator === null) return null;
	const end = full.indexOf(terminator, at);
	return end < 0 ? null : end + terminator.length;
}

const ANSWER_CHARSET: Record<GatewayId, Charset> = { chinaSms: 'gbk', smsAdmin: 'gb2312', sms112088: 'gbk', sms18: 'utf8', sms10692: 'utf8' };

let sim: Simulator;
const scanner = new SecretScanner(['newPass99']);
const logs = captureN8nLogs();
const figures = {
	cells: 0,
	nodeCells: 0,
	triggerCells: 0,
	requestsSeen: 0,
	duplicateSends: 0,
	sendsMarkedUncertain: 0,
	eventsHandedOut: 0,
	eventsEmitted: 0,
	eventsQuotedRawInError: 0,
	eventsInTransitFlagged: 0,
	eventsFlaggedWithBytes: 0,
	eventsLost: 0,
};

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await new Promise((r) => setTimeout(r, DELAY_MS));
	await sim.close();
	logs.stop();
	scanner.scan('n8n log lines', logs.lines);
	reportFigures('faults', { ...figures, secretsScannedValues: scanner.scannedValues, secretsScannedChars: scanner.scannedChars, secretsChecked: scanner.secretCount, secretHits: scanner.hits.length });
});
beforeEach(() => {
	sim.reset();
	transport.attempts = 0;
});
/** Signatures are secrets too: every sign the simulator received joins the scan before it runs. */
function harvestSigns(): void {
	for (const r of sim.requests('sms10692')) scanner.add(r.params.find(([k]) => k.trim() === 'sign')?.[1] ?? '');
}

function parametersFor(gateway: GatewayId, op: Operation): { parameters: INodeParameters; input: IDataObject[] } {
	const base = { operation: op };
	switch (op) {
		case 'send':
			return { parameters: { ...base, recipients: NUMBERS.join(','), message: '你好，测试', options: {} }, input: [{}] };
		case 'sendBulk':
			return { parameters: { ...base, recipient: '={{ $json.phone }}', message: '通知', options: {} }, input: NUMBERS.map((phone) => ({ phone })) };
		case 'sendTemplate':
			return {
				parameters: { ...base, template: '{value0}您好', recipient: '={{ $json.phone }}', values: '={{ $json.name }}', options: {} },
				input: NUMBERS.map((phone, i) => ({ phone, name: `王${i}` })),
			};
		case 'checkContent':
			return { parameters: { ...base, message: '测试内容' }, input: [{}] };
		case 'changePassword':
			return { parameters: { ...base, newPassword: 'newPass99' }, input: [{}] };
		default:
			return { parameters: { ...base, options: {} }, input: [{}] };
	}
}

function queueEvents(gateway: GatewayId, op: Operation): void {
	for (const e of EVENTS) {
		if (op === 'fetchReplies') sim.queueReply(gateway, { mobile: e.mobile, text: e.text });
		else sim.queueReport(gateway, { mobile: e.mobile, messageId: `M${e.mobile.slice(-1)}`, linkId: `L${e.mobile.slice(-1)}` });
	}
}

function armFault(gateway: GatewayId, fault: Fault): void {
	if (fault === 'refused') return;
	const spec: FaultSpec = fault === 'timeout' ? { type: 'delay', ms: DELAY_MS } : { type: fault };
	sim.fault(gateway, spec);
}

function credentialsFor(gateway: GatewayId, fault: Fault) {
	const baseUrl = fault === 'refused' ? sim.closedUrl : sim.urls[gateway];
	return { [CREDENTIAL_TYPE[gateway]]: { ...sim.accounts[gateway], baseUrl, ...(EXTRA[gateway] ?? {}) } };
}

/** Requests the gateway saw (read, or dropped before it read them). */
function seen(gateway: GatewayId): number {
	return sim.requests(gateway).length + sim.droppedBeforeRead(gateway);
}

function expectedSeen(fault: Fault): number {
	return fault === 'refused' ? 0 : 1;
}

function expectedAttempts(gateway: GatewayId, op: Operation, fault: Fault): number {
	return fault === 'refused' && RETRIES_ON_CONNECT.has(`${gateway}.${op}`) ? 2 : 1;
}

/** Did the gateway act on the request (the simulator's vendor ran)? */
function gatewayActs(fault: Fault): boolean {
	return ['timeout', 'dropAfterRead', 'truncated', 'wrongCharset'].includes(fault);
}

/** An error's text starts with the gateway's display name (a poll warning quotes it after its own words). */
function expectFailureNamesGateway(text: unknown, gateway: GatewayId): void {
	const name = `${getAdapter(gateway).displayName}: `;
	const shown = String(text);
	if (shown.startsWith('Fetching ')) expect(shown).toMatch(new RegExp(`^Fetching (reports|replies) failed on call \\d+ of this poll: ${name.replace(/[()]/g, '\\$&')}`));
	else expect(shown.startsWith(name)).toBe(true);
}

interface FetchCheck {
	handed: number;
	emitted: IDataObject[];
	errorText: string | null;
}

/** The fetch half of a cell: what was handed out against what came out (emitted, quoted, flagged). */
function checkFetch(gateway: GatewayId, op: Operation, fault: Fault, check: FetchCheck): void {
	const { handed, emitted, errorText } = check;
	figures.eventsHandedOut += handed;
	figures.eventsEmitted += emitted.length;
	const expectedHanded = gatewayActs(fault) ? (gateway === 'chinaSms' && fault !== 'wrongCharset' ? 1 : EVENTS.length) : 0;
	expect(handed).toBe(expectedHanded);

	if (fault === 'wrongCharset') {
		// Every event is emitted, none lost. Those read from the wrong-charset answer keep their text
		// as read (strictly, no guess), say why it may be garbled, and keep the bytes they came from.
		expect(errorText).toBeNull();
		expect(emitted.map((e) => e.mobile)).toEqual(EVENTS.map((e) => e.mobile));
		const flagged = FLAGGED_EVENTS[`${gateway}.${op}`] ?? 0;
		const answer = sim.requests(gateway)[0].response;
		emitted.forEach((event, i) => {
			const sent = EVENTS[i];
			if (op === 'fetchReplies') expect(event.text).toBe(i < flagged ? misread(gateway, sent.text) : sent.text);
			if (i >= flagged) {
				expect(event.parseError).toBeUndefined();
				expect((event.raw as IDataObject).bytesBase64).toBeUndefined();
				return;
			}
			expect(event.parseError).toBe(`${MISMATCH_NOTE[gateway]}; raw.bytesBase64 holds this record's bytes as they arrived`);
			const bytes = Buffer.from(String((event.raw as IDataObject).bytesBase64), 'base64');
			// The record's own bytes, cut from the answer: read in their real charset they hold the reply.
			expect(answer.indexOf(bytes)).toBeGreaterThanOrEqual(0);
			const real = decodeBytes(bytes, WRONG_CHARSET[gateway]);
			expect(real).toContain(sent.mobile);
			expect(real).toContain(sent.text);
			for (const other of EVENTS.filter((e) => e !== sent)) expect(real).not.toContain(other.mobile);
		});
		figures.eventsFlaggedWithBytes += flagged;
		return;
	}
	expect(errorText).not.toBeNull();
	expectFailureNamesGateway(errorText, gateway);
	if (fault !== 'truncated') {
		expect(emitted).toEqual([]);
		// The client cannot tell whether the gateway read the request unless no connection was made or
		// the gateway answered with an HTTP error: everywhere else the error says events may be gone.
		const note = `The failed call may itself have taken ${op === 'fetchReports' ? 'reports' : 'replies'} from the gateway that never arrived here.`;
		if (fault === 'refused' || fault === 'http500') expect(errorText).not.toContain(note);
		else expect(errorText).toContain(note);
		// Events whose bytes never arrived are flagged by that note (handed > 0 only where it is said).
		figures.eventsInTransitFlagged += handed;
		return;
	}
	// Truncated: the simulator sent the first half of its answer. Records complete in it are
	// emitted; the cut-off record is quoted raw in the error; the error says how much is missing.
	const record = sim.requests(gateway)[0];
	const full = decodeBytes(record.response, ANSWER_CHARSET[gateway]);
	const half = Math.floor(record.response.length / 2);
	const received = decodeBytes(record.response.subarray(0, half), ANSWER_CHARSET[gateway]);
	const handedEvents = EVENTS.slice(0, handed);
	const complete = handedEvents.filter((e) => {
		const end = recordEnd(gateway, op, full, e.mobile);
		return end !== null && encodeText(full.slice(0, end), ANSWER_CHARSET[gateway]).length <= half;
	});
	expect(emitted.map((e) => e.mobile)).toEqual(complete.map((e) => e.mobile));
	if (op === 'fetchReplies') expect(emitted.map((e) => e.text)).toEqual(complete.map((e) => e.text));
	expect(errorText).toContain(`The answer broke off after ${half} of ${record.response.length} bytes: the ${complete.length} complete`);
	const lastEnd = complete.length ? recordEnd(gateway, op, full, complete[complete.length - 1].mobile)! : 0;
	let rest = received.slice(lastEnd);
	if (gateway === 'sms10692' && complete.length === 0) rest = rest.slice(rest.indexOf('<returnsms>') + '<returnsms>'.length);
	if (gateway === 'sms112088' && complete.length === 0) rest = rest.slice(rest.indexOf('|') + 1);
	if (rest.trim()) {
		expect(errorText).toContain(`the incomplete rest, raw: "${rest.trim()}"`);
		figures.eventsQuotedRawInError += 1;
	}
	const cutOne = rest.trim() ? 1 : 0;
	figures.eventsInTransitFlagged += handed - complete.length - cutOne;
	expect(errorText).toContain('The failed call may itself have taken');
}

const CELLS = GATEWAY_IDS.flatMap((gateway) => GATEWAY_OPERATIONS[gateway].flatMap((op) => FAULTS.map((fault) => [gateway, op, fault] as const)));
const TRIGGER_CELLS = CELLS.filter(([, op]) => FETCH_OPS.includes(op));

test('the matrix covers every gateway, operation and fault', () => {
	expect(CELLS).toHaveLength(26 * 8);
	expect(TRIGGER_CELLS).toHaveLength(7 * 8);
	// Production timeouts: the node's requests use the transport default, the trigger 10 s each.
	expect(DEFAULT_TIMEOUT_MS).toBe(30_000);
	expect(REQUEST_TIMEOUT_MS).toBe(10_000);
});

describe.each(CELLS)('action node · %s · %s · %s', (gateway, op, fault) => {
	test('outcome, requests seen, nothing sent twice, nothing lost', async () => {
		figures.cells++;
		figures.nodeCells++;
		const { parameters, input } = parametersFor(gateway, op);
		if (FETCH_OPS.includes(op)) queueEvents(gateway, op);
		const pendingBefore = sim.pending(gateway);
		armFault(gateway, fault);
		transport.asked.length = 0;

		const result = await runWorkflow(
			{ nodeType: actionNode(gateway, seams), parameters, credentials: credentialsFor(gateway, fault), settings: { onError: 'continueRegularOutput' } },
			input,
		);
		harvestSigns();
		scanner.scan(`node ${gateway} ${op} ${fault}`, [result.outputs, result.error, result.hints]);
		expect(result.status).toBe('success');
		// The node asked for the production default timeout (none given: 30 s).
		expect(transport.asked).toEqual([undefined]);

		const later = FETCH_OPS.includes(op) && fault === 'wrongCharset' ? extraCalls(gateway, op) : 0;
		expect(seen(gateway)).toBe(expectedSeen(fault) + later);
		expect(transport.attempts).toBe(expectedAttempts(gateway, op, fault) + later);
		figures.requestsSeen += seen(gateway);
		const out = result.outputs[0].map((i) => i.json);

		if (SEND_OPS.includes(op)) {
			const sent = sim.sent(gateway).map((m) => m.mobile);
			// The gateway sent each number at most once, and only when it acted on the request.
			expect(sent).toEqual(gatewayActs(fault) ? NUMBERS : []);
			figures.duplicateSends += sent.length - new Set(sent).size;
			if (fault === 'wrongCharset') {
				// Accepted (the codes are ASCII); the gateway's words are shown as read.
				expect(out.every((j) => j.success === true)).toBe(true);
				const key = `${gateway}.${op}`;
				for (const json of out) if (READ_AS_IS[key]) expect(READ_AS_IS[key]!(json)).toBe(misread(gateway, SAID[key]));
			} else {
				const uncertain = fault !== 'refused';
				for (const json of out) {
					expect(json.success).toBe(false);
					expectFailureNamesGateway(json.error, gateway);
					expect(json.uncertain).toBe(uncertain ? true : undefined);
					if (uncertain) expect(json.error).toContain('may have reached the gateway, so it was not sent again');
				}
				if (op === 'send') {
					expect(out[0]).toMatchObject(uncertain ? { uncertainRecipients: NUMBERS, notSentRecipients: [] } : { uncertainRecipients: [], notSentRecipients: NUMBERS });
				}
				if (uncertain) figures.sendsMarkedUncertain += NUMBERS.length;
			}
		} else if (FETCH_OPS.includes(op)) {
			const pendingAfter = sim.pending(gateway);
			const kind = op === 'fetchReplies' ? 'replies' : 'reports';
			const handed = pendingBefore[kind] - pendingAfter[kind];
			const errorItems = out.filter((j) => j.type === 'error');
			expect(errorItems.length).toBeLessThanOrEqual(1);
			const emitted = out.filter((j) => j.type !== 'error');
			checkFetch(gateway, op, fault, { handed, emitted, errorText: errorItems[0] ? String(errorItems[0].error) : null });
		} else {
			expect(out).toHaveLength(1);
			const key = `${gateway}.${op}`;
			if (fault === 'wrongCharset' && UNREADABLE[key]) {
				// Not understood: the error quotes the answer as read and says what to do about it.
				const note = MISMATCH_NOTE[gateway]!;
				const read = excerptOf(decodeBytes(sim.requests(gateway)[0].response, ANSWER_CHARSET[gateway]));
				const message = `${getAdapter(gateway).displayName}: unexpected response to ${UNREADABLE[key]}: "${read}". ${note[0].toUpperCase()}${note.slice(1)}.`;
				expect(out[0].error).toBe(`${message} The request may have reached the gateway, so it was not sent again: check before resending.`);
				expect(out[0].uncertain).toBe(true);
			} else if (fault === 'wrongCharset') {
				expect(out[0].error).toBeUndefined();
				if (READ_AS_IS[key]) expect(READ_AS_IS[key]!(out[0])).toBe(misread(gateway, SAID[key]));
			} else {
				expectFailureNamesGateway(out[0].error, gateway);
				expect(out[0].uncertain).toBe(fault === 'refused' ? undefined : true);
			}
		}
	});
});

describe.each(TRIGGER_CELLS)('polling trigger · %s · %s · %s', (gateway, op, fault) => {
	test('every event handed out is emitted, quoted raw, or flagged as possibly taken', async () => {
		figures.cells++;
		figures.triggerCells++;
		queueEvents(gateway, op);
		const kind = op === 'fetchReplies' ? 'replies' : 'reports';
		const before = sim.pending(gateway)[kind];
		armFault(gateway, fault);
		transport.asked.length = 0;
		const credentials = simCredentials(sim.urls, sim.accounts, gateway as 'smsAdmin');
		if (fault === 'refused') for (const c of Object.values(credentials)) c.baseUrl = sim.closedUrl;

		const result = await runPoll(pollingTrigger(gateway as never, seams), {
			parameters: { events: [op === 'fetchReplies' ? 'reply' : 'report'], options: { maxCalls: 10 } },
			credentials,
		});
		harvestSigns();
		scanner.scan(`trigger ${gateway} ${op} ${fault}`, [result.output, result.error, result.logs]);
		expect(transport.asked).toEqual([REQUEST_TIMEOUT_MS]);
		expect(seen(gateway)).toBe(expectedSeen(fault) + (fault === 'wrongCharset' ? extraCalls(gateway, op) : 0));
		expect(transport.attempts).toBe(expectedAttempts(gateway, op, fault) + (fault === 'wrongCharset' ? extraCalls(gateway, op) : 0));
		figures.requestsSeen += seen(gateway);

		const handed = before - sim.pending(gateway)[kind];
		const items = (result.output?.[0] ?? []).map((i) => i.json);
		const warning = items.length ? (items[0].pollWarning as string | undefined) ?? null : null;
		// A poll that took nothing throws (message, and in the description the request and the note on
		// events that may have been taken); one that took something emits it with a pollWarning.
		const e = result.error as (Error & { description?: string }) | undefined;
		const errorText = e ? `${e.message} ${e.description ?? ''}` : warning;
		if (e) expect(items).toEqual([]);
		checkFetch(gateway, op, fault, { handed, emitted: items, errorText });
	});
});

/**
 * Calls after the first when it succeeds: china-sms hands out one reply per call and then says none
 * is left; sms10692 replies have no page size, so the drain asks until an empty answer.
 */
function extraCalls(gateway: GatewayId, op: Operation): number {
	if (gateway === 'chinaSms') return EVENTS.length;
	return gateway === 'sms10692' && op === 'fetchReplies' ? 1 : 0;
}

test('the figures add up: nothing lost, nothing sent twice', () => {
	figures.eventsLost = figures.eventsHandedOut - figures.eventsEmitted - figures.eventsQuotedRawInError - figures.eventsInTransitFlagged;
	expect(figures.cells).toBe(CELLS.length + TRIGGER_CELLS.length);
	expect(figures.duplicateSends).toBe(0);
	expect(figures.eventsLost).toBe(0);
	// Node and trigger: the wrong-charset events of chinaSms (1), sms112088 (3) and sms10692 (3) replies.
	expect(figures.eventsFlaggedWithBytes).toBe(2 * (1 + 3 + 3));
	expect(scanner.hits).toEqual([]);
});
