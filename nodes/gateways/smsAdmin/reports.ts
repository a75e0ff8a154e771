/** Delivery reports (seed 001 §8 report/): up to a page of lines per call, 160 when none is pending. */
import type { GatewayContext } from '../kit/adapter';
import { parseChinaTime } from '../kit/chinaTime';
import type { DeliveryReport, FetchPage } from '../kit/model';
import { smsAdminReportStatus } from './errors';
import { fetchLines, rawFields, splitLine } from './lines';

/** §8 lines `手机号/日期/流水号/状态值/子码`; 流水号 is the send's linkid (or one the gateway made). */
export function parseReportLine(line: string): DeliveryReport {
	const { fields, problems } = splitLine(line);
	const vendorStatus = fields ? fields.value.trim() : null;
	const report: DeliveryReport = {
		type: 'report',
		messageId: fields?.linkId || null,
		mobile: fields?.mobile || null,
		status: vendorStatus === null ? 'unknown' : smsAdminReportStatus(vendorStatus),
		vendorStatus: vendorStatus || null,
		reportedAt: parseChinaTime(fields?.time),
		extno: fields?.subCode || null,
		linkId: fields?.linkId || null,
		raw: fields ? { ...rawFields(fields, 'status'), line } : { line },
	};
	if (problems.length) report.parseError = problems.join('; ');
	return report;
}

export async function fetchReports(ctx: GatewayContext): Promise<FetchPage<DeliveryReport>> {
	return await fetchLines(ctx, 'reports', parseReportLine);
}
