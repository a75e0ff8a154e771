/**
 * `changePassword` (china-sms): runs once per execution with the first item's parameters — after
 * the first change the credential's password is no longer valid, so a second call could not work.
 */
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { InputError } from '../../gateways/kit/errors';
import { showFor } from '../descriptions';
import { failureItem, nodeError, operationError } from '../results';
import type { RunContext } from '../results';

export const description: INodeProperties[] = [
	{
		displayName: 'New Password',
		name: 'newPassword',
		type: 'string',
		typeOptions: { password: true },
		required: true,
		default: '',
		displayOptions: showFor('changePassword'),
		description: 'The new account password (fewer than 20 characters, more than 4). Update the credential afterwards. Runs once per execution.',
	},
];

export async function execute(run: RunContext): Promise<INodeExecutionData[]> {
	const { adapter, ctx } = run.session;
	if (!adapter.changePassword) throw operationError(run, `${adapter.displayName} cannot change the password`);
	const pairedItem = run.items.map((_, item) => ({ item }));
	try {
		const newPassword = String(run.fn.getNodeParameter('newPassword', 0) ?? '');
		if (!newPassword.trim()) throw new InputError('Item 0: New Password is empty', 0);
		// seed 000 §4 and error 6016: shorter than 20 letters, longer than 4 characters.
		if (newPassword.length >= 20 || newPassword.length <= 4) {
			throw new InputError(`Item 0: New Password must have 5 to 19 characters, it has ${newPassword.length}`, 0);
		}
		await adapter.changePassword(ctx, newPassword);
		return [{ json: { gateway: run.gateway, success: true }, pairedItem }];
	} catch (error) {
		if (!run.continueOnFail) throw nodeError(run, error, 0);
		return [{ ...failureItem(run, error, 0, { success: false }), pairedItem }];
	}
}
