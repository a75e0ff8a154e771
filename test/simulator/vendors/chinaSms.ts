/**
 * Simulator of 中国短信 china-sms.com (seed 000, spec v1.2). `/send/*.asp` by GET or POST (ASP's
 * Request() reads both; paths are case-insensitive as on IIS), parameters read in GBK, answers
 * `key=value&…` in GBK with no charset declared, with the stray spaces of the document's examples
 * (`num=2& success =…& faile =`, `errid =0&err=成功`).
 *
 * How a test triggers each documented error, through inputs the vendor sees:
 * - 6001 an unknown `name`; 6010 a known name with a wrong `pwd`.
 * - 6012 name `<username>-iplimit` (the account accepts other IP addresses only).
 * - 6013 name `<username>-nofee` (balance 0: sends refused; getfee answers id=0).
 * - 6017 name `<username>-feefail` (getfee answers id=-9999).
 * - 6005 `msg` containing 违禁 ({@link CHINA_SMS_SIM}.illegalWord).
 * - 6008 a `dst` that is neither a mobile nor a fixed line; 6009 dst 13900000000 (blacklisted).
 * - 6014 an empty `msg`; 6015 `msg` over 60 characters (over 40 to a fixed-line / PHS number).
 * - 6016 a `newpwd` of 4 characters or fewer.
 * Undocumented codes (the document gives the limit but no code): gsend with 100 or more numbers
 * and `newpwd` of 20 or more characters are refused with errid -1.
 * `answerNext(path, body)` (on the module, for tests) makes the next answer to `path` that body,
 * verbatim: how the document's own examples are replayed.
 */
import type { SentMessage, SimReply, SimRequest, SimResponse, VendorContext, VendorModule } from '../types';

export const CHINA_SMS_SIM = {
	balance: 9586,
	blacklisted: '13900000000',
	illegalWord: '违禁',
	/** The account's 特服代码; replies are addressed to it plus the extension. */
	serviceCode: '0888008',
	shortName: '企业简称',
	firstMessageId: 1234,
	firstReplyId: 9586,
};

const ERR: Record<string, string> = {
	'6001': '该企业用户无效',
	'6005': '发送内容中含非法字符',
	'6008': '无效的手机号码',
	'6009': '手机号码是黑名单',
	'6010': '企业用户验证失败',
	'6012': '该企业用户设置了ip限制',
	'6013': '该企业用户余额不足',
	'6014': '发送短信内容不能为空!',
	'6015': '短信内容超过了最大长度限制',
	'6016': '企业密码必须大于4个字符',
	'6017': '查询企业用户余额失败',
};

const NOT_FOUND =
	'<html><head><title>The page cannot be found</title></head><body><h1>The page cannot be found</h1><p>HTTP 404 - File not found<br>Internet Information Services</p></body></html>';

interface Account {
	password: string;
	balance: number;
	ipLimited: boolean;
	feeFails: boolean;
}

type Queued = { kind: 'reply'; reply: SimReply } | { kind: 'raw'; raw: string };

export interface ChinaSmsSim extends VendorModule {
	answerNext(path: string, body: string): void;
}

const MOBILE = /^1\d{10}$/;
const FIXED_LINE = /^0\d{9,11}$/;

function chars(text: string): number {
	return [...text].length;
}

/** `YYYY-MM-DD HH:mm:ss` → `YYYYMMDDHHMM` (seed 000 §5 time format). */
function compactTime(value: string): string {
	return value.replace(/\D/g, '').slice(0, 12);
}

function chinaNow(ctx: VendorContext | null): string {
	const t = new Date((ctx ? ctx.now() : new Date()).getTime() + 8 * 3600_000);
	return t.toISOString().slice(0, 19).replace('T', ' ');
}

export function createChinaSms(account: Record<string, string>): ChinaSmsSim {
	const accounts = new Map<string, Account>();
	const queue: Queued[] = [];
	const sentMessages: SentMessage[] = [];
	const verbatim = new Map<string, string[]>();
	let nextMessageId = CHINA_SMS_SIM.firstMessageId;
	let nextReplyId = CHINA_SMS_SIM.firstReplyId;
	let nextInternalId = 1;

	function reset(): void {
		accounts.clear();
		const base = { password: account.password, balance: CHINA_SMS_SIM.balance, ipLimited: false, feeFails: false };
		accounts.set(account.username, { ...base });
		accounts.set(`${account.username}-iplimit`, { ...base, ipLimited: true });
		accounts.set(`${account.username}-nofee`, { ...base, balance: 0 });
		accounts.set(`${account.username}-feefail`, { ...base, feeFails: true });
		queue.length = 0;
		sentMessages.length = 0;
		verbatim.clear();
		nextMessageId = CHINA_SMS_SIM.firstMessageId;
		nextReplyId = CHINA_SMS_SIM.firstReplyId;
		nextInternalId = 1;
	}
	reset();

	/** The account, or the documented code that refuses the caller. */
	function authenticate(req: SimRequest): Account | string {
		const found = accounts.get(req.get('name') ?? '');
		if (!found) return '6001';
		if (req.get('pwd') !== found.password) return '6010';
		if (found.ipLimited) return '6012';
		return found;
	}

	/** The problem of the message itself (same for every number), or null. */
	function messageProblem(msg: string, numbers: string[], acct: Account): string | null {
		if (!msg) return '6014';
		if (msg.includes(CHINA_SMS_SIM.illegalWord)) return '6005';
		const max = numbers.some((n) => FIXED_LINE.test(n)) ? 40 : 60;
		if (chars(msg) > max) return '6015';
		if (acct.balance <= 0) return '6013';
		return null;
	}

	function numberProblem(dst: string): string | null {
		if (!MOBILE.test(dst) && !FIXED_LINE.test(dst)) return '6008';
		if (dst === CHINA_SMS_SIM.blacklisted) return '6009';
		return null;
	}

	function record(req: SimRequest, mobile: string, messageId: string, sendAt: string | null): void {
		sentMessages.push({
			gateway: 'chinaSms',
			mobile,
			message: req.get('msg') ?? '',
			messageId,
			sendAt,
			extno: req.get('sender') || null,
			linkId: null,
			product: null,
			at: Date.now(),
		});
	}

	/** §1 ssend.asp: `id=<n>&err=&errid=0`, or `id=0&err=<原因>&errid=<code>`. */
	function single(req: SimRequest): string {
		const refuse = (code: string) => `id=0&err=${ERR[code] ?? ''}&errid=${code}`;
		const acct = authenticate(req);
		if (typeof acct === 'string') return refuse(acct);
		const dst = (req.get('dst') ?? '').trim();
		const msg = req.get('msg') ?? '';
		const problem = messageProblem(msg, [dst], acct) ?? numberProblem(dst);
		if (problem) return refuse(problem);
		const id = String(nextMessageId++);
		record(req, dst, id, null);
		return `id=${id}&err=&errid=0`;
	}

	/** §2 gsend.asp: `num=2& success =a,b& faile =&err=发送成功&errid=0` (the example's spacing). */
	function group(req: SimRequest): string {
		const dst = req.get('dst') ?? '';
		const numbers = dst
			.split(',')
			.map((n) => n.trim())
			.filter((n) => n.length > 0);
		const answer = (ok: string[], bad: string[], err: string, errid: string) =>
			`num=${ok.length}& success =${ok.join(',')}& faile =${bad.join(',')}&err=${err}&errid=${errid}`;
		const acct = authenticate(req);
		if (typeof acct === 'string') return answer([], numbers, ERR[acct], acct);
		if (numbers.length >= 100) return answer([], numbers, '群发号码必须少于100个', '-1');
		const msg = req.get('msg') ?? '';
		const problem = messageProblem(msg, numbers, acct);
		if (problem) return answer([], numbers, ERR[problem], problem);
		// §2: `time` YYYYMMDDHHMM; "不符合规则的将立即进行发送".
		const time = (req.get('time') ?? '').trim();
		const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(time);
		const sendAt = m ? `${m[1]}-${m[2]}-${m[3]} ${m[4]}:${m[5]}:00` : null;
		const ok: string[] = [];
		const bad: string[] = [];
		let firstProblem: string | null = null;
		for (const n of numbers) {
			const p = numberProblem(n);
			if (p) {
				bad.push(n);
				firstProblem ??= p;
			} else {
				ok.push(n);
				record(req, n, `g${nextInternalId++}`, sendAt);
			}
		}
		return firstProblem ? answer(ok, bad, ERR[firstProblem], firstProblem) : answer(ok, bad, '发送成功', '0');
	}

	/** §3 getfee.asp: `id=9586&err=成功&errid=0&short=企业简称`; id=-9999 on failure. */
	function balance(req: SimRequest): string {
		const acct = authenticate(req);
		if (typeof acct === 'string') return `id=-9999&err=${ERR[acct]}&errid=${acct}&short=`;
		if (acct.feeFails) return `id=-9999&err=${ERR['6017']}&errid=6017&short=`;
		return `id=${acct.balance}&err=成功&errid=0&short=${CHINA_SMS_SIM.shortName}`;
	}

	/** §4 cpwd.asp: `errid =0&err=成功` (the example's space before `=`). */
	function password(req: SimRequest): string {
		const acct = authenticate(req);
		if (typeof acct === 'string') return `errid =${acct}&err=${ERR[acct]}`;
		const newpwd = req.get('newpwd') ?? '';
		if (chars(newpwd) <= 4) return `errid =6016&err=${ERR['6016']}`;
		if (chars(newpwd) >= 20) return 'errid =-1&err=新密码长度必须小于20';
		acct.password = newpwd;
		return 'errid =0&err=成功';
	}

	/** §5 readsms.asp: one reply per call, `id=0` when none; calls must be more than 5 s apart. */
	function readReply(req: SimRequest, ctx: VendorContext): string {
		ctx.noteSpacedCall('readsms', 5000);
		const acct = authenticate(req);
		if (typeof acct === 'string') return `id=0&err=${ERR[acct]}&errid=${acct}`;
		const next = queue.shift();
		if (!next) return 'id=0&err=当前没有未读短信&errid=0';
		if (next.kind === 'raw') return next.raw;
		const r = next.reply;
		const dst = r.destination ?? CHINA_SMS_SIM.serviceCode + (r.extno ?? '');
		const time = compactTime(r.receivedAt ?? chinaNow(ctx));
		return `id=${r.id ?? nextReplyId++}&err=成功&src=${r.mobile}&msg=${r.text}&dst=${dst}&time=${time}`;
	}

	const handlers: Record<string, (req: SimRequest, ctx: VendorContext) => string> = {
		'/send/ssend.asp': single,
		'/send/gsend.asp': group,
		'/send/getfee.asp': balance,
		'/send/cpwd.asp': password,
		'/send/readsms.asp': readReply,
	};

	return {
		id: 'chinaSms',
		requestCharset: () => 'gbk',
		responseCharset: () => 'gbk',
		handle(req: SimRequest, ctx: VendorContext): SimResponse {
			const path = req.path.toLowerCase();
			const handler = handlers[path];
			if (!handler) return { status: 404, body: NOT_FOUND, contentType: 'text/html' };
			const replay = verbatim.get(path)?.shift();
			// Classic ASP: text/html, no charset declared; the bytes are GBK.
			return { body: replay ?? handler(req, ctx), contentType: 'text/html' };
		},
		queueReply(reply: SimReply): void {
			queue.push({ kind: 'reply', reply });
		},
		queueRaw(kind: 'reply' | 'report', raw: string): void {
			if (kind !== 'reply') throw new Error('china-sms has no delivery reports');
			queue.push({ kind: 'raw', raw });
		},
		sent: () => [...sentMessages],
		/** §6: GET to the user's URL with src, dst, msg, mo in GBK; the user answers `0`. */
		pushRequest(kind, event) {
			if (kind !== 'reply') return null;
			const r = event as SimReply;
			return {
				method: 'GET',
				in: 'query',
				charset: 'gbk',
				params: [
					['src', r.mobile],
					['dst', r.destination ?? CHINA_SMS_SIM.serviceCode + (r.extno ?? '')],
					['msg', r.text],
					['mo', r.id ?? String(nextReplyId++)],
				],
			};
		},
		pending: () => ({ replies: queue.length, reports: 0 }),
		reset,
		answerNext(path: string, body: string): void {
			const key = path.toLowerCase();
			verbatim.set(key, [...(verbatim.get(key) ?? []), body]);
		},
	};
}
