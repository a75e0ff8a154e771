/**
 * `changePassword` (china-sms): runs once per execution with the first item's parameters — after
 * the first change the credential's password is no longer valid, so a second call could not work.
 */
import { failItem } from '../../../gateways/send/checks';
import type { OperationUnit } from '../operation';
import { failedItem, runError } from '../runContext';

export const changePassword: OperationUnit = {
	option: {
		name: 'Change Password',
		value: 'changePassword',
		action: 'Change the account password',
		description: 'Change the password of the account (update the credential afterwards)',
	},
	properties: () => [
		{
			displayName: 'New Password',
			name: 'newPassword',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'The new account password (fewer than 20 characters, more than 4). Update the credential afterwards. Runs once per execution.',
		},
	],
	async execute(run) {
		const { adapter, ctx } = run.session;
		const pairedItem = run.items.map((_, item) => ({ item }));
		try {
			const newPassword = String(run.fn.getNodeParameter('newPassword', 0) ?? '');
			if (!newPassword.trim()) failItem(0, ['New Password is empty']);
			const problems = adapter.passwordProblems?.(newPassword) ?? [];
			if (problems.length > 0) failItem(0, problems);
			await adapter.changePassword!(ctx, newPassword);
			return [{ json: { gateway: run.gateway, success: true }, pairedItem }];
		} catch (error) {
			if (!run.continueOnFail) throw runError(run, error, 0);
			return [{ ...failedItem(run, error, 0, { success: false }), pairedItem }];
		}
	},
};
