/** Calling 18SMS: answers whose first line is not `resptime,status`, an HTML page, a cut-off answer. */
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { sms18 } from '../../../../nodes/gateways/sms18';
import { failure, useSimulator } from '../../../support/simulator';
import { ctx, documentClock, stubCtx } from './helpers';

const sim = useSimulator(documentClock);

describe('answers it does not recognise', () => {
	it.each([
		['the format line itself', 'resptime,respstatus\n\n\nmsgid'],
		['garbage', 'Hello world'],
		['an empty body', ''],
	])('send: %s', async (_, body) => {
		const error = await failure(sms18.send!(stubCtx(body), { recipients: ['13800138000'], message: 'a' }), TransportError);
		expect([error.failure, error.mayHaveReached]).toEqual(['unexpected', true]);
	});

	it('an HTML error page from the simulator', async () => {
		sim().fault('sms18', { type: 'htmlError' });
		const error = await failure(sms18.send!(ctx(sim()), { recipients: ['13800138000'], message: 'a' }), TransportError);
		expect(error.failure).toBe('unexpected');
		expect(error.message).toMatch(/^18SMS \(18sms\.com\): unexpected response to send: "<!DOCTYPE html>/);
	});

	it('a truncated answer is a broken connection that may have reached the gateway', async () => {
		sim().fault('sms18', { type: 'truncated' });
		const error = await failure(sms18.send!(ctx(sim()), { recipients: ['13800138000'], message: 'a' }), TransportError);
		expect([error.failure, error.mayHaveReached]).toEqual(['reset', true]);
		expect(sim().sent('sms18')).toHaveLength(1);
		expect(JSON.stringify(error) + error.message).not.toContain('Sd123456');
	});
});
