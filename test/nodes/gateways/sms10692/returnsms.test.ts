/** Bodies no SMS10692 call accepts as a `<returnsms>` answer: each is an unexpected response. */
import type { GatewayContext } from '../../../../nodes/gateways/kit/adapter';
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { sms10692 } from '../../../../nodes/gateways/sms10692';
import { failure } from '../../../support/simulator';
import { stubCtx } from './helpers';

it.each([
	['an HTML page', '<html><body>Server Error in \'/\' Application.</body></html>'],
	['garbage', 'Hello'],
	['truncated XML', '<?xml version="1.0" encoding="utf-8" ?>\n<returnsms>\n<statusbox>\n<mobile>1502'],
	['a DOCTYPE (never processed)', '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x "y">]><returnsms>&x;</returnsms>'],
	['an empty body', ''],
	// Read in one pass: a pattern with two runs of optional blank space took minutes on this.
	['1 MB of blank space', ' '.repeat(1_000_000)],
])('%s', async (_, body) => {
	for (const call of [
		(c: GatewayContext) => sms10692.fetchReports!(c),
		(c: GatewayContext) => sms10692.getBalance!(c),
		(c: GatewayContext) => sms10692.send!(c, { recipients: ['15023239810'], message: 'x' }),
		(c: GatewayContext) => sms10692.checkContent!(c, 'x'),
	]) {
		const error = await failure(call(stubCtx(body)), TransportError);
		expect(error.failure).toBe('unexpected');
	}
});
