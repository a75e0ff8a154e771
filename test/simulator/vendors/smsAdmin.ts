/**
 * SMSAdmin (通用短信平台, smsadmin.cn) as seed 001 describes it: every endpoint under
 * /smsmarketing/wwwroot/api/, GB2312 parameters (query for GET endpoints, form body for POST ones)
 * and GB2312 plain-text answers, worded as the document words them (`0 发送成功!`).
 *
 * How tests trigger each documented answer:
 * - 1: a wrong uid/pwd; the plain password at an `_md5` endpoint or post_send_ddt/, or the MD5 at a
 *   plain send endpoint. user_info, mgz, reve and report accept the password or its MD5 (the
 *   package's unverified assumption for MD5 credentials, which hold nothing else).
 * - 2 / 4 / 8: a recipient SMSADMIN_SIM.noBalance / .notAllowed / .frozen (13800000002 / …04 / …08).
 * - 3: more than 100 numbers by GET, more than 1000 by POST or 点点通 groups.
 * - 5: an empty mobile or msg (params or msg at 点点通).
 * - 7: a message longer than SMSADMIN_SIM.channelMaxChars (300) characters, `7 超过 300 个字,…`.
 * - mgz: messages holding SMSADMIN_SIM.sensitiveWords; user_info: 剩余资费 = SMSADMIN_SIM.balance.
 * - 150 / 160: an empty reply / report queue; queues hand out at most 20 lines per call.
 */
import { md5Hex } from '../../../nodes/gateways/kit/auth';
import { decodePairs, encodeText, percentDecode, unencodableCharacters } from '../../../nodes/gateways/kit/charset';
import { formatChinaTime } from '../../../nodes/gateways/kit/chinaTime';
import type { PushRequestSpec, QueuedEvent, SentMessage, SimReply, SimReport, SimRequest, SimResponse, VendorContext, VendorModule } from '../types';

export const SMSADMIN_SIM = {
	apiPath: '/smsmarketing/wwwroot/api/',
	noBalance: '13800000002',
	notAllowed: '13800000004',
	frozen: '13800000008',
	channelMaxChars: 300,
	sensitiveWords: ['发票', '代开', '赌博'],
	balance: '1000',
	pageSize: 20,
	spacingMs: 5000,
} as const;

const TEXT = {
	ok: '0 发送成功!',
	auth: '1 用户名或密码错误!',
	noBalance: '2 余额不足!',
	tooMany: (limit: number) => `3 超过发送最大量 ${limit} 条`,
	notAllowed: '4 此用户不允许发送!',
	empty: '5 手机号或发送信息不能为空!',
	tooLong: (max: number) => `7 超过 ${max} 个字,请修改后发送!`,
	frozen: '8 用户已冻结, 请联系客服人员!',
	noReplies: '150',
	noReports: '160',
};

type PwdForm = 'plain' | 'md5' | 'either';

interface SendEndpoint {
	method: 'GET' | 'POST';
	limit: number;
	pwd: PwdForm;
	/** Parameters the gateway url-decodes once more (§2 地址 3: msg; §3 地址 3: uid and msg). */
	urldecode: string[];
}

const SEND_ENDPOINTS: Record<string, SendEndpoint> = {
	get_send: { method: 'GET', limit: 100, pwd: 'plain', urldecode: [] },
	get_send_md5: { method: 'GET', limit: 100, pwd: 'md5', urldecode: [] },
	get_send_urldecode: { method: 'GET', limit: 100, pwd: 'plain', urldecode: ['msg'] },
	post_send: { method: 'POST', limit: 1000, pwd: 'plain', urldecode: [] },
	post_send_md5: { method: 'POST', limit: 1000, pwd: 'md5', urldecode: [] },
	post_send_urldecode: { method: 'POST', limit: 1000, pwd: 'plain', urldecode: ['uid', 'msg'] },
};

type Queued = { raw: string } | { reply: SimReply } | { report: SimReport };

/** PHP urlencode of GB2312 bytes (reve_urlencode/): alphanumerics and -_. stay, space is `+`. */
function phpUrlencode(text: string): string {
	let out = '';
	for (const byte of encodeText(text, 'gb2312')) {
		const ch = String.fromCharCode(byte);
		if (/[A-Za-z0-9\-_.]/.test(ch)) out += ch;
		else if (byte === 0x20) out += '+';
		else out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
	}
	return out;
}

/** A GB2312-only gateway cannot read GBK-only characters: they arrive as `?`. */
function asGb2312(text: string): string {
	const bad = new Set(unencodableCharacters(text, 'gb2312'));
	return bad.size ? [...text].map((ch) => (bad.has(ch) ? '?' : ch)).join('') : text;
}

function length(text: string): number {
	return [...text].length; // §2: 一个英文字符和汉字占相同字数
}

function chinaNow(): string {
	return formatChinaTime(new Date(), 'yyyy-MM-dd HH:mm:ss');
}

export function createSmsAdmin(account: Record<string, string>): VendorModule {
	const md5 = md5Hex(account.password);
	let sent: SentMessage[] = [];
	let replies: Queued[] = [];
	let reports: Queued[] = [];
	let serial = 900000;

	/** Parameters where the endpoint reads them: the query of GET endpoints, the form of POST ones. */
	function paramsOf(req: SimRequest, method: 'GET' | 'POST'): (name: string) => string | undefined {
		const source = method === 'GET' ? req.rawQuery : req.body.toString('latin1');
		const pairs = decodePairs(source, 'gb2312');
		return (name) => pairs.find(([k]) => k.trim() === name)?.[1];
	}

	function authorised(uid: string | undefined, pwd: string | undefined, form: PwdForm): boolean {
		if (uid !== account.userId || pwd === undefined) return false;
		if (form === 'plain') return pwd === account.password;
		if (form === 'md5') return pwd === md5;
		return pwd === account.password || pwd === md5;
	}

	/** The first refusal a batch of messages earns, or null (seed 001 §2–§4 return codes). */
	function refusal(numbers: string[], messages: string[], limit: number): string | null {
		if (numbers.length > limit) return TEXT.tooMany(limit);
		const longest = Math.max(0, ...messages.map(length));
		if (longest > SMSADMIN_SIM.channelMaxChars) return TEXT.tooLong(SMSADMIN_SIM.channelMaxChars);
		if (numbers.includes(SMSADMIN_SIM.notAllowed)) return TEXT.notAllowed;
		if (numbers.includes(SMSADMIN_SIM.frozen)) return TEXT.frozen;
		if (numbers.includes(SMSADMIN_SIM.noBalance)) return TEXT.noBalance;
		return null;
	}

	function record(mobile: string, message: string, sendAt: string | undefined, linkId: string | undefined): void {
		sent.push({
			gateway: 'smsAdmin',
			mobile,
			message,
			messageId: linkId || String(++serial),
			sendAt: sendAt || null,
			extno: null,
			linkId: linkId || null,
			product: null,
			at: Date.now(),
		});
	}

	function sendSms(req: SimRequest, endpoint: SendEndpoint): string {
		const get = paramsOf(req, endpoint.method);
		const decoded = (name: string) => {
			const value = get(name);
			return value !== undefined && endpoint.urldecode.includes(name) ? percentDecode(value, 'gb2312') : value;
		};
		if (!authorised(decoded('uid'), get('pwd'), endpoint.pwd)) return TEXT.auth;
		const msg = asGb2312(decoded('msg') ?? '');
		const listed = (get('mobile') ?? '').split(';').map((n) => n.trim()).filter((n) => n.length > 0);
		if (!msg || listed.length === 0) return TEXT.empty;
		const problem = refusal(listed, [msg], endpoint.limit);
		if (problem) return problem;
		// The document's example URL spells dtime `dttime` and linkid `linked`: both are read.
		const sendAt = get('dtime') ?? get('dttime');
		const linkId = get('linkid') ?? get('linked');
		for (const mobile of new Set(listed)) record(mobile, msg, sendAt, linkId); // v1.0.3: 手机号码排重
		return TEXT.ok;
	}

	/** §4 点点通: msg is a template, params `number,v…;number,v…`, both url-encoded once more. */
	function sendTemplate(req: SimRequest): string {
		const get = paramsOf(req, 'POST');
		if (!authorised(get('uid'), get('pwd'), 'md5')) return TEXT.auth;
		const template = asGb2312(percentDecode(get('msg') ?? '', 'gb2312'));
		const groups = percentDecode(get('params') ?? '', 'gb2312').split(';').filter((g) => g.trim().length > 0);
		if (!template || groups.length === 0) return TEXT.empty;
		let arity = 0;
		for (const m of template.matchAll(/\{value(\d+)\}/g)) arity = Math.max(arity, Number(m[1]) + 1);
		// {valueN} is field N of a group, the number being field 0 (the document's example); groups of
		// another shape are dropped silently ("格式不符的参数, 系统自动过滤掉").
		const rows = groups
			.map((g) => g.split(',').map((f) => f.trim()))
			.filter((fields) => /^\d+$/.test(fields[0]) && fields.length === Math.max(1, arity))
			.map((fields) => ({ mobile: fields[0], message: asGb2312(template.replace(/\{value(\d+)\}/g, (_, n: string) => fields[Number(n)])) }));
		const problem = refusal(groups.map((g) => g.split(',')[0].trim()), rows.map((r) => r.message), 1000);
		if (problem) return problem;
		const sendAt = get('dtime') ?? get('dttime');
		const linkId = get('linkid') ?? get('linked');
		for (const row of rows) record(row.mobile, row.message, sendAt, linkId);
		return TEXT.ok;
	}

	function renderReply(item: Queued, urlencoded: boolean): string {
		if ('raw' in item) return item.raw;
		const r = (item as { reply: SimReply }).reply;
		const text = urlencoded ? phpUrlencode(r.text) : r.text;
		return `${r.mobile}/${r.receivedAt ?? chinaNow()}/${r.linkId ?? ''}/${text}/${r.extno ?? ''}`;
	}

	function renderReport(item: Queued): string {
		if ('raw' in item) return item.raw;
		const r = (item as { report: SimReport }).report;
		return `${r.mobile}/${r.reportedAt ?? chinaNow()}/${r.linkId ?? r.messageId ?? ''}/${r.vendorStatus ?? 'DELIVRD'}/${r.extno ?? ''}`;
	}

	/** §7/§8: at most 20 lines per call, each ended by \n; each event is handed out once. */
	function take(queue: Queued[], render: (item: Queued) => string, nothing: string): string {
		const page = queue.splice(0, SMSADMIN_SIM.pageSize);
		return page.length ? page.map((item) => `${render(item)}\n`).join('') : nothing;
	}

	function handle(req: SimRequest, ctx: VendorContext): SimResponse {
		if (!req.path.startsWith(SMSADMIN_SIM.apiPath) || !req.path.endsWith('/')) return { status: 404, body: 'Not Found' };
		const name = req.path.slice(SMSADMIN_SIM.apiPath.length, -1);
		const sendEndpoint = SEND_ENDPOINTS[name];
		if (sendEndpoint) return { body: sendSms(req, sendEndpoint) };
		if (name === 'post_send_ddt') return { body: sendTemplate(req) };
		const get = paramsOf(req, 'GET');
		const uid = name === 'user_info_urldecode' ? percentDecode(get('uid') ?? '', 'gb2312') : get('uid');
		const known = ['user_info', 'user_info_urldecode', 'mgz', 'reve', 'reve_urlencode', 'report'];
		if (!known.includes(name)) return { status: 404, body: 'Not Found' };
		if (!authorised(uid, get('pwd'), 'either')) return { body: TEXT.auth };
		switch (name) {
			case 'mgz': {
				const msg = get('msg') ?? '';
				const words = SMSADMIN_SIM.sensitiveWords.filter((w) => msg.includes(w));
				return { body: words.length ? `敏感字:${words.map((w) => `${w};`).join('')}` : '不含敏感字' };
			}
			case 'reve':
			case 'reve_urlencode':
				ctx.noteSpacedCall('replies', SMSADMIN_SIM.spacingMs);
				return { body: take(replies, (item) => renderReply(item, name === 'reve_urlencode'), TEXT.noReplies) };
			case 'report':
				ctx.noteSpacedCall('reports', SMSADMIN_SIM.spacingMs);
				return { body: take(reports, renderReport, TEXT.noReports) };
			default:
				return { body: `用户 ID=${uid} 剩余资费=${SMSADMIN_SIM.balance}` };
		}
	}

	/** §9 Class=mo and §10 Class=rpt: POST form, GB2312, to the URL the customer registered. */
	function pushRequest(kind: 'reply' | 'report', event: QueuedEvent): PushRequestSpec {
		const base: Array<[string, string]> = [['SmsName', account.userId], ['Mobile', event.mobile]];
		if (kind === 'reply') {
			const r = event as SimReply;
			return {
				method: 'POST',
				in: 'body',
				charset: 'gb2312',
				params: [['Class', 'mo'], ...base, ['Message', r.text], ['LinkId', r.linkId ?? ''], ['RevertTime', r.receivedAt ?? chinaNow()]],
			};
		}
		const r = event as SimReport;
		return {
			method: 'POST',
			in: 'body',
			charset: 'gb2312',
			params: [
				['Class', 'rpt'],
				...base,
				['LinkId', r.linkId ?? r.messageId ?? ''],
				['Report', r.vendorStatus ?? 'DELIVRD'],
				['ReportTime', r.reportedAt ?? chinaNow()],
			],
		};
	}

	return {
		id: 'smsAdmin',
		requestCharset: () => 'gb2312',
		responseCharset: () => 'gb2312',
		handle,
		queueReply: (reply) => void replies.push({ reply: { ...reply, receivedAt: reply.receivedAt ?? chinaNow() } }),
		queueReport: (report) => void reports.push({ report: { ...report, reportedAt: report.reportedAt ?? chinaNow() } }),
		queueRaw: (kind, raw) => void (kind === 'reply' ? replies : reports).push({ raw }),
		sent: () => [...sent],
		pushRequest,
		pending: () => ({ replies: replies.length, reports: reports.length }),
		reset: () => {
			sent = [];
			replies = [];
			reports = [];
			serial = 900000;
		},
	};
}
