/** Status reports (seed 004 §4 /v2statusApi.aspx action=query): up to statusNum boxes per call. */
import type { GatewayContext } from '../kit/adapter';
import { parseChinaTime } from '../kit/chinaTime';
import type { DeliveryReport, FetchPage } from '../kit/model';
import type { Box } from './boxes';
import { fetchBoxes, unreadable } from './boxes';
import { sms10692Declaration } from './declaration';

/** seed 004 §4.2: statusNum "每次取得号码数" (default 4000), always sent so that `more` is exact. */
const STATUS_NUM = sms10692Declaration.limits.fetchPageSize!;

function reportFrom(box: Box): DeliveryReport {
	const base = { type: 'report' as const, messageId: null, mobile: null, status: 'unknown' as const, vendorStatus: null, reportedAt: null, extno: null, linkId: null };
	const f = box.fields;
	if (!f) return { ...base, ...unreadable(box.xml, 'the status box is not well-formed XML') };
	const absent = ['mobile', 'status'].filter((k) => !f[k]);
	return {
		type: 'report',
		messageId: f.taskid || null,
		mobile: f.mobile || null,
		// seed 004 §4.3: 10 = 发送成功, 20 = 发送失败; <errorcode> is the upstream gateway's value.
		status: f.status === '10' ? 'delivered' : f.status === '20' ? 'failed' : 'unknown',
		vendorStatus: f.status || null,
		reportedAt: parseChinaTime(f.receivetime),
		extno: f.extno || null,
		linkId: null,
		raw: f,
		...(absent.length ? { parseError: `the status box has no ${absent.join(', ')}` } : {}),
	};
}

export async function fetchReports(ctx: GatewayContext): Promise<FetchPage<DeliveryReport>> {
	return await fetchBoxes(ctx, {
		kind: 'reports',
		what: 'the status report query',
		tag: 'statusbox',
		extra: [['statusNum', String(STATUS_NUM)]],
		event: reportFrom,
		stray: 'unrecognised content in the status report answer',
		more: (boxes) => boxes >= STATUS_NUM,
	});
}
