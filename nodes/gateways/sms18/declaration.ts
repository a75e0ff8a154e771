/** 18SMS (send.18sms.com), seed 003. */
import type { GatewayDeclaration } from '../kit/declaration';

export const sms18Declaration: GatewayDeclaration = {
	id: 'sms18',
	name: '18SMS',
	site: '18sms.com',
	icon: 'sms18',
	operations: ['send', 'sendBulk', 'getBalance'],
	sendOptions: ['extno', 'product', 'statusReport'],
	credentials: [{ type: 'sms18Api' }],
	limits: {
		maxRecipientsPerRequest: 50_000, // seed 003: 108 = 群发>50000或<=0
		maxMessageLength: 536, // seed 003: 106 = 消息长度错（>536或<=0）
		fetchSpacingMs: 0,
		supportsSchedule: false,
	},
	push: {
		events: ['report', 'reply'],
		options: ['longMessages', 'longMessageWait', 'receiver', 'password'],
		note: 'replies and delivery reports, UTF-8',
		registration: 'ask 18SMS to set it as the status-report and inbound-message address',
		setup:
			'Ask 18SMS (18sms.com) to set the Production URL shown above under "Webhook URLs" as both the status-report address and the inbound-message (MO) address of your account, with a receiver name and password of your choice; enter the same pair under Options. They push in UTF-8 (GET or POST). Long inbound messages arrive in parts and are joined into one item.',
	},
};
