/**
 * Over real HTTP: the simulator pushes each vendor's requests (its own bytes, methods and
 * headers) to a loopback server that hands them to webhook() the way n8n's server does.
 */
import { pushTrigger } from '../../../support/nodes';
import { startWebhookServer } from '../../../harness/webhook';
import type { WebhookServer } from '../../../harness/webhook';
import { startSimulator } from '../../../simulator';
import type { Simulator } from '../../../simulator';
import type { Sms18Sim } from '../../../simulator/vendors/sms18';

const node = (gateway: string) => pushTrigger(gateway as never);
let sim: Simulator;
const servers: WebhookServer[] = [];

beforeAll(async () => {
	sim = await startSimulator();
});
afterAll(async () => {
	await sim.close();
});
afterEach(async () => {
	sim.reset();
	await Promise.all(servers.splice(0).map(async (s) => await s.close()));
});

async function serve(parameters: Record<string, unknown>): Promise<WebhookServer> {
	const server = await startWebhookServer(node, { parameters: parameters as never });
	servers.push(server);
	return server;
}

it('chinaSms: a GBK GET push is answered with the bare 0 and starts one execution', async () => {
	const server = await serve({ gateway: 'chinaSms' });
	const answer = await sim.push('chinaSms', 'reply', { mobile: '13903710009', text: '你好，退订请回0000', id: '888' }, { url: server.url });
	expect(answer).toEqual({ status: 200, body: '0' });
	expect(server.calls).toHaveLength(1);
	expect(server.calls[0].items).toEqual([expect.objectContaining({ gateway: 'chinaSms', id: '888', text: '你好，退订请回0000', unsubscribe: false })]);
});

it('smsAdmin: a GB2312 POST push gets a plain 200', async () => {
	const server = await serve({ gateway: 'smsAdmin', options: { userId: 'smsuser' } });
	const answer = await sim.push('smsAdmin', 'report', { mobile: '13802102102', linkId: '42', vendorStatus: 'DELIVRD', reportedAt: '2026-11-20 10:00:00' }, { url: server.url });
	expect(answer).toEqual({ status: 200, body: '' });
	expect(server.calls[0].items).toEqual([
		expect.objectContaining({ gateway: 'smsAdmin', type: 'report', linkId: '42', status: 'delivered', reportedAt: '2026-11-20T10:00:00+08:00' }),
	]);
	const reply = await sim.push('smsAdmin', 'reply', { mobile: '13802102102', text: '收到，谢谢' }, { url: server.url });
	expect(reply.status).toBe(200);
	expect(server.calls[1].items?.[0]).toMatchObject({ type: 'reply', text: '收到，谢谢' });
});

it('sms18: long-message parts pushed out of order over HTTP are joined on the last one', async () => {
	(sim.vendor('sms18') as Sms18Sim).configure({ push: { receiver: 'admin', pswd: '12345' } });
	const server = await serve({ gateway: 'sms18', options: { receiver: 'admin', password: '12345' } });
	const texts = ['一二三', '四五六', '七八九'];
	for (const n of [2, 3, 1]) {
		const answer = await sim.push('sms18', 'reply', { mobile: '13800210021', text: texts[n - 1], emshead: `77,3,${n}` }, { url: server.url });
		expect(answer).toEqual({ status: 200, body: '' });
	}
	expect(server.calls.map((c) => c.items?.length ?? 0)).toEqual([0, 0, 1]);
	expect(server.calls[2].items?.[0]).toMatchObject({ text: '一二三四五六七八九', incomplete: false, longMessage: { id: '77', total: 3 } });
	expect(server.store.data).toEqual({ 'node:18SMS Trigger': {} });
});

it('refuses with 403 a push from an address outside the allow-list, and with 400 one it cannot read', async () => {
	const server = await serve({ gateway: 'chinaSms', options: { allowedAddresses: '10.0.0.0/8' } });
	expect(await sim.push('chinaSms', 'reply', { mobile: '13903710009', text: 'x' }, { url: server.url })).toEqual({ status: 403, body: '-1' });
	const open = await serve({ gateway: 'sms18' });
	expect(await sim.push('smsAdmin', 'reply', { mobile: '13802102102', text: 'x' }, { url: open.url })).toEqual({ status: 400, body: 'Bad Request' });
	expect([server.calls[0].items, open.calls[0].items]).toEqual([null, null]);
});
