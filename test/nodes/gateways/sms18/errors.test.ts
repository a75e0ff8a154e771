/** 18SMS report statuses (seed 003 状态报告值), as pushed reports carry them. */
import { sms18ReportStatus } from '../../../../nodes/gateways/sms18/errors';

describe('pushed report statuses', () => {
	it('normalises every documented status value', () => {
		const failed = ['MBBLACK', 'NOROUTE', 'ROUTEERR', 'REJECT', 'DISTURB', 'EMSERR', 'SIGNERR', 'KEYWORD', 'WHITESMS', 'CMPP20ERR:005',
			'SMGPERR:12', 'SGIPERR:1', 'CMPPRESP:8', 'SY1RESP:-9', 'DB:0141', 'ID:0103', 'ID:0102', 'ID:0101', 'MA:0001', 'MX:0013', '601',
			'GL:0000', 'ERR:104', 'SIGFAIL'];
		expect(failed.filter((s) => sms18ReportStatus(s) !== 'failed')).toEqual([]);
		expect([sms18ReportStatus('DELIVRD'), sms18ReportStatus('UNDELIV'), sms18ReportStatus(''), sms18ReportStatus(null)]).toEqual([
			'delivered',
			'unknown',
			'unknown',
			'unknown',
		]);
	});
});
