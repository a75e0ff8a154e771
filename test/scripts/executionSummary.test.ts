/**
 * `npm run demo -- execute <id>`: the summary of n8n's run data (status, nodes, items per named
 * output, errors once where they arose, nodes that did not run) and reading that run data out of
 * what `n8n execute --rawOutput` prints, with and without log lines around it.
 */
import { parseRawOutput, summarizeExecution } from '../../scripts/executionSummary';
import type { RawRun, WorkflowNodes } from '../../scripts/executionSummary';

const REFUSED = 'SMSAdmin (通用短信平台): insufficient balance: ask your sales contact to top the account up (code 2)';
const refusedItem = {
	json: {
		phone: '13800000002',
		error: REFUSED,
		details: { gateway: 'smsAdmin', success: false, recipient: '13800000002', code: '2', vendorMessage: '2 余额不足!', failure: 'refused' },
	},
	pairedItem: { item: 1 },
};
const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { i } }));

/** The failover example's run, as n8n 2.41.1 records it (fields the summary does not read left out). */
const FAILOVER_RUN: RawRun = {
	status: 'success',
	startedAt: '2026-11-29T10:35:54.090Z',
	stoppedAt: '2026-11-29T10:35:55.153Z',
	data: {
		resultData: {
			runData: {
				'When clicking ‘Execute workflow’': [{ executionStatus: 'success', data: { main: [items(1)] } }],
				'One Item per Customer': [{ executionStatus: 'success', data: { main: [items(3)] } }],
				'Send via SMSAdmin': [{ executionStatus: 'success', data: { main: [items(2), [refusedItem]] } }],
				Sent: [{ executionStatus: 'success', data: { main: [items(2)] } }],
				// The IF passes the error item on unchanged: reported once, at the node it came from.
				'Certainly Not Sent?': [{ executionStatus: 'success', data: { main: [[refusedItem], []] } }],
				'Send via SMS10692': [{ executionStatus: 'success', data: { main: [items(1)] } }],
			},
		},
	},
};

const FAILOVER_NODES: WorkflowNodes = {
	nodes: [
		{ name: 'When clicking ‘Execute workflow’', type: 'n8n-nodes-base.manualTrigger' },
		{ name: 'One Item per Customer', type: 'n8n-nodes-base.splitOut' },
		{ name: 'Send via SMSAdmin', type: 'n8n-nodes-cn-sms.smsAdmin', onError: 'continueErrorOutput' },
		{ name: 'Sent', type: 'n8n-nodes-base.noOp' },
		{ name: 'Certainly Not Sent?', type: 'n8n-nodes-base.if' },
		{ name: 'Send via SMS10692', type: 'n8n-nodes-cn-sms.sms10692' },
		{ name: 'Not Resent: Check Before Resending', type: 'n8n-nodes-base.noOp' },
		{ name: 'About This Example', type: 'n8n-nodes-base.stickyNote' },
	],
};

test('a run with the error output: items per named output, the refusal once with its number and failure, what did not run', () => {
	expect(summarizeExecution(FAILOVER_RUN, FAILOVER_NODES)).toEqual([
		'status: success in 1.1 s',
		'  When clicking ‘Execute workflow’  1 item',
		'  One Item per Customer             3 items',
		'  Send via SMSAdmin                 Success: 2 items · Error: 1 item',
		`      Error item 0: 13800000002: ${REFUSED} [failure: refused]`,
		'  Sent                              2 items',
		'  Certainly Not Sent?               true: 1 item · false: 0 items',
		'  Send via SMS10692                 1 item',
		'  did not run: Not Resent: Check Before Resending',
	]);
});

test('without the workflow: outputs are numbered, nothing is said about nodes that did not run', () => {
	const lines = summarizeExecution(FAILOVER_RUN);
	expect(lines[3]).toBe('  Send via SMSAdmin                 output 0: 2 items · output 1: 1 item');
	expect(lines[4]).toBe(`      output 1 item 0: 13800000002: ${REFUSED} [failure: refused]`);
	expect(lines.some((l) => l.includes('did not run'))).toBe(false);
});

test('a failed node: its error and description without the long request URL; the run status', () => {
	const run: RawRun = {
		status: 'error',
		data: {
			resultData: {
				error: { message: 'China SMS (中国短信): the connection broke before an answer arrived (connection reset by the other side)', node: { name: 'Send via China SMS' } },
				runData: {
					Start: [{ data: { main: [items(1)] } }],
					'Send via China SMS': [
						{
							executionStatus: 'error',
							error: {
								message: 'China SMS (中国短信): the connection broke before an answer arrived (connection reset by the other side)',
								description:
									'Request: http://127.0.0.1:18001/send/ssend.asp?name=company&pwd=***&dst=13800138001&msg=%C4%FA. The request may have reached the gateway; it was not sent again.',
							},
						},
					],
				},
			},
		},
	};
	expect(summarizeExecution(run)).toEqual([
		'status: error',
		'  Start               1 item',
		'  Send via China SMS  no output',
		'      error: China SMS (中国短信): the connection broke before an answer arrived (connection reset by the other side)',
		'      The request may have reached the gateway; it was not sent again.',
	]);
});

test('items with an error on the regular output ("continue on fail") are listed, at most five per node', () => {
	const failed = Array.from({ length: 7 }, (_, i) => ({ json: { recipient: `1391234000${i}`, success: false, error: 'refused', failure: 'refused' } }));
	const run: RawRun = { status: 'success', data: { resultData: { runData: { Bulk: [{ data: { main: [[...items(1), ...failed]] } }] } } } };
	expect(summarizeExecution(run)).toEqual([
		'status: success',
		'  Bulk  8 items',
		'      item 1: 13912340000: refused [failure: refused]',
		'      item 2: 13912340001: refused [failure: refused]',
		'      item 3: 13912340002: refused [failure: refused]',
		'      item 4: 13912340003: refused [failure: refused]',
		'      item 5: 13912340004: refused [failure: refused]',
		'      … and 2 more items with an error',
	]);
});

test('the run data is found in what n8n printed: alone, or between log lines', () => {
	const json = JSON.stringify(FAILOVER_RUN, null, 2);
	expect(parseRawOutput(json)).toEqual(FAILOVER_RUN);
	const logged = ['n8n Task Broker ready on 127.0.0.1, port 21502', 'Execution was NOT successful. See log message for details.', 'Execution error:', '====', json, 'Error executing workflow. See log messages for details.', '}', ''].join('\n');
	expect(parseRawOutput(logged)).toEqual(FAILOVER_RUN);
	expect(parseRawOutput('The workflow with the id "nope" does not exist.\n')).toBeNull();
});
