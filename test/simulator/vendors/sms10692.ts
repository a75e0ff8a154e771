/**
 * SMS10692 (sms10692.com), seed 004: form posts to /v2sms.aspx (UTF-8) and /v2smsGBK.aspx (read
 * as GBK, answered in GBK with an `encoding="gb2312"` prolog), /v2statusApi.aspx and
 * /v2callApi.aspx; XML answers laid out like the document's. Every call is checked for
 * `userid`, `timestamp` and `sign` = md5(account + password + timestamp), lowercase; `sign ` with
 * the document's stray space is read too. Parameters are read from the form body only (POST).
 *
 * A timestamp more than `maxSkewMs` (default 10 minutes) from the simulator's clock is refused
 * like a wrong sign (`用户名或密码错误`): the document names no other answer. Tests that use the
 * document's own timestamp 20120701231212 fix the clock with configure({ clock }).
 *
 * How a test triggers each documented answer:
 *   用户名或密码不能为空 / error 1     userid, timestamp or sign missing (or a GET request)
 *   用户名或密码错误 / error 2         wrong userid or sign, or a timestamp too far from the clock
 *   error 3 (no permission)           configure({ queriesAllowed: false })
 *   error 4 (parameters)              action other than `query`, or a statusNum that is no number
 *   短信号码不能为空 / 短信内容不能为空  empty mobile / content
 *   发送内容包含sql注入字符            content such as `' or '1'='1`, `;drop table`, `exec(`
 *   包含非法字符：…                    content with an illegal word (default "违禁词"; configure({ illegalWords }))
 *   对不起，您当前要发送的量大于您当前余额  numbers × parts above the prepaid balance (configure({ balance }))
 *   其他错误                           failNext('send' | 'overage', '其他错误'); also (our assumption, the
 *                                      document names no answer) an extno that is not ≤10 digits
 *                                      or a sendTime not `yyyy-MM-dd HH:mm:ss`
 *   failNext(endpoint, …) answers any message (send, overage, checkkeyword) or error code (reports, replies) once.
 * Nothing pending: an empty `<returnsms/>`. statusNum (default 4000) caps the status boxes per call.
 */
import { md5Hex } from '../../../nodes/gateways/kit/auth';
import { formatChinaTime } from '../../../nodes/gateways/kit/chinaTime';
import { countSegments } from '../../../nodes/gateways/kit/segments';
import type { SentMessage, SimReply, SimReport, SimRequest, SimResponse, VendorContext, VendorModule } from '../types';

export const SMS10692_PATHS = {
	utf8: '/v2sms.aspx',
	gbk: '/v2smsGBK.aspx',
	reports: '/v2statusApi.aspx',
	replies: '/v2callApi.aspx',
} as const;
/** The first taskID the simulator gives (the document's report example uses 1212). */
export const SMS10692_FIRST_TASK_ID = 1212;

type Endpoint = 'send' | 'overage' | 'checkkeyword' | 'reports' | 'replies';

export interface Sms10692SimOptions {
	clock: (() => Date) | null;
	maxSkewMs: number;
	/** Prepaid balance in points (one per message part). */
	balance: number;
	/** 预付费 (prepaid: sends above the balance are refused) or 后付费. */
	payinfo: '预付费' | '后付费';
	illegalWords: string[];
	queriesAllowed: boolean;
}

export interface Sms10692Sim extends VendorModule {
	configure(options: Partial<Sms10692SimOptions>): void;
	/** The next call to the endpoint answers this `<message>` text (or `<error>` code) instead. */
	failNext(endpoint: Endpoint, answer: string | number): void;
}

const defaults = (): Sms10692SimOptions => ({
	clock: null,
	maxSkewMs: 10 * 60 * 1000,
	balance: 10_000,
	payinfo: '预付费',
	illegalWords: ['违禁词'],
	queriesAllowed: true,
});

const SQL_INJECTION = [/'\s*or\s*'1'\s*=\s*'1/i, /;\s*(drop|delete|truncate)\s+table/i, /\bexec\s*\(/i];

type Queued = { kind: 'event'; event: SimReport | SimReply } | { kind: 'raw'; xml: string };

function escapeXml(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** `yyyyMMddHHmmss` as China time → epoch ms, or null. */
function parseTimestamp(ts: string): number | null {
	const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(ts);
	if (!m) return null;
	const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4] - 8, +m[5], +m[6]);
	return Number.isNaN(ms) ? null : ms;
}

export function createSms10692(account: Record<string, string>): Sms10692Sim {
	let options = defaults();
	let sentMessages: SentMessage[] = [];
	let failures: Array<{ endpoint: Endpoint; answer: string | number }> = [];
	let reports: Queued[] = [];
	let replies: Queued[] = [];
	let nextTaskId = SMS10692_FIRST_TASK_ID;
	let sendTotal = 0;
	const lastTaskOf = new Map<string, string>();

	function takeFailure(endpoint: Endpoint): string | number | null {
		const i = failures.findIndex((f) => f.endpoint === endpoint);
		return i < 0 ? null : failures.splice(i, 1)[0].answer;
	}

	function handle(req: SimRequest, ctx: VendorContext): SimResponse {
		const now = options.clock?.() ?? ctx.now();
		const gbk = req.path === SMS10692_PATHS.gbk;
		const xml = (inner: string): SimResponse => ({
			body: `<?xml version="1.0" encoding="${gbk ? 'gb2312' : 'utf-8'}" ?>\n${inner ? `<returnsms>\n${inner}</returnsms>` : '<returnsms/>'}\n`,
			charset: gbk ? 'gbk' : 'utf8',
			contentType: 'text/xml',
		});
		// Request.Form: a GET carries no parameters the pages read.
		const get = (name: string) => (req.method === 'POST' ? req.get(name) : undefined);
		const login = (): 'empty' | 'bad' | null => {
			const [userid, timestamp, sign] = [get('userid'), get('timestamp'), get('sign')];
			if (!userid || !timestamp || !sign) return 'empty';
			const at = parseTimestamp(timestamp);
			if (userid !== account.userId || at === null || Math.abs(at - now.getTime()) > options.maxSkewMs) return 'bad';
			return sign === md5Hex(account.account + account.password + timestamp) ? null : 'bad';
		};
		const loginText = { empty: '用户名或密码不能为空', bad: '用户名或密码错误' };

		if (req.path === SMS10692_PATHS.reports || req.path === SMS10692_PATHS.replies) {
			const endpoint = req.path === SMS10692_PATHS.reports ? 'reports' : 'replies';
			const error = (code: number | string, remark: string) =>
				xml(`<errorstatus>\n<error>${code}</error>\n<remark>${remark}</remark>\n</errorstatus>\n`);
			const failed = login();
			if (failed) return error(failed === 'empty' ? 1 : 2, loginText[failed]);
			const failure = takeFailure(endpoint);
			if (failure !== null) return error(failure, `simulated error ${failure}`);
			if (!options.queriesAllowed) return error(3, '该用户不允许查看状态报告');
			const statusNum = get('statusNum');
			if (get('action') !== 'query' || (endpoint === 'reports' && statusNum && !/^\d+$/.test(statusNum))) {
				return error(4, '参数不正确');
			}
			const queue = endpoint === 'reports' ? reports : replies;
			const take = endpoint === 'reports' ? Math.max(Number(statusNum || 4000), 1) : queue.length;
			const handed = queue.splice(0, take);
			return xml(handed.map((item) => render(endpoint, item, now)).join(''));
		}

		if (req.path !== SMS10692_PATHS.utf8 && !gbk) return { status: 404, body: 'The resource cannot be found.' };
		const action = get('action');
		const endpoint: Endpoint = action === 'overage' ? 'overage' : action === 'checkkeyword' ? 'checkkeyword' : 'send';
		const failed = login();
		const failure = failed ? loginText[failed] : takeFailure(endpoint);
		if (endpoint === 'checkkeyword') {
			const content = get('content') ?? '';
			// seed 004 §3.3: the answer is a message only, and names no words.
			const said = failure ?? (options.illegalWords.some((w) => content.includes(w)) ? '包含非法字符' : '没有包含屏蔽词');
			return xml(`<message>${escapeXml(String(said))}</message>\n`);
		}
		if (endpoint === 'overage') {
			if (failure !== null) {
				return xml(`<returnstatus>Faild</returnstatus>\n<message>${escapeXml(String(failure))}</message>\n<payinfo></payinfo>\n<overage>0</overage>\n<sendTotal>0</sendTotal>\n`);
			}
			return xml(
				`<returnstatus>Sucess</returnstatus>\n<message></message>\n<payinfo>${options.payinfo}</payinfo>\n` +
					`<overage>${options.balance}</overage>\n<sendTotal>${options.balance + sendTotal}</sendTotal>\n`,
			);
		}
		if (action !== 'send') return xml(faild(failed ? loginText[failed] : '其他错误'));
		return xml(sendAnswer(failure, now));

		function faild(message: string): string {
			return `<returnstatus>Faild</returnstatus>\n<message>${escapeXml(message)}</message>\n<remainpoint>0</remainpoint>\n<taskID>0</taskID>\n<successCounts>0</successCounts>\n`;
		}

		function sendAnswer(failure: string | number | null, at: Date): string {
			if (failure !== null) return faild(String(failure));
			const mobiles = (get('mobile') ?? '').split(',').filter((m) => m.length > 0);
			const content = get('content') ?? '';
			const extno = get('extno') ?? '';
			const sendTime = get('sendTime') ?? '';
			if (mobiles.length === 0) return faild('短信号码不能为空');
			if (!content) return faild('短信内容不能为空');
			if (SQL_INJECTION.some((p) => p.test(content))) return faild('发送内容包含sql注入字符');
			const words = options.illegalWords.filter((w) => content.includes(w));
			if (words.length) return faild(`包含非法字符：${words.join(',')}`);
			if (extno && !/^\d{1,10}$/.test(extno)) return faild('其他错误');
			if (sendTime && !/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(sendTime)) return faild('其他错误');
			const cost = mobiles.length * countSegments(content);
			if (options.payinfo === '预付费' && cost > options.balance) return faild('对不起，您当前要发送的量大于您当前余额');
			options.balance -= cost;
			sendTotal += cost;
			const taskId = String(nextTaskId++);
			for (const mobile of mobiles) {
				lastTaskOf.set(mobile, taskId);
				sentMessages.push({
					gateway: 'sms10692',
					mobile,
					message: content,
					messageId: taskId,
					sendAt: sendTime || null,
					extno: extno || null,
					linkId: null,
					product: null,
					at: at.getTime(),
				});
			}
			return (
				`<returnstatus>Success</returnstatus>\n<message>ok</message>\n<remainpoint>${options.balance}</remainpoint>\n` +
				`<taskID>${taskId}</taskID>\n<successCounts>${mobiles.length}</successCounts>\n`
			);
		}
	}

	function render(endpoint: 'reports' | 'replies', item: Queued, now: Date): string {
		if (item.kind === 'raw') return item.xml;
		const time = formatChinaTime(now, 'yyyy-MM-dd HH:mm:ss');
		if (endpoint === 'reports') {
			const r = item.event as SimReport;
			const status = r.vendorStatus ?? '10';
			const fields: Array<[string, string]> = [
				['mobile', r.mobile],
				['taskid', r.messageId ?? lastTaskOf.get(r.mobile) ?? '0'],
				['status', status],
				['receivetime', r.reportedAt ?? time],
				['errorcode', r.errorCode ?? (status === '10' ? 'DELIVRD' : '')],
				['extno', r.extno ?? ''],
			];
			return box('statusbox', fields);
		}
		const r = item.event as SimReply;
		return box('callbox', [
			['mobile', r.mobile],
			['taskid', r.id ?? lastTaskOf.get(r.mobile) ?? '0'],
			['content', r.text],
			['receivetime', r.receivedAt ?? time],
			['extno', r.extno ?? ''],
		]);
	}

	function box(tag: string, fields: Array<[string, string]>): string {
		return `<${tag}>\n${fields.map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>\n`).join('')}</${tag}>\n`;
	}

	return {
		id: 'sms10692',
		requestCharset: (path) => (path === SMS10692_PATHS.gbk ? 'gbk' : 'utf8'),
		responseCharset: (path) => (path === SMS10692_PATHS.gbk ? 'gbk' : 'utf8'),
		handle,
		queueReport: (report) => {
			reports.push({ kind: 'event', event: report });
		},
		queueReply: (reply) => {
			replies.push({ kind: 'event', event: reply });
		},
		queueRaw: (kind, xml) => {
			(kind === 'report' ? reports : replies).push({ kind: 'raw', xml });
		},
		sent: () => [...sentMessages],
		pending: () => ({ replies: replies.length, reports: reports.length }),
		configure: (changes) => {
			options = { ...options, ...changes };
		},
		failNext: (endpoint, answer) => {
			failures.push({ endpoint, answer });
		},
		reset: () => {
			options = defaults();
			sentMessages = [];
			failures = [];
			reports = [];
			replies = [];
			nextTaskId = SMS10692_FIRST_TASK_ID;
			sendTotal = 0;
			lastTaskOf.clear();
		},
	};
}
