/** The line answers of SMSAdmin's two fetches (seed 001 §7, §8): pages, nothing pending, pages that are no list. */
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { smsAdmin } from '../../../../nodes/gateways/smsAdmin';
import { failure, useSimulator } from '../../../support/simulator';
import { ctxFor } from './helpers';

const sim = useSimulator();

test('a full page says more may be pending', async () => {
	for (let i = 0; i < 21; i++) sim().queueReport('smsAdmin', { mobile: '13800138000' });
	const first = await smsAdmin.fetchReports!(ctxFor(sim(), 'plain'));
	expect([first.events.length, first.more]).toEqual([20, true]);
	const second = await smsAdmin.fetchReports!(ctxFor(sim(), 'plain'));
	expect([second.events.length, second.more]).toEqual([1, false]);
});

test('an HTML page is an unexpected response, not events', async () => {
	sim().fault('smsAdmin', { type: 'htmlError', path: 'report' });
	const error = await failure(smsAdmin.fetchReports!(ctxFor(sim(), 'plain')), TransportError);
	expect(error.failure).toBe('unexpected');
});
