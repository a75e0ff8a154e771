/**
 * Abuse of the push trigger's webhook: forged checks, missing fields, oversized bodies, wrong
 * methods, garbage bytes. Each is refused with the vendor's failure answer (4xx) and starts no
 * execution; the genuine push of the same shape is accepted (so each refusal is the check's doing).
 */
import { randomBytes } from 'node:crypto';

import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { pushTrigger } from '../support/nodes';
import { encodePairs } from '../../nodes/gateways/kit/charset';
import { requestFromPushSpec, runWebhook } from '../harness/webhook';
import type { WebhookRequestSpec } from '../harness/webhook';
import { createVendors } from '../simulator/vendors';
import type { Sms18Sim } from '../simulator/vendors/sms18';
import { SecretScanner, reportFigures } from './kit';

const node = (gateway: string) => pushTrigger(gateway as never);
const vendors = createVendors();
const PUSH_AUTH = { receiver: 'admin', pswd: 's3cret-Pw' };
(vendors.sms18 as Sms18Sim).configure({ push: PUSH_AUTH });
const scanner = new SecretScanner([PUSH_AUTH.pswd]);
const figures = { abusiveRequestsTried: 0, executionsStarted: 0, genuinePushesAccepted: 0 };

type Gateway = 'chinaSms' | 'smsAdmin' | 'sms18';
const OPTIONS: Record<Gateway, IDataObject> = {
	chinaSms: {},
	smsAdmin: { userId: 'smsuser' },
	sms18: { receiver: PUSH_AUTH.receiver, password: PUSH_AUTH.pswd },
};
const REFUSAL_BODY: Record<Gateway, Record<number, string>> = {
	chinaSms: { 400: '-1', 403: '-1', 405: '-1', 413: '-1' },
	smsAdmin: { 400: 'Bad Request', 403: 'Forbidden', 405: 'Bad Request', 413: 'Bad Request' },
	sms18: { 400: 'Bad Request', 403: 'Forbidden', 405: 'Bad Request', 413: 'Bad Request' },
};

const genuine = (gateway: Gateway): WebhookRequestSpec =>
	requestFromPushSpec(vendors[gateway].pushRequest!('reply', { mobile: '13800000001', text: '收到', id: '7' })!);

function query(pairs: Array<[string, string]>, charset: 'gbk' | 'utf8' | 'gb2312' = 'utf8'): WebhookRequestSpec {
	return { method: 'GET', query: encodePairs(pairs, charset) };
}
function form(pairs: Array<[string, string]>): WebhookRequestSpec {
	return { method: 'POST', body: Buffer.from(encodePairs(pairs, 'gb2312'), 'latin1'), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

const BIG = 'x'.repeat(2 * 1024 * 1024);

interface Abuse {
	name: string;
	gateway: Gateway;
	request: WebhookRequestSpec;
	status: 400 | 403 | 405 | 413;
	options?: IDataObject;
}

const ABUSES: Abuse[] = [
	// Forged checks
	{ name: 'sms18: wrong pswd', gateway: 'sms18', request: query([['receiver', 'admin'], ['pswd', 'guess'], ['mobile', '13800000001'], ['msg', 'hi']]), status: 403 },
	{ name: 'sms18: wrong receiver', gateway: 'sms18', request: query([['receiver', 'root'], ['pswd', PUSH_AUTH.pswd], ['mobile', '13800000001'], ['msg', 'hi']]), status: 403 },
	{ name: 'sms18: no credentials at all', gateway: 'sms18', request: query([['mobile', '13800000001'], ['msg', 'hi']]), status: 403 },
	{ name: 'sms18: pswd as a prefix', gateway: 'sms18', request: query([['receiver', 'admin'], ['pswd', 's3cret'], ['mobile', '13800000001'], ['msg', 'hi']]), status: 403 },
	{ name: 'smsAdmin: wrong SmsName', gateway: 'smsAdmin', request: form([['Class', 'mo'], ['SmsName', 'intruder'], ['Mobile', '13800000001'], ['Message', 'hi']]), status: 403 },
	{ name: 'smsAdmin: no SmsName', gateway: 'smsAdmin', request: form([['Class', 'mo'], ['Mobile', '13800000001'], ['Message', 'hi']]), status: 403 },
	{ name: 'chinaSms: source outside the allow-list', gateway: 'chinaSms', request: { ...genuine('chinaSms'), remoteAddress: '203.0.113.9' }, options: { allowedAddresses: '198.51.100.0/24' }, status: 403 },
	{ name: 'chinaSms: forged X-Forwarded-For without trusted proxy', gateway: 'chinaSms', request: { ...genuine('chinaSms'), remoteAddress: '203.0.113.9', headers: { 'x-forwarded-for': '198.51.100.7' } }, options: { allowedAddresses: '198.51.100.0/24' }, status: 403 },
	// Missing fields
	{ name: 'chinaSms: no src', gateway: 'chinaSms', request: query([['msg', 'hi'], ['mo', '1']], 'gbk'), status: 400 },
	{ name: 'chinaSms: no msg', gateway: 'chinaSms', request: query([['src', '13800000001']], 'gbk'), status: 400 },
	{ name: 'smsAdmin: no Class', gateway: 'smsAdmin', request: form([['SmsName', 'smsuser'], ['Mobile', '13800000001'], ['Message', 'hi']]), status: 400 },
	{ name: 'smsAdmin: unknown Class', gateway: 'smsAdmin', request: form([['Class', 'drop'], ['SmsName', 'smsuser'], ['Mobile', '13800000001']]), status: 400 },
	{ name: 'smsAdmin: no Mobile', gateway: 'smsAdmin', request: form([['Class', 'rpt'], ['SmsName', 'smsuser'], ['Report', 'DELIVRD']]), status: 400 },
	{ name: 'smsAdmin: mo without Message', gateway: 'smsAdmin', request: form([['Class', 'mo'], ['SmsName', 'smsuser'], ['Mobile', '13800000001']]), status: 400 },
	{ name: 'sms18: neither report nor message', gateway: 'sms18', request: query([['receiver', 'admin'], ['pswd', PUSH_AUTH.pswd], ['mobile', '13800000001']]), status: 400 },
	{ name: 'sms18: message without mobile', gateway: 'sms18', request: query([['receiver', 'admin'], ['pswd', PUSH_AUTH.pswd], ['msg', 'hi']]), status: 400 },
	{ name: 'empty request', gateway: 'chinaSms', request: { method: 'GET' }, status: 400 },
	// Oversized
	{ name: 'chinaSms: 2 MB msg in the query', gateway: 'chinaSms', request: query([['src', '13800000001'], ['msg', BIG]], 'gbk'), status: 413 },
	{ name: 'smsAdmin: 2 MB form body', gateway: 'smsAdmin', request: form([['Class', 'mo'], ['SmsName', 'smsuser'], ['Mobile', '13800000001'], ['Message', BIG]]), status: 413 },
	{ name: 'sms18: 2 MB body, right credentials', gateway: 'sms18', request: { method: 'POST', body: encodePairs([['receiver', 'admin'], ['pswd', PUSH_AUTH.pswd], ['mobile', '13800000001'], ['msg', BIG]], 'utf8'), headers: { 'content-type': 'application/x-www-form-urlencoded' } }, status: 413 },
	// Wrong methods
	{ name: 'chinaSms: PUT', gateway: 'chinaSms', request: { ...genuine('chinaSms'), method: 'PUT' }, status: 405 },
	{ name: 'smsAdmin: DELETE', gateway: 'smsAdmin', request: { ...genuine('smsAdmin'), method: 'DELETE' }, status: 405 },
	{ name: 'sms18: PATCH', gateway: 'sms18', request: { ...genuine('sms18'), method: 'PATCH' }, status: 405 },
	// Garbage bytes
	{ name: 'chinaSms: random bytes in the query', gateway: 'chinaSms', request: { method: 'GET', query: randomBytes(300).toString('latin1').replace(/[#\r\n]/g, '') }, status: 400 },
	{ name: 'smsAdmin: random bytes as a form body', gateway: 'smsAdmin', request: { method: 'POST', body: randomBytes(4096), headers: { 'content-type': 'application/x-www-form-urlencoded' } }, status: 403 },
	{ name: 'smsAdmin: random bytes, no user id check', gateway: 'smsAdmin', request: { method: 'POST', body: randomBytes(4096), headers: { 'content-type': 'application/x-www-form-urlencoded' } }, options: { userId: '' }, status: 400 },
	{ name: 'sms18: broken percent escapes', gateway: 'sms18', request: { method: 'GET', query: '%%%ZZ&%FF%FE=%00&receiver=admin&pswd=%' }, status: 403 },
	{ name: 'smsAdmin: JSON instead of a form', gateway: 'smsAdmin', request: { method: 'POST', body: '{"Class":"mo","SmsName":"smsuser","Mobile":"13800000001","Message":"hi"}', headers: { 'content-type': 'application/json' } }, status: 403 },
];

afterAll(() => {
	reportFigures('webhook', { ...figures, secretsScannedValues: scanner.scannedValues, secretsScannedChars: scanner.scannedChars, secretsChecked: scanner.secretCount, secretHits: scanner.hits.length });
});

test.each((['chinaSms', 'smsAdmin', 'sms18'] as Gateway[]).map((g) => [g]))('%s: the genuine push is accepted (the refusals below are the checks\' doing)', async (gateway) => {
	const run = await runWebhook(node, { parameters: { gateway, options: OPTIONS[gateway] } as INodeParameters }, genuine(gateway));
	expect(run.status).toBe(200);
	expect(run.items).toHaveLength(1);
	figures.genuinePushesAccepted++;
});

test.each(ABUSES.map((a) => [a.name, a] as const))('%s: refused cleanly, no execution', async (_, abuse) => {
	const run = await runWebhook(node, { parameters: { gateway: abuse.gateway, options: { ...OPTIONS[abuse.gateway], ...(abuse.options ?? {}) } } as INodeParameters }, abuse.request);
	figures.abusiveRequestsTried++;
	if (run.items !== null) figures.executionsStarted++;
	scanner.scan(abuse.name, [run.text, run.logs, run.error]);
	expect(run.error).toBeUndefined();
	expect(run.items).toBeNull();
	expect(run.status).toBe(abuse.status);
	expect(run.text).toBe(REFUSAL_BODY[abuse.gateway][abuse.status]);
	// Said in the log, without the secret, in a line of bounded length.
	const said = run.logs.filter((l) => l.level === 'warn' || l.level === 'error');
	expect(said).toHaveLength(1);
	expect(said[0].message.length).toBeLessThan(500);
	expect(scanner.hits).toEqual([]);
});

test('only GET and POST are registered: n8n answers other methods itself', () => {
	for (const gateway of ['chinaSms', 'smsAdmin', 'sms18']) expect(node(gateway).description.webhooks!.map((w) => w.httpMethod).sort()).toEqual(['GET', 'POST']);
});
