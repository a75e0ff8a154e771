/** Parameters several operations show in the same shape: the message and one recipient per item. */
import type { INodeProperties } from 'n8n-workflow';

export function messageProperty(description: string): INodeProperties {
	return { displayName: 'Message', name: 'message', type: 'string', typeOptions: { rows: 4 }, required: true, default: '', description };
}

export function recipientProperty(description: string): INodeProperties {
	return { displayName: 'Recipient', name: 'recipient', type: 'string', required: true, default: '', placeholder: 'e.g. {{ $json.phone }}', description };
}
