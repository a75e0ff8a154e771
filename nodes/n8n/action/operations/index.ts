/** Every operation of the action nodes: the one list the node descriptions and the router read. */
import type { Operation } from '../../../gateways/kit/declaration';
import type { OperationUnit } from '../operation';
import { changePassword } from './changePassword.operation';
import { checkContent } from './checkContent.operation';
import { fetchReplies } from './fetchReplies.operation';
import { fetchReports } from './fetchReports.operation';
import { getBalance } from './getBalance.operation';
import { send } from './send.operation';
import { sendBulk } from './sendBulk.operation';
import { sendTemplate } from './sendTemplate.operation';

export const OPERATIONS: Record<Operation, OperationUnit> = {
	send,
	sendBulk,
	sendTemplate,
	getBalance,
	fetchReports,
	fetchReplies,
	checkContent,
	changePassword,
};
