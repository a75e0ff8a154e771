/**
 * Pushes that declare their charset, in a real n8n 2.41.1 (`npm run test:e2e`; needs `npm run
 * build`). n8n parses a webhook's body before the trigger runs, in the charset the Content-Type
 * names, and answers 422 to one it does not know (GBK, GB2312) — unless the start node is version
 * 1 and its `options.binaryData` is set, which the push trigger's options default to (an editor
 * keeps that hidden option when options are added). Form posts in GBK and GB2312, with and
 * without the charset label, and a UTF-8 one, each start exactly one execution with the right
 * Chinese text; the parameters are the vendors' own (the simulator's push formats). Measured
 * beside them: a node whose saved options lack `binaryData` still gets n8n's 422.
 *
 * Ports: n8n CN_SMS_PUSH_E2E_PORT (16678) and broker CN_SMS_PUSH_E2E_BROKER_PORT (16679).
 */
import { encodePairs } from '../../nodes/gateways/kit/charset';
import type { Charset } from '../../nodes/gateways/kit/model';
import { SIM_ACCOUNTS } from '../simulator';
import { createVendors } from '../simulator/vendors';
import type { E2eN8n, SavedWorkflow } from './support/n8n';
import { activateWorkflow, callWebhook, createWorkflow, getExecution, listExecutions, outputOf, sleep, startE2eN8n, waitForExecutions } from './support/n8n';
import { PUSH_NODE, pushWorkflow } from './support/workflows';

const PORT = Number(process.env.CN_SMS_PUSH_E2E_PORT || 16678);
const BROKER_PORT = Number(process.env.CN_SMS_PUSH_E2E_BROKER_PORT || 16679);
const vendors = createVendors();

type Pushing = 'chinaSms' | 'smsAdmin' | 'sms18';
const SMS18_RECEIVER = { receiver: 'n8n-e2e', pswd: 'push-secret-2' };

interface Case {
	name: string;
	gateway: Pushing;
	/** The charset the bytes are in. */
	charset: Charset;
	/** The Content-Type's charset parameter, or none. */
	label: string | null;
	text: string;
	mobile: string;
}

const CASES: Case[] = [
	{ name: 'GBK labelled GBK', gateway: 'chinaSms', charset: 'gbk', label: 'GBK', text: '收到，谢谢！明天见', mobile: '13600000021' },
	{ name: 'GBK unlabelled', gateway: 'chinaSms', charset: 'gbk', label: null, text: '好的，已确认 a+b&c', mobile: '13600000022' },
	{ name: 'GB2312 labelled gb2312', gateway: 'smsAdmin', charset: 'gb2312', label: 'gb2312', text: '回复：同意，请安排', mobile: '13600000023' },
	{ name: 'GB2312 labelled GB2312', gateway: 'smsAdmin', charset: 'gb2312', label: 'GB2312', text: '已收到 100%', mobile: '13600000024' },
	{ name: 'GB2312 unlabelled', gateway: 'smsAdmin', charset: 'gb2312', label: null, text: '谢谢您的通知', mobile: '13600000025' },
	{ name: 'UTF-8 labelled UTF-8', gateway: 'sms18', charset: 'utf8', label: 'UTF-8', text: '可以，明天见 👍', mobile: '13600000026' },
];

/** The vendor's push parameters for a reply (the simulator's format), as a form body in `charset`. */
function formPost(c: Case): { body: Buffer; contentType: string } {
	const spec = vendors[c.gateway].pushRequest!('reply', { mobile: c.mobile, text: c.text, id: c.mobile.slice(-4) })!;
	const params = c.gateway === 'sms18' ? [...spec.params, ['receiver', SMS18_RECEIVER.receiver], ['pswd', SMS18_RECEIVER.pswd]] : spec.params;
	const body = Buffer.from(encodePairs(params as Array<[string, string]>, c.charset), 'latin1');
	return { body, contentType: `application/x-www-form-urlencoded${c.label === null ? '' : `; charset=${c.label}`}` };
}

/** The options a node gets in the editor: the default (binaryData on) plus what the user adds. */
const EDITOR_OPTIONS: Record<Pushing, Record<string, unknown> | undefined> = {
	chinaSms: undefined,
	smsAdmin: { binaryData: true, userId: SIM_ACCOUNTS.smsAdmin.userId },
	sms18: { binaryData: true, receiver: SMS18_RECEIVER.receiver, password: SMS18_RECEIVER.pswd },
};

let e2e: E2eN8n;
const workflows = {} as Record<Pushing | 'handWritten', SavedWorkflow>;
const hook = (id: string) => `${e2e.n8n.url}/webhook/${id}/cn-sms`;

function workflowFor(gateway: Pushing, webhookId: string, options: Record<string, unknown> | undefined, name: string) {
	const spec = pushWorkflow(gateway, ['reply'], options ?? {});
	const node = spec.nodes[0];
	node.webhookId = webhookId;
	node.parameters = { gateway, events: ['reply'], ...(options === undefined ? {} : { options }) };
	return { ...spec, name };
}

beforeAll(async () => {
	e2e = await startE2eN8n(PORT, BROKER_PORT);
	for (const gateway of ['chinaSms', 'smsAdmin', 'sms18'] as const) {
		workflows[gateway] = await createWorkflow(e2e.rest, workflowFor(gateway, `e2e-charset-${gateway.toLowerCase()}`, EDITOR_OPTIONS[gateway], `E2E charset ${gateway}`));
		await activateWorkflow(e2e.rest, workflows[gateway]);
	}
	// Saved by hand with options but without the hidden binaryData: n8n parses the body itself.
	workflows.handWritten = await createWorkflow(e2e.rest, workflowFor('smsAdmin', 'e2e-charset-hand', { userId: SIM_ACCOUNTS.smsAdmin.userId }, 'E2E charset by hand'));
	await activateWorkflow(e2e.rest, workflows.handWritten);
}, 15 * 60_000);

afterAll(async () => {
	await e2e?.stop();
});

describe('form posts that declare their charset start one execution each, with the right text', () => {
	test.each(CASES.map((c) => [c.name, c] as const))('%s', async (_, c) => {
		const before = (await listExecutions(e2e.rest, workflows[c.gateway].id)).length;
		const { body, contentType } = formPost(c);
		const answer = await callWebhook(hook(`e2e-charset-${c.gateway.toLowerCase()}`), { method: 'POST', headers: { 'content-type': contentType }, body });
		// Each vendor's expected answer: china-sms a bare 0, the others an empty 200.
		expect(answer).toEqual({ status: 200, body: c.gateway === 'chinaSms' ? '0' : '' });
		const executions = await waitForExecutions(e2e.rest, workflows[c.gateway].id, before + 1, 30_000);
		expect(executions).toHaveLength(before + 1);
		const execution = await getExecution(e2e.rest, executions[executions.length - 1].id);
		expect(execution.status).toBe('success');
		expect(outputOf(execution, PUSH_NODE)).toEqual([expect.objectContaining({ gateway: c.gateway, type: 'reply', mobile: c.mobile, text: c.text })]);
	});

	test('measured: a node saved without binaryData gets n8n\'s 422 for a GBK label, and nothing runs', async () => {
		const c: Case = { name: 'hand', gateway: 'smsAdmin', charset: 'gb2312', label: 'GBK', text: '字符集', mobile: '13600000029' };
		const { body, contentType } = formPost(c);
		const answer = await callWebhook(hook('e2e-charset-hand'), { method: 'POST', headers: { 'content-type': contentType }, body });
		console.log(`push labelled charset=GBK to a node saved without binaryData: HTTP ${answer.status} ${answer.body.slice(0, 120)}`);
		expect(answer.status).toBe(422);
		await sleep(1500);
		expect(await listExecutions(e2e.rest, workflows.handWritten.id)).toEqual([]);
	});
});
