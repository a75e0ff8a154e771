/**
 * Simulator of 企业短信通 112088.net (seed 002). Four ASP pages by GET or POST (paths
 * case-insensitive, as on IIS), parameters read in GBK, answers in GBK with no charset declared:
 * bare codes (`-7`, `-3|禁发词`), `0|a|b|ids` for a send, `count|record|…` for the fetch-once
 * queues (reports ≤100, replies ≤50 per call; `0` when nothing is pending), the balance as a number.
 *
 * How a test triggers each documented code, through inputs the vendor sees:
 * - -7 a wrong `us_pwd` (every page), or an unknown `us_name` at send (the document has no other
 *   code there); -1 an unknown `us_name` at the fetches and the balance.
 * - -9 `us_name` `<username>-nofee` (balance 0, which the balance page answers as `0`);
 *   -10 `<username>-locked`; -99 (send) / -3 (fetches) `<username>-busy`.
 * - -1 an empty `send_phone`; -2 an empty `send_content`; -3|<word> content holding 代开发票 or
 *   违禁; -4 more than 100 numbers; -8 content over 335 characters.
 * - Numbers of the wrong length (neither a mobile nor a fixed line) count as failed (`b`).
 * A send's SMSIDs are its batch id repeated once per accepted number: the report example shares
 * one id between two numbers. Balance in messages: 70 characters per message, 67 per part beyond.
 * `answerNext(path, body)` (on the module, for tests) makes the next answer to `path` that body,
 * verbatim: how the document's own examples are replayed.
 */
import type { SentMessage, SimReply, SimReport, SimRequest, SimResponse, VendorModule } from '../types';

export const SMS112088_SIM = {
	balance: 10000,
	forbiddenWords: ['代开发票', '违禁'],
	firstBatchId: 6408676,
	firstReplyId: 133,
};

const NOT_FOUND =
	'<html><head><title>The page cannot be found</title></head><body><h1>The page cannot be found</h1><p>HTTP 404 - File not found<br>Internet Information Services</p></body></html>';

interface Account {
	password: string;
	balance: number;
	locked: boolean;
	busy: boolean;
}

export interface Sms112088Sim extends VendorModule {
	answerNext(path: string, body: string): void;
	/** Set the main account's prepaid balance (until the next reset). */
	setBalance(balance: number): void;
}

const VALID_NUMBER = /^(1\d{10}|0\d{9,11})$/;

function segments(text: string): number {
	const n = [...text].length;
	return n <= 70 ? 1 : Math.ceil(n / 67);
}

export function createSms112088(account: Record<string, string>): Sms112088Sim {
	const accounts = new Map<string, Account>();
	const reports: string[] = [];
	const replies: string[] = [];
	const sentMessages: SentMessage[] = [];
	const verbatim = new Map<string, string[]>();
	let nextBatchId = SMS112088_SIM.firstBatchId;
	let nextReplyId = SMS112088_SIM.firstReplyId;

	function reset(): void {
		accounts.clear();
		const base = { password: account.password, balance: SMS112088_SIM.balance, locked: false, busy: false };
		accounts.set(account.username, { ...base });
		accounts.set(`${account.username}-nofee`, { ...base, balance: 0 });
		accounts.set(`${account.username}-locked`, { ...base, locked: true });
		accounts.set(`${account.username}-busy`, { ...base, busy: true });
		reports.length = 0;
		replies.length = 0;
		sentMessages.length = 0;
		verbatim.clear();
		nextBatchId = SMS112088_SIM.firstBatchId;
		nextReplyId = SMS112088_SIM.firstReplyId;
	}
	reset();

	/** The account, or null with the code for an unknown name / a wrong password. */
	function login(req: SimRequest, unknownCode: string): Account | string {
		const found = accounts.get(req.get('us_name') ?? '');
		if (!found) return unknownCode;
		if (req.get('us_pwd') !== found.password) return '-7';
		return found;
	}

	/** §1.1.1 sendsms_txt.asp. */
	function send(req: SimRequest): string {
		const acct = login(req, '-7');
		if (typeof acct === 'string') return acct;
		if (acct.locked) return '-10';
		if (acct.busy) return '-99';
		const numbers = (req.get('send_phone') ?? '')
			.split(',')
			.map((n) => n.trim())
			.filter((n) => n.length > 0);
		const content = req.get('send_content') ?? '';
		if (numbers.length === 0) return '-1';
		if (!content) return '-2';
		if (numbers.length > 100) return '-4';
		if ([...content].length > 335) return '-8';
		const word = SMS112088_SIM.forbiddenWords.find((w) => content.includes(w));
		if (word) return `-3|${word}`;
		const valid = numbers.filter((n) => VALID_NUMBER.test(n));
		const cost = valid.length * segments(content);
		if (cost > acct.balance) return '-9';
		acct.balance -= cost;
		// send_time: 14 digits; anything else sends at once.
		const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec((req.get('send_time') ?? '').trim());
		const sendAt = m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:${m[6]}` : null;
		const batch = String(nextBatchId++);
		for (const mobile of valid) {
			sentMessages.push({ gateway: 'sms112088', mobile, message: content, messageId: batch, sendAt, extno: null, linkId: null, product: null, at: Date.now() });
		}
		return `0|${valid.length}|${numbers.length - valid.length}|${valid.map(() => batch).join(',')}`;
	}

	/** §1.1.2 / §1.1.3: hand out at most `page` records once; `0` when none. */
	function fetch(req: SimRequest, queue: string[], page: number): string {
		const acct = login(req, '-1');
		if (typeof acct === 'string') return acct;
		if (acct.busy) return '-3';
		if (queue.length === 0) return '0';
		const records = queue.splice(0, page);
		return `${records.length}|${records.join('|')}`;
	}

	/** §1.1.4 Get_Account_Balance.asp: the number of messages left, `0` included. */
	function balance(req: SimRequest): string {
		const acct = login(req, '-1');
		if (typeof acct === 'string') return acct;
		return String(acct.balance);
	}

	const handlers: Record<string, (req: SimRequest) => string> = {
		'/sendsms_txt.asp': send,
		'/get_report_txt.asp': (req) => fetch(req, reports, 100),
		'/get_receive_message_txt.asp': (req) => fetch(req, replies, 50),
		'/get_account_balance.asp': balance,
	};

	function lastBatchFor(mobile: string): string | undefined {
		return [...sentMessages].reverse().find((m) => m.mobile === mobile)?.messageId;
	}

	return {
		id: 'sms112088',
		requestCharset: () => 'gbk',
		responseCharset: () => 'gbk',
		handle(req: SimRequest): SimResponse {
			const path = req.path.toLowerCase();
			const handler = handlers[path];
			if (!handler) return { status: 404, body: NOT_FOUND, contentType: 'text/html' };
			const replay = verbatim.get(path)?.shift();
			return { body: replay ?? handler(req), contentType: 'text/html' };
		},
		/** Rendered as the description has it: 短信编号;号码;内容. */
		queueReply(reply: SimReply): void {
			replies.push(`${reply.id ?? nextReplyId++};${reply.mobile};${reply.text}`);
		},
		/** 批次编号;号码;状态 (10 delivered, 20 failed, -1 none received); default 10. */
		queueReport(report: SimReport): void {
			const id = report.messageId ?? lastBatchFor(report.mobile) ?? String(nextBatchId++);
			reports.push(`${id};${report.mobile};${report.vendorStatus ?? '10'}`);
		},
		queueRaw(kind: 'reply' | 'report', raw: string): void {
			(kind === 'reply' ? replies : reports).push(raw);
		},
		sent: () => [...sentMessages],
		pending: () => ({ replies: replies.length, reports: reports.length }),
		reset,
		answerNext(path: string, body: string): void {
			const key = path.toLowerCase();
			verbatim.set(key, [...(verbatim.get(key) ?? []), body]);
		},
		setBalance(balance: number): void {
			(accounts.get(account.username) as Account).balance = balance;
		},
	};
}
