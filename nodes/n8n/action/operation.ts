/** The shape of an operation unit: its entry in the Operation list, its parameters, its run. */
import type { INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { GatewayDeclaration, Operation } from '../../gateways/kit/declaration';
import type { RunContext } from './runContext';

export interface OperationUnit {
	option: { name: string; value: Operation; action: string; description: string };
	/** Its parameters on this gateway; the node shows them only while this operation is picked. */
	properties(declaration: GatewayDeclaration): INodeProperties[];
	/** Whether it sends messages (n8n's "Retry On Fail" would send them twice: refused). */
	sends?: boolean;
	execute(run: RunContext): Promise<INodeExecutionData[]>;
}
