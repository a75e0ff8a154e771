/**
 * The branches of each gateway's action workflow: every operation the contract gives the gateway
 * (26 cells in all), one refusal by the gateway routed to the error output, and (china-sms) one
 * input error refused before anything is sent. Texts and numbers are unique per branch so the
 * simulator's records can be matched to the branch that caused them.
 */
import type { GatewayId } from '../../simulator/types';
import type { CredentialRef } from './n8n';
import type { Branch } from './workflows';

/** The list posted to each action workflow; Split Out makes one item per person. */
export const PEOPLE = [
	{ phone: '13700000001', name: '张三', code: '1234' },
	{ phone: '13700000002', name: '李四', code: '5678' },
	{ phone: '13700000003', name: '王五', code: '9012' },
];

export const SEND_TO = '13800138001, +8613800138002；13800138003';
export const SEND_NUMBERS = ['13800138001', '13800138002', '13800138003'];

export const sendText = (gateway: GatewayId) => `端到端测试 ${gateway} 单发`;
export const bulkText = (gateway: GatewayId) => `端到端测试 ${gateway} 群发`;
export const TEMPLATE = '{value0}，您的验证码是{value1}';

/** The operations of the contract's table, by gateway, and the branch that runs each. */
export const OPERATION_BRANCH: Record<GatewayId, Record<string, string>> = {
	chinaSms: { send: 'Send', sendBulk: 'Send Bulk', getBalance: 'Balance', fetchReplies: 'Fetch Replies', changePassword: 'Change Password' },
	smsAdmin: {
		send: 'Send',
		sendBulk: 'Send Bulk',
		sendTemplate: 'Send Template',
		getBalance: 'Balance',
		fetchReports: 'Fetch Reports',
		fetchReplies: 'Fetch Replies',
		checkContent: 'Check Content',
	},
	sms112088: { send: 'Send', sendBulk: 'Send Bulk', getBalance: 'Balance', fetchReports: 'Fetch Reports', fetchReplies: 'Fetch Replies' },
	sms18: { send: 'Send', sendBulk: 'Send Bulk', getBalance: 'Balance' },
	sms10692: {
		send: 'Send',
		sendBulk: 'Send Bulk',
		getBalance: 'Balance',
		fetchReports: 'Fetch Reports',
		fetchReplies: 'Fetch Replies',
		checkContent: 'Check Content',
	},
};

/** A message each gateway refuses, and the vendor code it refuses it with. */
export const REFUSAL: Record<GatewayId, { recipients: string; message: string; code: string }> = {
	chinaSms: { recipients: '13800138009, 13800138008', message: '拒绝测试 违禁 chinaSms', code: '6005' },
	smsAdmin: { recipients: '13800000004', message: '拒绝测试 smsAdmin', code: '4' },
	sms112088: { recipients: '13800138009', message: '拒绝测试 违禁 sms112088', code: '-3' },
	sms18: { recipients: '13800138009', message: '拒绝测试 敏感词 sms18', code: '105' },
	sms10692: { recipients: '13800138009', message: '拒绝测试 违禁词 sms10692', code: 'illegalWords' },
};

export const NEW_PASSWORD = 'Changed-Pw-77';
export const CHECK_TEXT: Partial<Record<GatewayId, string>> = { smsAdmin: '可以代开发票', sms10692: '这里有违禁词' };

export function branchesFor(gateway: GatewayId, extra: { secondAccount?: CredentialRef } = {}): Branch[] {
	const b = OPERATION_BRANCH[gateway];
	const list: Branch[] = [
		{ name: b.send, parameters: { operation: 'send', recipients: SEND_TO, message: sendText(gateway), options: {} } },
		{ name: b.getBalance, parameters: { operation: 'getBalance' } },
		{
			name: b.sendBulk,
			perPerson: true,
			parameters: { operation: 'sendBulk', recipient: '={{ $json.phone }}', message: bulkText(gateway), options: {} },
		},
	];
	if (b.sendTemplate) {
		list.push({
			name: b.sendTemplate,
			perPerson: true,
			parameters: {
				operation: 'sendTemplate',
				template: TEMPLATE,
				recipient: '={{ $json.phone }}',
				values: '={{ $json.name }},{{ $json.code }}',
				options: {},
			},
		});
	}
	if (b.fetchReports) list.push({ name: b.fetchReports, parameters: { operation: 'fetchReports', options: {} } });
	if (b.fetchReplies) list.push({ name: b.fetchReplies, parameters: { operation: 'fetchReplies', options: {} } });
	if (b.checkContent) list.push({ name: b.checkContent, parameters: { operation: 'checkContent', message: CHECK_TEXT[gateway] } });
	if (b.changePassword) {
		list.push({ name: b.changePassword, parameters: { operation: 'changePassword', newPassword: NEW_PASSWORD }, credential: extra.secondAccount });
	}
	const refusal = REFUSAL[gateway];
	list.push({
		name: 'Refused',
		errorOutput: true,
		parameters: { operation: 'send', recipients: refusal.recipients, message: refusal.message, options: {} },
	});
	if (gateway === 'chinaSms') {
		list.push({
			name: 'Bad Input',
			errorOutput: true,
			parameters: { operation: 'send', recipients: '12345', message: '不会发送', options: {} },
		});
	}
	return list;
}
