/** Calling SMS10692: the signature follows the clock; an HTML error page and an HTTP error keep no secret. */
import { TransportError } from '../../../../nodes/gateways/kit/errors';
import { sms10692 } from '../../../../nodes/gateways/sms10692';
import { failure, useSimulator } from '../../../support/simulator';
import { ctx, documentClock, lastRequest, vendor } from './helpers';

const sim = useSimulator(documentClock);

it('signs with the current clock: a later time gives another timestamp and sign, still accepted', async () => {
	const later = new Date('2026-11-23T04:05:06Z');
	vendor(sim()).configure({ clock: () => later });
	await sms10692.send!(ctx(sim(), {}, later), { recipients: ['15023239810'], message: 'x' });
	// md5("testmima20261123120506")
	expect(lastRequest(sim()).body.toString()).toContain('&timestamp=20261123120506&sign=e55eb53feb2e1586402f3ab440d275d5&');
});

it('an HTML error page from the simulator, with no secret in the error', async () => {
	sim().fault('sms10692', { type: 'htmlError' });
	const error = await failure(sms10692.getBalance!(ctx(sim())), TransportError);
	expect(error.failure).toBe('unexpected');
	sim().fault('sms10692', { type: 'http500' });
	const http = await failure(sms10692.fetchReports!(ctx(sim())), TransportError);
	expect(http.failure).toBe('http');
	expect(JSON.stringify({ ...http, m: http.message })).not.toMatch(/mima|5cc68982/);
});
