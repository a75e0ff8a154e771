/** Delivery reports (seed 001 §8 report/): up to a page of lines per call, 160 when none is pending. */
import type { GatewayContext } from '../kit/adapter';
import { flagMismatch } from '../kit/charsetMismatch';
import type { CharsetMismatch } from '../kit/charsetMismatch';
import type { DeliveryReport, FetchPage } from '../kit/model';
import { completeLines, salvageFetch } from '../kit/salvage';
import type { TransportResponse } from '../kit/transport';
import { auth, readCall } from './call';
import { SMSADMIN_PATHS } from './declaration';
import { SMSADMIN_NOTHING_PENDING } from './errors';
import { PAGE_SIZE, eventLines, parseReportLine } from './lines';

function reports(lines: string[], mismatch: CharsetMismatch | null): DeliveryReport[] {
	return lines.map((line) => flagMismatch(parseReportLine(line), line, mismatch));
}

export async function fetchReports(ctx: GatewayContext): Promise<FetchPage<DeliveryReport>> {
	const a = auth(ctx);
	let res: TransportResponse;
	try {
		res = await readCall(ctx, a, SMSADMIN_PATHS.reports);
	} catch (error) {
		// A cut-off answer: its complete lines are reports handed out once, kept.
		return salvageFetch(error, 'reports', (text, mismatch) => {
			const { lines, rest } = completeLines(text);
			return { events: reports(lines, mismatch), rest };
		});
	}
	const lines = eventLines(a, res, SMSADMIN_NOTHING_PENDING.reports, 'the report fetch');
	return { events: reports(lines, res.charsetMismatch), more: lines.length >= PAGE_SIZE };
}
