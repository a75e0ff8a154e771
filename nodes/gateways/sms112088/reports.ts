/** Delivery reports (seed 002 §1.1.2 get_report_txt.asp): `批次编号;号码;状态` records, up to a page per call. */
import type { GatewayContext } from '../kit/adapter';
import { flagMismatch } from '../kit/charsetMismatch';
import type { DeliveryReport, DeliveryStatus, FetchPage } from '../kit/model';
import { sms112088Declaration } from './declaration';
import { fetchRecords } from './list';

/** seed 002 §1.1.2: "最大返回 100 条" (the declaration's page size). */
const REPORT_PAGE = sms112088Declaration.limits.fetchPageSize!;

const REPORT_STATUS: Record<string, DeliveryStatus> = { '10': 'delivered', '20': 'failed', '-1': 'unknown' };
/** seed 002 §1.1.2: 批次编号;号码;状态 (a `,` is accepted too, as in the reply example). */
const REPORT_RECORD = /^\s*([^;,\s]+)\s*[;,]\s*(\+?\d+)\s*[;,]\s*(-?\d+)\s*$/;

function reportEvent(record: string): DeliveryReport {
	const m = REPORT_RECORD.exec(record);
	const base = { type: 'report' as const, extno: null, linkId: null, reportedAt: null };
	if (!m) {
		return { ...base, messageId: null, mobile: null, status: 'unknown', vendorStatus: null, raw: { record }, parseError: 'not in the documented "id;number;status" shape' };
	}
	return {
		...base,
		messageId: m[1],
		mobile: m[2],
		status: REPORT_STATUS[m[3]] ?? 'unknown',
		vendorStatus: m[3],
		raw: { smsId: m[1], mobile: m[2], status: m[3] },
	};
}

export async function fetchReports(ctx: GatewayContext): Promise<FetchPage<DeliveryReport>> {
	return await fetchRecords(ctx, 'reports', REPORT_PAGE, (list) =>
		list.pieces.filter((p) => p.trim() !== '').map((p) => flagMismatch(reportEvent(p), p, list.mismatch)),
	);
}
